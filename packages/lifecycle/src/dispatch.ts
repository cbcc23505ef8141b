import { sql } from "kysely";
import type { Dispatch } from "@layers/contracts";
import type { Db, IntentState } from "@layers/db";
import { failureReason, landedResult, type EntityRowPatch, type Outcome, type OutcomeTarget } from "./outcome.ts";
import type { OutboxEvent } from "./outbox.ts";
import { fromStates, OPEN_INTENT_STATES, targetState } from "./transitions.ts";

/** The open states as a SQL list literal: must read exactly as `write_intents_open`'s predicate for the planner to use it. */
const OPEN = sql.raw(`(${OPEN_INTENT_STATES.map((s) => `'${s}'`).join(",")})`);

export interface IntentView {
  state: IntentState;
  attempts: number;
  platform: string;
  /** Another claim's lease is still running, and for how long. */
  leaseRemainingMs: number;
  /** An earlier write to the same entity is still open: this one waits to be handed on. */
  blocked: boolean;
}

export interface ClaimAttempt {
  /** The intent as it was before the claim; undefined when no such intent is stored. */
  view: IntentView | undefined;
  /**
   * Set when this call took the intent: `attempts` after the increment. It doubles as the claim's
   * fencing token — every later write of ours checks it, so a holder that lost its lease cannot
   * record over the one that took over.
   */
  claimed: number | undefined;
}

/**
 * Fence and claim (move `claim`) in one round trip. The claim succeeds only when no earlier write
 * to the same entity is open and the intent is `allowed`, or `dispatching` with a lease that ran
 * out (its holder died). An earlier write never reopens once closed, so a fence read from the
 * statement's snapshot cannot wrongly let this one through; the state test is re-checked on the
 * latest row version, so two instances cannot both claim. The fence reads `write_intents_open`
 * only, so it costs the same after 5 writes to an entity as after 50,000. `claimIntents` of one.
 */
export async function claimIntent(db: Db, intentId: string, platform: string, leaseMs: number): Promise<ClaimAttempt> {
  const [one] = await claimIntents(db, [intentId], platform, leaseMs);
  return one!;
}

/**
 * `claimIntent` for many intents in one statement (the dispatcher's group commit): one answer per
 * id, in order, each exactly what `claimIntent` of that id alone would answer. The fence of each
 * intent reads the statement's snapshot, so of two open writes to one entity in the same batch only
 * the earlier can be claimed. An id named twice is claimed at most once: its first mention gets
 * the claim, every later one sees it `dispatching` under that claim's lease — what a second
 * `claimIntent` right after the first would see. Rows are visited in id order, so two instances
 * claiming overlapping batches lock them in the same order.
 */
export async function claimIntents(db: Db, intentIds: readonly string[], platform: string, leaseMs: number): Promise<ClaimAttempt[]> {
  if (intentIds.length === 0) return [];
  const unique = [...new Set(intentIds)].sort();
  const r = await sql<{ id: string; state: IntentState; attempts: number; platform: string; lease_remaining_ms: number | null; blocked: boolean; claimed: number | null }>`
    with cur as (
      select w.id, w.state, w.attempts, w.platform,
        greatest(0, extract(epoch from (w.lease_until - now())) * 1000)::float8 as lease_remaining_ms,
        exists (
          select 1 from write_intents e
          where e.entity_key = w.entity_key and e.entity_seq < w.entity_seq and e.state in ${OPEN}
        ) as blocked
      from write_intents w where w.id = any(${unique}::text[])
    ), claim as (
      update write_intents w
      set state = ${targetState("intent", "claim")}, lease_until = now() + ${leaseMs} * interval '1 millisecond', attempts = w.attempts + 1
      from (select * from cur order by cur.id) c
      where w.id = c.id and w.platform = ${platform} and not c.blocked
        and (w.state = 'allowed' or (w.state = 'dispatching' and w.lease_until < now()))
      returning w.id, w.attempts
    )
    select cur.id, cur.state, cur.attempts, cur.platform, cur.lease_remaining_ms, cur.blocked, claim.attempts as claimed
    from cur left join claim on claim.id = cur.id`.execute(db);
  const byId = new Map(r.rows.map((row) => [row.id, row]));
  const claimedOnce = new Set<string>();
  return intentIds.map((id): ClaimAttempt => {
    const row = byId.get(id);
    if (!row) return { view: undefined, claimed: undefined };
    if (row.claimed !== null && claimedOnce.has(id)) {
      // A later mention of an id this batch claimed: it finds the claim's lease running.
      return { view: { state: "dispatching", attempts: row.claimed, platform: row.platform, leaseRemainingMs: leaseMs, blocked: false }, claimed: undefined };
    }
    if (row.claimed !== null) claimedOnce.add(id);
    return {
      view: { state: row.state, attempts: row.attempts, platform: row.platform, leaseRemainingMs: Math.ceil(row.lease_remaining_ms ?? 0), blocked: row.blocked },
      claimed: row.claimed ?? undefined,
    };
  });
}

