import { sql, type Kysely } from "kysely";
import type { Dispatch, WriteIntent } from "@layers/contracts";
import { json, type Database, type InsertableAuditRow, type IntentState, type JobStatus } from "@layers/db";
import { enqueueEvents, outboxInsertWhere, type OutboxEvent } from "./outbox.ts";
import { jobEndedEvent } from "./job-ended.ts";
import { waitingOf, type NextRow, type WaitingWrite } from "./dispatch.ts";
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
 * Stores the decisions of one batch in one statement (group commit: one round trip and, with the
 * caller's transaction, one commit for many intents): the audit rows (id = verdictId), each
 * intent's and job's move and every decision's events, and reads the write waiting behind each
 * intent a verdict closed. Data-modifying CTEs always run to completion, and the statement is
 * atomic like the rest of the caller's transaction. An intent update only matches an `accepted`
 * row (the table's `from`), and the audit row's unique `intent_id` makes a second decision of one
 * intent fail: if any intent of the batch was not `accepted`, it throws `IllegalTransitionError`
 * and the caller's transaction rolls the batch back.
 */
export async function storeDecisions(db: Kysely<Database>, list: readonly DecisionToStore[]): Promise<Array<{ next: WaitingWrite | null }>> {
  if (list.length === 0) return [];
  // Json columns arrive as JSON text (the driver never guesses); the recordset wants the value itself.
  const audits = list.map((d) => ({
    ...d.audit,
    occurred_at: d.audit.occurred_at ?? d.at,
    intent: typeof d.audit.intent === "string" ? (JSON.parse(d.audit.intent) as unknown) : d.audit.intent,
  }));
  const intents = list.map((d) => ({
    id: d.intentId,
    state: targetState("intent", d.move),
    verdict_id: d.audit.id,
    at: d.at,
    dispatch: d.dispatch ?? null,
    finished: d.move !== "allow",
    from_states: fromStates("intent", d.move),
  }));
  const jobs = list.map((d) => {
    const move = JOB_MOVE_OF[d.move];
    const to = targetState("job", move) as JobStatus;
    return {
      id: d.jobId,
      status: to,
      verdict_id: d.audit.id,
      decision: d.audit.decision,
      reason: d.audit.reason ?? null,
      pending_action_id: d.pendingActionId,
      result: d.result ?? null,
      error: d.error ?? null,
      at: d.at,
      ended: to === "completed" || to === "failed",
      from_states: fromStates("job", move),
    };
  });
  const events = list.flatMap((d) => d.events);
  const closing = list.filter((d) => d.move !== "allow").map((d) => ({ id: d.intentId, entity_key: d.entityKey, entity_seq: d.entitySeq }));
  const r = await sql<{ n: number; nexts: Array<{ id: string; next: NextRow | null }> | null }>`
    with audit as (
      insert into audit_log select * from jsonb_populate_recordset(null::audit_log, ${JSON.stringify(audits)}::jsonb) returning id
    ), intent as (
      update write_intents w
      set state = x.state, verdict_id = x.verdict_id, decided_at = x.at, lease_until = null,
        dispatch = coalesce(x.dispatch, w.dispatch), finished_at = case when x.finished then x.at else w.finished_at end
      from jsonb_to_recordset(${JSON.stringify(intents)}::jsonb)
        as x(id text, state text, verdict_id uuid, at timestamptz, dispatch jsonb, finished boolean, from_states text[])
      where w.id = x.id and w.state = any(x.from_states)
      returning w.id
    ), job as (
      update jobs j
      set status = x.status, verdict_id = x.verdict_id, decision = x.decision, reason = x.reason, pending_action_id = x.pending_action_id,
        result = coalesce(x.result, j.result), error = coalesce(x.error, j.error), updated_at = x.at,
        completed_at = case when x.ended then x.at else j.completed_at end
      from jsonb_to_recordset(${JSON.stringify(jobs)}::jsonb)
        as x(id text, status text, verdict_id uuid, decision text, reason text, pending_action_id text, result jsonb, error jsonb, at timestamptz, ended boolean, from_states text[])
      where j.id = x.id and j.status = any(x.from_states)
      returning j.id
    )${events.length > 0 ? sql`, ev as (${outboxInsertWhere(events, sql`true`)})` : sql``}
    select (select count(*)::int from intent) as n,
      (select jsonb_agg(jsonb_build_object('id', c.id, 'next', (
          select to_jsonb(nx) from (
            select o.id, o.state, o.platform, o.dispatch, o.request_id, o.traceparent from write_intents o
            where o.entity_key = c.entity_key and o.entity_seq > c.entity_seq and o.state in ('accepted','allowed','dispatching')
            order by o.entity_seq limit 1) nx)))
       from jsonb_to_recordset(${JSON.stringify(closing)}::jsonb) as c(id text, entity_key text, entity_seq bigint)) as nexts`.execute(db);
  const row = r.rows[0];
  if ((row?.n ?? 0) !== list.length) {
    const first = list[0]!;
    throw new IllegalTransitionError("intent", first.move, list.length === 1 ? first.intentId : `(${list.length - (row?.n ?? 0)} of a batch of ${list.length})`, undefined);
  }
  const nextOf = new Map((row?.nexts ?? []).map((x) => [x.id, waitingOf(x.next)]));
  return list.map((d) => ({ next: nextOf.get(d.intentId) ?? null }));
}

/** One decision: `storeDecisions` of a batch of one. */
export async function storeDecision(db: Kysely<Database>, d: DecisionToStore): Promise<{ next: WaitingWrite | null }> {
  const [one] = await storeDecisions(db, [d]);
  return one!;
}

/**
 * Ends an intent the gate cannot decide (its layer or campaign is gone, or its stored payload is
 * broken): intent `failed` with a typed failure, job `failed` with its `job.failed` event, in one
 * statement.
 */
export async function markUndecidable(
  db: Kysely<Database>,
  intentId: string,
  jobId: string,
  error: JobError,
  at: Date,
  hop: { requestId: string | null; traceparent: string | null } = { requestId: null, traceparent: null },
): Promise<void> {
  const r = await sql<{ organization_id: string; project_id: string | null }>`
    with i as (
      update write_intents set state = ${targetState("intent", "undecidable")}, failure_reason = ${`${error.code}: ${error.message}`.slice(0, 2000)},
        failure = ${json({ code: error.code, message: error.message })}::jsonb, decided_at = ${at}, finished_at = ${at}, lease_until = null
      where id = ${intentId} and state = any(${fromStates("intent", "undecidable")}::text[])
      returning id
    )
    update jobs set status = ${targetState("job", "fail")}, error = ${json(error)}::jsonb, updated_at = ${at}, completed_at = ${at}
    where id = ${jobId} and status = any(${fromStates("job", "fail")}::text[]) and exists (select 1 from i)
    returning organization_id, project_id`.execute(db);
  const job = r.rows[0];
  if (job) await enqueueEvents(db, [jobEndedEvent({ organizationId: job.organization_id, projectId: job.project_id, jobId, intentId, status: "failed", error }, at, hop)]);
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
