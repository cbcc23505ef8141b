import { randomUUID } from "node:crypto";
import { sql, type Kysely, type Transaction } from "kysely";
import { axisOf, isCreate, operationSchema, targetOf, writeIntentSchema, type Actor, type Operation } from "@layers/contracts";
import { json, type Database, type IntentState, type JobRow, type JobStatus, type PendingStatus } from "@layers/db";
import { nextWaiting, type WaitingWrite } from "./dispatch.ts";
import { jobEndedEvent } from "./job-ended.ts";
import { enqueueEvents } from "./outbox.ts";
import { fromStates, IllegalTransitionError, OPEN_INTENT_STATES, targetState } from "./transitions.ts";

/**
 * Whether a write intent may still be canceled: its state is a `from` of move `cancel` and, when
 * `allowed`, no dispatcher ever made an attempt (a release or a throttled deferral keeps
 * `attempts` > 0: a platform call may have applied, so only the dispatcher may end it).
 */
export function isCancellable(state: IntentState, attempts: number): boolean {
  return (fromStates("intent", "cancel") as IntentState[]).includes(state) && (state !== "allowed" || attempts === 0);
}

export type CancelResult =
  | { canceled: true; job: JobRow; pendingActionId: string | null; next: WaitingWrite | null; closedIntentId: string }
  /** The job is already dispatching or finished (or has no write to cancel): nothing changed. */
  | { canceled: false; status: JobStatus };

export interface CancelInput {
  jobId: string;
  by: Actor;
  requestId: string;
  traceparent: string | null;
  at?: Date;
  /** Runs in the cancel's transaction after it (e.g. to hold the request's answer on its idempotency key). */
  inTransaction?: (trx: Transaction<Database>, job: JobRow) => Promise<void>;
}

/**
 * Cancels a job whose write no dispatcher has taken (intent move `cancel`, job `cancel`, pending
 * action `withdraw`), in one transaction: the intent, job and pending action moves, the entity of
 * a create marked `rejected`, an audit row (decision `cancel`, actor = who canceled) and the
 * `job.canceled` event in the outbox. It locks the intent row first (as the gate and the dispatchers
 * do), then its pending action (as approve and reject do), then the job row, so it and a
 * dispatcher's claim exclude each other and no lock order is ever reversed: whichever
 * commits first wins, and the other's `where state …` no longer matches. Returns the write waiting
 * behind the canceled one on its entity, for the caller to hand on after commit.
 */
export async function cancelJob(db: Kysely<Database>, input: CancelInput): Promise<CancelResult | undefined> {
  const at = input.at ?? new Date();
  return db.transaction().execute(async (trx) => {
    for (;;) {
      const seen = await trx.selectFrom("jobs").select(["intent_id", "status"]).where("id", "=", input.jobId).executeTakeFirst();
      if (!seen) return undefined;
      if (!seen.intent_id) return { canceled: false, status: seen.status };
      const intent = await trx
        .selectFrom("write_intents")
        .select(["id", "state", "attempts", "payload", "operation", "entity_key", "entity_seq"])
        .where("id", "=", seen.intent_id)
        .forUpdate()
        .executeTakeFirst();
      // Its pending action before the job, as approve and reject lock them: no lock cycle with either.
      if (intent) await pendingOf(trx, intent.id, intent.payload).forUpdate().execute();
      const job = await trx.selectFrom("jobs").selectAll().where("id", "=", input.jobId).forUpdate().executeTakeFirstOrThrow();
      // An approval re-run switched the job to a new intent meanwhile: start over with that one.
      if (job.intent_id !== seen.intent_id) continue;
      if (!intent || !isCancellable(intent.state, intent.attempts) || !(fromStates("job", "cancel") as JobStatus[]).includes(job.status)) {
        return { canceled: false, status: job.status };
      }
      const done = await applyCancel(trx, input, at, job, intent);
      if (done.canceled) await input.inTransaction?.(trx, done.job);
      return done;
    }
  });
}