/** Extends our lease while a slow call runs. False when the claim is no longer ours. */
export async function renewLease(db: Db, intentId: string, attempts: number, leaseMs: number): Promise<boolean> {
  const r = await db
    .updateTable("write_intents")
    .set({ lease_until: sql<Date>`now() + ${leaseMs} * interval '1 millisecond'` })
    .where("id", "=", intentId)
    .where("state", "=", "dispatching")
    .where("attempts", "=", attempts)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/**
 * Hands the intent back (move `release`) before a retry. `lease_until` then books the retry: the
 * waiting sweeper leaves the intent alone until then, so a throttled write keeps its backoff.
 */
export async function releaseIntent(db: Db, intentId: string, attempts: number, retryAfterMs: number): Promise<void> {
  await db
    .updateTable("write_intents")
    .set({ state: targetState("intent", "release") as IntentState, lease_until: sql<Date>`now() + ${Math.max(0, Math.round(retryAfterMs))} * interval '1 millisecond'` })
    .where("id", "=", intentId)
    .where("state", "in", fromStates("intent", "release") as IntentState[])
    .where("attempts", "=", attempts)
    .execute();
}

/**
 * Hands the intent back to wait for its account's budget (move `defer`). `refund` gives the
 * attempt back when no platform call was made, so waiting for budget never counts towards
 * MAX_ATTEMPTS; it stays spent after a call the platform throttled, so the next claim still
 * reconciles (a quick retry inside that attempt may have applied). `holdMs` books `lease_until`
 * so the gate's hand-on sweep leaves the write to the budget waker, and takes it back only if
 * no dispatcher wakes it. Safe for the fencing token: a stale holder of `attempts - 1` cannot
 * record, because the intent is `allowed` until the next claim takes `attempts` again.
 */
export async function deferIntent(db: Db, intentId: string, attempts: number, opts: { refund: boolean; holdMs: number }): Promise<boolean> {
  const r = await db
    .updateTable("write_intents")
    .set({
      state: targetState("intent", "defer") as IntentState,
      attempts: opts.refund ? attempts - 1 : attempts,
      lease_until: sql<Date>`now() + ${Math.max(0, Math.round(opts.holdMs))} * interval '1 millisecond'`,
    })
    .where("id", "=", intentId)
    .where("state", "in", fromStates("intent", "defer") as IntentState[])
    .where("attempts", "=", attempts)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/** A write that waits for the one ahead of it on its entity, with the message that dispatches it. */
export interface WaitingWrite {
  id: string;
  platform: string;
  dispatch: Dispatch;
  requestId: string;
  traceparent: string | null;
}

export interface NextRow {
  id: string;
  state: IntentState;
  platform: string;
  dispatch: Dispatch | null;
  request_id: string;
  traceparent: string | null;
}

export function waitingOf(row: NextRow | undefined | null): WaitingWrite | null {
  if (!row || row.state !== "allowed" || !row.dispatch) return null;
  return { id: row.id, platform: row.platform, dispatch: row.dispatch, requestId: row.request_id, traceparent: row.traceparent };
}

/** SQL: the first open write after `seq` on `entityKey` (an index range scan on `write_intents_open`). */
export function nextOpenSql(entityKey: string, seq: number) {
  return sql`
    select n.id, n.state, n.platform, n.dispatch, n.request_id, n.traceparent from write_intents n
    where n.entity_key = ${entityKey} and n.entity_seq > ${seq} and n.state in ${OPEN}
    order by n.entity_seq limit 1`;
}

/** The write to hand on after the one at `seq` closed, if it is allowed and waiting. */
export async function nextWaiting(db: Db, entityKey: string, seq: number): Promise<WaitingWrite | null> {
  const r = await nextOpenSql(entityKey, seq).execute(db);
  return waitingOf(r.rows[0] as NextRow | undefined);
}

export interface Recorded {
  /** False when the claim was lost: nothing changed (the new holder reconciles and records). */
  recorded: boolean;
  /** The next write on the same entity, allowed and waiting: the caller hands it on. */
  next: WaitingWrite | null;
}

/** One outcome to record: the claim it ends, how it ended, when, and the events it makes visible. */
export interface OutcomeToRecord {
  target: OutcomeTarget;
  outcome: Outcome;
  at: Date;
  events: readonly OutboxEvent[];
}

/**
 * Records the outcome atomically (move `land`, `refuse` or `giveUp`): intent (with its typed
 * failure), entity row, job, pending action and the outcome's events, and reads the write waiting
 * behind it. One statement (data-modifying CTEs) rather than a transaction, because round trips to
 * Postgres bound a dispatcher's throughput. Every update hangs off the intent update, which only
 * matches while this claim still holds the lease. `recordOutcomes` of one.
 */
export async function recordOutcome(db: Db, t: OutcomeTarget, o: Outcome, at: Date, events: readonly OutboxEvent[]): Promise<Recorded> {
  const [one] = await recordOutcomes(db, [{ target: t, outcome: o, at, events }]);
  return one!;
}

/**
 * `recordOutcome` for many claims in one statement (the dispatcher's group commit): one answer per
 * item, in order, each what `recordOutcome` of that item alone would answer. Each item's entity
 * row, job, pending action and events hang off its own intent update (matched on id and the
 * claim's `attempts`), so a claim that was lost records nothing while the rest of the batch
 * records. The same claim named twice is recorded once (its later mentions find it closed).
 * Distinct claims never share a row: one job, pending action and entity row per open write, and
 * the entity fence admits one open write per entity at a time.
 */
export async function recordOutcomes(db: Db, items: readonly OutcomeToRecord[]): Promise<Recorded[]> {
  if (items.length === 0) return [];
  const seen = new Set<string>();
  const firsts: Array<{ k: number; item: OutcomeToRecord }> = [];
  items.forEach((item, k) => {
    const key = `${item.target.intentId}#${item.target.attempts}`;
    if (seen.has(key)) return;
    seen.add(key);
    firsts.push({ k, item });
  });
  const rows = firsts.map(({ k, item }) => recordRow(k, item));
  const events = firsts.flatMap(({ k, item }) => item.events.map((e) => ({ k, id: e.event.id, subject_type: e.event.type, payload: e.event, request_id: e.requestId, traceparent: e.traceparent })));
  const r = await sql<{ k: number; recorded: boolean; next: NextRow | null }>`
    with x as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(
        k int, id text, attempts int, state text, from_states text[], result jsonb, failure jsonb, failure_reason text, at timestamptz,
        entity_key text, entity_seq bigint, entity_table text, entity_id text, platform_id text,
        name text, status text, objective text, daily_budget_cents bigint, lifetime_budget_cents bigint, bid_cents bigint, bid_strategy text,
        start_time timestamptz, end_time timestamptz, targeting jsonb, creative jsonb, attributes jsonb,
        job_id text, job_status text, job_from text[], job_error jsonb,
        pending_id text, pending_status text, pending_from text[], dispatched_at timestamptz)
    ), i as (
      update write_intents w
      set state = x.state, platform_result = x.result, failure_reason = x.failure_reason, failure = x.failure, finished_at = x.at, lease_until = null
      from x
      where w.id = x.id and w.state = any(x.from_states) and w.attempts = x.attempts
      returning x.k
    ), ok as (
      select x.* from x join i on i.k = x.k
    ), c as (
      update campaigns t
      set platform_campaign_id = coalesce(ok.platform_id, t.platform_campaign_id),
        name = coalesce(ok.name, t.name), status = coalesce(ok.status, t.status),
        daily_budget_cents = coalesce(ok.daily_budget_cents, t.daily_budget_cents),
        lifetime_budget_cents = coalesce(ok.lifetime_budget_cents, t.lifetime_budget_cents),
        bid_strategy = coalesce(ok.bid_strategy, t.bid_strategy),
        start_time = coalesce(ok.start_time, t.start_time), end_time = coalesce(ok.end_time, t.end_time),
        targeting = coalesce(ok.targeting, t.targeting), attributes = t.attributes || coalesce(ok.attributes, '{}'::jsonb),
        objective = coalesce(ok.objective, t.objective), updated_at = ok.at
      from ok where ok.entity_table = 'campaigns' and t.id = ok.entity_id
    ), a as (
      update ad_entities t
      set platform_entity_id = coalesce(ok.platform_id, t.platform_entity_id),
        name = coalesce(ok.name, t.name), status = coalesce(ok.status, t.status),
        daily_budget_cents = coalesce(ok.daily_budget_cents, t.daily_budget_cents),
        lifetime_budget_cents = coalesce(ok.lifetime_budget_cents, t.lifetime_budget_cents),
        bid_strategy = coalesce(ok.bid_strategy, t.bid_strategy),
        start_time = coalesce(ok.start_time, t.start_time), end_time = coalesce(ok.end_time, t.end_time),
        targeting = coalesce(ok.targeting, t.targeting), attributes = t.attributes || coalesce(ok.attributes, '{}'::jsonb),
        bid_cents = coalesce(ok.bid_cents, t.bid_cents), creative = coalesce(ok.creative, t.creative), updated_at = ok.at
      from ok where ok.entity_table = 'ad_entities' and t.id = ok.entity_id
    ), j as (
      update jobs t
      set status = ok.job_status, result = ok.result, error = ok.job_error, completed_at = ok.at, updated_at = ok.at
      from ok where t.id = ok.job_id and t.status = any(ok.job_from)
    ), p as (
      update pending_actions t
      set status = ok.pending_status, dispatched_at = ok.dispatched_at, dispatched_failure_reason = ok.failure_reason, updated_at = ok.at
      from ok where t.id = ok.pending_id and t.status = any(ok.pending_from)
    )${events.length > 0
      ? sql`, ev as (
      insert into event_outbox (id, subject_type, payload, request_id, traceparent)
      select e.id, e.subject_type, e.payload, e.request_id, e.traceparent
      from jsonb_to_recordset(${JSON.stringify(events)}::jsonb) as e(k int, id text, subject_type text, payload jsonb, request_id text, traceparent text)
      join i on i.k = e.k
      on conflict (id) do nothing
    )`
      : sql``}
    select x.k, i.k is not null as recorded,
      case when i.k is not null then (
        select to_jsonb(n) from (
          select n.id, n.state, n.platform, n.dispatch, n.request_id, n.traceparent from write_intents n
          where n.entity_key = x.entity_key and n.entity_seq > x.entity_seq and n.state in ${OPEN}
          order by n.entity_seq limit 1) n)
      end as next
    from x left join i on i.k = x.k`.execute(db);
  const byK = new Map(r.rows.map((row) => [row.k, row]));
  return items.map((_, k): Recorded => {
    const row = byK.get(k);
    // Not in the statement (a repeat of a claim named earlier in the batch) or not matched: nothing recorded.
    if (!row?.recorded) return { recorded: false, next: null };
    return { recorded: true, next: waitingOf(row.next) };
  });
}

/** One row of `recordOutcomes`' recordset: every value the statement writes for one outcome. */
function recordRow(k: number, { target: t, outcome: o, at }: OutcomeToRecord) {
  const landed = o.kind === "landed";
  const move = landed ? "land" : o.kind === "failed" ? "refuse" : "giveUp";
  const jobMove = landed ? "complete" : "fail";
  const pendingMove = landed ? "dispatched" : "dispatchFailed";
  const entity = t.entity ?? (t.campaignId ? { kind: "campaign" as const, id: t.campaignId } : undefined);
  const failure = landed ? null : { code: o.code, message: o.message };
  const row: EntityRowPatch = landed ? o.row : {};
  const isCampaign = entity?.kind === "campaign" || entity === undefined;
  return {
    k,
    id: t.intentId,
    attempts: t.attempts,
    state: targetState("intent", move),
    from_states: fromStates("intent", move),
    result: landed ? landedResult(t, o) : null,
    failure,
    failure_reason: failure ? failureReason(failure) : null,
    at: at.toISOString(),
    entity_key: t.entityKey,
    entity_seq: t.entitySeq,
    entity_table: isCampaign ? "campaigns" : "ad_entities",
    // Only a landed write changes its entity's row.
    entity_id: landed ? (entity?.id ?? null) : null,
    platform_id: landed && o.created ? o.platformId : null,
    name: row.name ?? null,
    status: row.status ?? null,
    objective: isCampaign ? (row.objective ?? null) : null,
    daily_budget_cents: row.dailyBudgetCents ?? null,
    lifetime_budget_cents: row.lifetimeBudgetCents ?? null,
    bid_cents: isCampaign ? null : (row.bidCents ?? null),
    bid_strategy: row.bidStrategy ?? null,
    start_time: row.startTime ?? null,
    end_time: row.endTime ?? null,
    targeting: row.targeting ?? null,
    creative: isCampaign ? null : (row.creative ?? null),
    attributes: row.attributes ?? null,
    job_id: t.jobId,
    job_status: targetState("job", jobMove),
    job_from: fromStates("job", jobMove),
    job_error: landed ? null : { code: "PLATFORM_ERROR", message: o.message, reason: o.code },
    pending_id: t.pendingActionId ?? null,
    pending_status: landed ? "dispatched" : "dispatch_failed",
    pending_from: fromStates("pending", pendingMove),
    dispatched_at: landed ? at.toISOString() : null,
  };
}

/**
 * The msg id of a hand-on: one per (waiting write, write that closed ahead of it), so a repeated
 * hand-on of the same step is dropped by JetStream while a later step is not.
 */
export function handOnMsgId(waitingIntentId: string, closedIntentId: string): string {
  return `${waitingIntentId}:after:${closedIntentId}`;
}
