import { sql } from "kysely";
import type { Db, IntentState } from "@layers/db";
import { nextOpenSql, waitingOf, type NextRow, type Recorded } from "./dispatch.ts";
import type { OutcomeTarget } from "./outcome.ts";
import { outboxInsertWhere, type OutboxEvent } from "./outbox.ts";
import { fromStates, OPEN_INTENT_STATES, targetState } from "./transitions.ts";

const OPEN = sql.raw(`(${OPEN_INTENT_STATES.map((s) => `'${s}'`).join(",")})`);
const inList = (states: readonly string[]) => sql.raw(`(${states.map((s) => `'${s}'`).join(",")})`);

/** An open write behind another on the same entity, as a coalescing rule reads it. */
export interface FollowingWrite {
  id: string;
  jobId: string;
  /** `accepted` (the gate has not decided it), `allowed` (waiting to be handed on) or `dispatching`. */
  state: IntentState;
  operation: string;
  params: Record<string, unknown>;
  pendingActionId: string | null;
}

/**
 * The open writes after `seq` on `entityKey`, in order, at most `limit` (an index range scan on
 * `write_intents_open`). Params come from the stored dispatch when the gate allowed the write,
 * else from the intent as accepted.
 */
export async function followingWrites(db: Db, entityKey: string, seq: number, limit: number): Promise<FollowingWrite[]> {
  const r = await sql<{ id: string; job_id: string; state: IntentState; operation: string; params: Record<string, unknown> | null; pending_action_id: string | null }>`
    select n.id, n.job_id, n.state, n.operation, coalesce(n.dispatch -> 'params', n.payload -> 'params') as params,
      coalesce(n.dispatch ->> 'pendingActionId', n.payload ->> 'pendingActionId') as pending_action_id
    from write_intents n
    where n.entity_key = ${entityKey} and n.entity_seq > ${seq} and n.state in ${OPEN}
    order by n.entity_seq limit ${limit}::int`.execute(db);
  return r.rows.map((w) => ({ id: w.id, jobId: w.job_id, state: w.state, operation: w.operation, params: w.params ?? {}, pendingActionId: w.pending_action_id }));
}

/** The write whose value replaces a superseded one. */
export interface Superseder {
  intentId: string;
  jobId: string;
}

/** Stored in `write_intents.platform_result` and as the job's result: the job is answered, nothing was sent. */
export function supersededResult(t: OutcomeTarget, by: Superseder) {
  return {
    outcome: "superseded" as const,
    supersededBy: { intentId: by.intentId, jobId: by.jobId },
    campaignId: t.campaignId,
    ...(t.entity ? { entityKind: t.entity.kind, entityId: t.entity.id } : {}),
    operation: t.operation,
  };
}

export interface SupersedeRecorded extends Recorded {
  /** Nothing changed because the superseding write no longer waits (it was closed meanwhile): this write must land after all. */
  supersederGone: boolean;
}

/**
 * Closes a claimed write as superseded (move `supersede`) in one statement, like `recordOutcome`:
 * intent `superseded` (its result names the write that replaces it), job `completed` with that
 * result, the events into the outbox, and the next write waiting on the entity read for the hand-on.
 * Guarded by the claim's fencing token, so a holder that lost its lease changes nothing, and by the
 * superseding write still being `allowed` (its row is share-locked for the statement, so it cannot
 * be closed in between): a value is only dropped for one that is still going to land. A write an
 * approval queued is never superseded (its pending action expects that very write to land).
 */
export async function recordSuperseded(db: Db, t: OutcomeTarget, by: Superseder, at: Date, events: readonly OutboxEvent[]): Promise<SupersedeRecorded> {
  if (t.pendingActionId !== undefined) throw new Error(`intent ${t.intentId} carries pending action ${t.pendingActionId}: an approved write is never superseded`);
  const result = JSON.stringify(supersededResult(t, by));
  const outbox = events.length > 0 ? sql`, ev as (${outboxInsertWhere(events, sql`exists (select 1 from i)`)})` : sql``;
  const r = await sql<{ n: number; waiting: number; next: NextRow | null }>`
    with s as (
      select id from write_intents where id = ${by.intentId} and state = 'allowed' for share
    ), i as (
      update write_intents
      set state = ${targetState("intent", "supersede")}, platform_result = ${result}::jsonb, failure_reason = null, failure = null,
        finished_at = ${at}, lease_until = null
      where id = ${t.intentId} and state in ${inList(fromStates("intent", "supersede"))} and attempts = ${t.attempts} and exists (select 1 from s)
      returning id
    ), j as (
      update jobs
      set status = ${targetState("job", "complete")}, result = ${result}::jsonb, error = null, completed_at = ${at}, updated_at = ${at}
      where id = ${t.jobId} and status in ${inList(fromStates("job", "complete"))} and exists (select 1 from i)
    )${outbox}
    select (select count(*)::int from i) as n, (select count(*)::int from s) as waiting,
      (select to_jsonb(x) from (${nextOpenSql(t.entityKey, t.entitySeq)}) x) as next`.execute(db);
  const out = r.rows[0];
  const recorded = (out?.n ?? 0) > 0;
  return { recorded, next: recorded ? waitingOf(out?.next) : null, supersederGone: (out?.waiting ?? 0) === 0 };
}