async function applyCancel(
  trx: Kysely<Database>,
  input: CancelInput,
  at: Date,
  job: JobRow,
  intent: { id: string; state: IntentState; payload: unknown; operation: string; entity_key: string; entity_seq: string | number | bigint },
): Promise<CancelResult> {
  const message = "the job was canceled before it reached the platform";
  // The guard repeats the checks above in SQL: the table's `from` states, and no attempt made.
  const moved = await trx
    .updateTable("write_intents")
    .set({ state: targetState("intent", "cancel") as IntentState, failure: json({ code: "CANCELED", message }), failure_reason: `CANCELED: ${message}`, finished_at: at, lease_until: null })
    .where("id", "=", intent.id)
    .where("state", "in", fromStates("intent", "cancel") as IntentState[])
    .where(sql<boolean>`(state <> 'allowed' or attempts = 0)`)
    .executeTakeFirst();
  if (moved.numUpdatedRows === 0n) throw new IllegalTransitionError("intent", "cancel", intent.id, intent.state);
  const canceled = await trx
    .updateTable("jobs")
    .set({ status: targetState("job", "cancel") as JobStatus, error: json({ code: "CANCELED", message }), completed_at: at, updated_at: at })
    .where("id", "=", job.id)
    .where("status", "in", fromStates("job", "cancel") as JobStatus[])
    .returningAll()
    .executeTakeFirstOrThrow();
  const parsed = writeIntentSchema.safeParse(intent.payload);
  const payload = parsed.success ? parsed.data : undefined;
  const pending = await trx
    .updateTable("pending_actions")
    .set({ status: targetState("pending", "withdraw") as PendingStatus, updated_at: at })
    .where((eb) => eb.or([eb("intent_id", "=", intent.id), eb("id", "=", pendingIdOf(intent.payload))]))
    .where("status", "in", fromStates("pending", "withdraw") as PendingStatus[])
    .returning("id")
    .execute();
  const op = operationSchema.safeParse(intent.operation);
  if (op.success && payload) await rejectCreatedEntity(trx, op.data, payload.params, at);
  await trx
    .insertInto("audit_log")
    .values({
      id: randomUUID(),
      organization_id: job.organization_id,
      project_id: job.project_id,
      layer_id: payload?.layerId ?? null,
      platform: payload?.platform ?? null,
      occurred_at: at,
      actor_type: input.by.type,
      actor_organization_id: input.by.organizationId,
      actor_api_key_id: input.by.apiKeyId ?? null,
      actor_user_id: input.by.userId ?? null,
      actor_on_behalf_of: input.by.onBehalfOf ?? null,
      operation: intent.operation,
      axis: op.success ? axisOf(op.data) : "policy",
      decision: "cancel",
      reason: null,
      // A queued intent already has its gate decision's row, which owns the unique intent_id.
      intent_id: null,
      entity_key: intent.entity_key,
      pending_action_id: pending[0]?.id ?? null,
      request_id: input.requestId,
      intent: json(intent.payload),
    })
    .execute();
  await enqueueEvents(trx, [
    jobEndedEvent(
      { organizationId: job.organization_id, projectId: job.project_id, jobId: job.id, intentId: intent.id, status: "canceled", error: { code: "CANCELED", message } },
      at,
      { requestId: input.requestId, traceparent: input.traceparent },
    ),
  ]);
  // Only an open write held back the ones behind it on its entity.
  const next = OPEN_INTENT_STATES.includes(intent.state) ? await nextWaiting(trx, intent.entity_key, Number(intent.entity_seq)) : null;
  return { canceled: true, job: canceled, pendingActionId: pending[0]?.id ?? null, next, closedIntentId: intent.id };
}

/** The approved action an approval's re-run carries (empty: none). */
function pendingIdOf(payload: unknown): string {
  const id = (payload as { pendingActionId?: unknown } | null)?.pendingActionId;
  return typeof id === "string" ? id : "";
}

/** The action queued for this intent, else (an approval's re-run) the approved action it runs. */
function pendingOf(trx: Kysely<Database>, intentId: string, payload: unknown) {
  return trx
    .selectFrom("pending_actions")
    .select("id")
    .where((eb) => eb.or([eb("intent_id", "=", intentId), eb("id", "=", pendingIdOf(payload))]));
}

/**
 * A create that will never reach the platform (rejected, or canceled) leaves its entity `rejected`,
 * so writes to or under it are refused like those of a denied create. Only a row still waiting
 * for its create is moved.
 */
export async function rejectCreatedEntity(trx: Kysely<Database>, op: Operation, params: Record<string, unknown>, at: Date): Promise<void> {
  if (!isCreate(op)) return;
  const target = targetOf(op, params);
  if (!target) return;
  const table = target.kind === "campaign" ? "campaigns" : "ad_entities";
  await trx
    .updateTable(table)
    .set({ status: "rejected", updated_at: at })
    .where("id", "=", target.id)
    .where("status", "in", ["pending_approval", "creating"])
    .execute();
}
