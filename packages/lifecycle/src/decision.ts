import { sql, type Kysely } from "kysely";
import type { Dispatch, WriteIntent } from "@layers/contracts";
import { json, type Database, type InsertableAuditRow, type IntentState, type JobStatus } from "@layers/db";
import { outboxInsert, type OutboxEvent } from "./outbox.ts";
import { nextOpenSql, waitingOf, type WaitingWrite } from "./dispatch.ts";
import { fromStates, IllegalTransitionError, targetState, type IntentMove, type JobMove } from "./transitions.ts";

export interface JobError {
  code: string;
  message: string;
  reason?: string;
}

/** The gate's verdict moves: each is one row of INTENT_MOVES, with the job's move beside it. */
export type VerdictMove = Extract<IntentMove, "allow" | "queue" | "deny" | "apply">;

const JOB_MOVE_OF: Record<VerdictMove, JobMove> = { allow: "run", queue: "wait", deny: "fail", apply: "complete" };

export interface DecisionToStore {
  move: VerdictMove;
  audit: InsertableAuditRow;
  intentId: string;
  jobId: string;
  at: Date;
  pendingActionId: string | null;
  /** Policy operations: the state after the change (the job's result). */
  result?: Record<string, unknown> | undefined;
  error?: JobError | undefined;
  /** `allow` of a platform write: the message its dispatcher gets (stored for hand-on and sweeps). */
  dispatch?: Dispatch | undefined;
  /** The partner-visible events of this decision, stored in the same statement. */
  events: readonly OutboxEvent[];
  /** The intent's place in its entity's order, to find the write waiting behind it. */
  entityKey: string;
  entitySeq: number;
}

/**
 * Stores a decision's own rows in one statement (one round trip): the audit row (id = verdictId),
 * the intent's move, the job's move and the decision's events. Data-modifying CTEs always run to
 * completion, and the statement is atomic like the rest of the caller's transaction. The audit
 * row's unique `intent_id` makes a second decision of one intent fail the whole statement, and the
 * intent update only matches an `accepted` row (the table's `from`).
 */
export async function storeDecision(db: Kysely<Database>, d: DecisionToStore): Promise<{ next: WaitingWrite | null }> {
  const to = targetState("intent", d.move) as IntentState;
  const terminal = d.move !== "allow";
  const jobTo = targetState("job", JOB_MOVE_OF[d.move]) as JobStatus;
  const ended = jobTo === "completed" || jobTo === "failed";
  const q = db
    .with("audit", () => db.insertInto("audit_log").values(d.audit).returning("id"))
    .with("intent", () =>
      db
        .updateTable("write_intents")
        .set({
          state: to,
          verdict_id: d.audit.id,
          decided_at: d.at,
          lease_until: null,
          ...(d.dispatch ? { dispatch: json(d.dispatch) } : {}),
          ...(terminal ? { finished_at: d.at } : {}),
        })
        .where("id", "=", d.intentId)
        .where("state", "in", fromStates("intent", d.move) as never[])
        .returning("id"),
    )
    .with("job", () =>
      db
        .updateTable("jobs")
        .set({
          status: jobTo,
          verdict_id: d.audit.id,
          decision: d.audit.decision,
          reason: d.audit.reason ?? null,
          pending_action_id: d.pendingActionId,
          ...(d.result ? { result: json(d.result) } : {}),
          ...(d.error ? { error: json(d.error) } : {}),
          updated_at: d.at,
          ...(ended ? { completed_at: d.at } : {}),
        })
        .where("id", "=", d.jobId)
        .where("status", "in", fromStates("job", JOB_MOVE_OF[d.move]) as never[])
        .returning("id"),
    );
  const withEvents = d.events.length > 0 ? q.with("events", () => outboxInsert(db, d.events).returning("id")) : q;
  // A verdict that closes the intent (all but allow) hands on the write waiting behind it.
  const next = terminal ? sql<unknown>`(select to_jsonb(x) from (${nextOpenSql(d.entityKey, d.entitySeq)}) x)` : sql<unknown>`null::jsonb`;
  const r = await withEvents
    .selectNoFrom([sql<number>`(select count(*)::int from intent)`.as("n"), next.as("next")])
    .executeTakeFirst();
  if ((r?.n ?? 0) === 0) throw new IllegalTransitionError("intent", d.move, d.intentId, undefined);
  return { next: waitingOf(r?.next as never) };
}

/**
 * Ends an intent the gate cannot decide (its layer or campaign is gone, or its stored payload is
 * broken): intent `failed` with a typed failure, job `failed`, in one statement.
 */
export async function markUndecidable(db: Kysely<Database>, intentId: string, jobId: string, error: JobError, at: Date): Promise<void> {
  await sql`
    with i as (
      update write_intents set state = ${targetState("intent", "undecidable")}, failure_reason = ${`${error.code}: ${error.message}`.slice(0, 2000)},
        failure = ${json({ code: error.code, message: error.message })}::jsonb, decided_at = ${at}, finished_at = ${at}, lease_until = null
      where id = ${intentId} and state = any(${fromStates("intent", "undecidable")}::text[])
      returning id
    )
    update jobs set status = ${targetState("job", "fail")}, error = ${json(error)}::jsonb, updated_at = ${at}, completed_at = ${at}
    where id = ${jobId} and status = any(${fromStates("job", "fail")}::text[])`.execute(db);
}

export interface PendingActionContent {
  campaignId: string | null;
  entityName: string | null;
  currentValue: unknown;
  newValue: unknown;
  rationale: string | null;
  proposedAction: unknown;
}

/** The pending action a `queue` verdict creates; runs in the decision's transaction, before `storeDecision`. */
export async function insertPendingAction(db: Kysely<Database>, p: { id: string; intent: WriteIntent; content: PendingActionContent; at: Date }): Promise<void> {
  const { intent, content } = p;
  await db
    .insertInto("pending_actions")
    .values({
      id: p.id,
      organization_id: intent.organizationId,
      project_id: intent.projectId,
      layer_id: intent.layerId,
      platform: intent.platform,
      campaign_id: content.campaignId,
      intent_id: intent.intentId,
      job_id: intent.jobId,
      action_type: intent.operation,
      entity_name: content.entityName,
      current_value: content.currentValue === null ? null : json(content.currentValue),
      new_value: content.newValue === null ? null : json(content.newValue),
      rationale: content.rationale,
      proposed_action: json(content.proposedAction),
      status: "pending",
      actor_type: intent.actor.type,
      actor_organization_id: intent.actor.organizationId,
      actor_api_key_id: intent.actor.apiKeyId ?? null,
      actor_user_id: intent.actor.userId ?? null,
      created_at: p.at,
      updated_at: p.at,
    })
    .execute();
}

/** An approved action whose re-run the gate denied: it will never reach the platform. */
export async function markPendingDispatchFailed(db: Kysely<Database>, id: string, reason: string, at: Date): Promise<void> {
  await db
    .updateTable("pending_actions")
    .set({ status: "dispatch_failed", dispatched_failure_reason: reason, updated_at: at })
    .where("id", "=", id)
    .where("status", "in", fromStates("pending", "dispatchFailed") as never[])
    .execute();
}
