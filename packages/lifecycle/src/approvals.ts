import type { Kysely } from "kysely";
import { operationSchema, writeIntentSchema, type Actor } from "@layers/contracts";
import { json, type Database, type PendingActionRow, type PendingStatus } from "@layers/db";
import { assertMove, fromStates, targetState } from "./transitions.ts";
import { rejectCreatedEntity } from "./cancel.ts";
import { jobEndedEvent } from "./job-ended.ts";
import { enqueueEvents } from "./outbox.ts";

/** Locks a pending action so two approvers (or an approve racing a reject) cannot both decide it. */
export async function lockPendingAction(db: Kysely<Database>, id: string): Promise<PendingActionRow | undefined> {
  return db.selectFrom("pending_actions").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

/**
 * Move `approve` on a locked row (its re-run intent is accepted in the same transaction).
 * Throws `IllegalTransitionError` when the action is no longer pending.
 */
export async function approvePending(db: Kysely<Database>, row: PendingActionRow, by: Actor, comment: string | undefined, approvalIntentId: string): Promise<PendingActionRow> {
  assertMove("pending", "approve", row.id, row.status);
  return db
    .updateTable("pending_actions")
    .set({ status: targetState("pending", "approve") as PendingStatus, decided_by: json(by), decision_comment: comment ?? null, approval_intent_id: approvalIntentId, updated_at: new Date() })
    .where("id", "=", row.id)
    .where("status", "in", fromStates("pending", "approve") as PendingStatus[])
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Move `reject` on a locked row: the queued write ends, its job `canceled` (move `cancel`) with the
 * `job.canceled` event, and the entity of a rejected create becomes `rejected`. Throws
 * `IllegalTransitionError` when the action is no longer pending.
 */
export async function rejectPending(
  db: Kysely<Database>,
  row: PendingActionRow,
  by: Actor,
  reason: string,
  hop: { requestId: string | null; traceparent: string | null } = { requestId: null, traceparent: null },
): Promise<PendingActionRow> {
  assertMove("pending", "reject", row.id, row.status);
  const now = new Date();
  const updated = await db
    .updateTable("pending_actions")
    .set({ status: targetState("pending", "reject") as PendingStatus, decided_by: json(by), reject_reason: reason, updated_at: now })
    .where("id", "=", row.id)
    .where("status", "in", fromStates("pending", "reject") as PendingStatus[])
    .returningAll()
    .executeTakeFirstOrThrow();
  const error = { code: "REJECTED", message: "the pending action was rejected", reason };
  const job = await db
    .updateTable("jobs")
    .set({ status: "canceled", error: json(error), updated_at: now, completed_at: now })
    .where("id", "=", row.job_id)
    .where("status", "in", fromStates("job", "cancel") as never[])
    .returning(["id", "organization_id", "project_id"])
    .executeTakeFirst();
  if (job) {
    await enqueueEvents(db, [
      jobEndedEvent({ organizationId: job.organization_id, projectId: job.project_id, jobId: job.id, intentId: row.intent_id, status: "canceled", error }, now, hop),
    ]);
  }
  const intent = await db.selectFrom("write_intents").select(["operation", "payload"]).where("id", "=", row.intent_id).executeTakeFirst();
  const op = operationSchema.safeParse(intent?.operation);
  const payload = writeIntentSchema.safeParse(intent?.payload);
  if (op.success && payload.success) await rejectCreatedEntity(db, op.data, payload.data.params, now);
  return updated;
}
