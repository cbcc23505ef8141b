import { sql, type RawBuilder } from "kysely";
import type { Dispatch } from "@layers/contracts";
import type { Db, IntentState } from "@layers/db";
import { failureReason, landedResult, type EntityRowPatch, type Outcome, type OutcomeTarget } from "./outcome.ts";
import { outboxInsertWhere, type OutboxEvent } from "./outbox.ts";
import { fromStates, OPEN_INTENT_STATES, targetState } from "./transitions.ts";

/** The open states as a SQL list literal: must read exactly as `write_intents_open`'s predicate for the planner to use it. */
const OPEN = sql.raw(`(${OPEN_INTENT_STATES.map((s) => `'${s}'`).join(",")})`);
const inList = (states: readonly string[]): RawBuilder<unknown> => sql.raw(`(${states.map((s) => `'${s}'`).join(",")})`);

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
 * only, so it costs the same after 5 writes to an entity as after 50,000.
 */
export async function claimIntent(db: Db, intentId: string, platform: string, leaseMs: number): Promise<ClaimAttempt> {
  const r = await sql<{ state: IntentState; attempts: number; platform: string; lease_remaining_ms: number | null; blocked: boolean; claimed: number | null }>`
    with cur as (
      select w.id, w.state, w.attempts, w.platform,
        greatest(0, extract(epoch from (w.lease_until - now())) * 1000)::float8 as lease_remaining_ms,
        exists (
          select 1 from write_intents e
          where e.entity_key = w.entity_key and e.entity_seq < w.entity_seq and e.state in ${OPEN}
        ) as blocked
      from write_intents w where w.id = ${intentId}
    ), claim as (
      update write_intents w
      set state = ${targetState("intent", "claim")}, lease_until = now() + ${leaseMs} * interval '1 millisecond', attempts = w.attempts + 1
      from cur
      where w.id = cur.id and w.platform = ${platform} and not cur.blocked
        and (w.state = 'allowed' or (w.state = 'dispatching' and w.lease_until < now()))
      returning w.attempts
    )
    select cur.state, cur.attempts, cur.platform, cur.lease_remaining_ms, cur.blocked, claim.attempts as claimed from cur left join claim on true`.execute(db);
  const row = r.rows[0];
  if (!row) return { view: undefined, claimed: undefined };
  return {
    view: { state: row.state, attempts: row.attempts, platform: row.platform, leaseRemainingMs: Math.ceil(row.lease_remaining_ms ?? 0), blocked: row.blocked },
    claimed: row.claimed ?? undefined,
  };
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

const jsonb = (v: unknown) => (v === null || v === undefined ? sql`null::jsonb` : sql`${JSON.stringify(v)}::jsonb`);

export interface Recorded {
  /** False when the claim was lost: nothing changed (the new holder reconciles and records). */
  recorded: boolean;
  /** The next write on the same entity, allowed and waiting: the caller hands it on. */
  next: WaitingWrite | null;
}

/**
 * Records the outcome atomically (move `land`, `refuse` or `giveUp`): intent (with its typed
 * failure), entity row, job, pending action and the outcome's events, and reads the write waiting
 * behind it. One statement (data-modifying CTEs) rather than a transaction, because round trips to
 * Postgres bound a dispatcher's throughput. Every update hangs off the intent update, which only
 * matches while this claim still holds the lease.
 */
export async function recordOutcome(db: Db, t: OutcomeTarget, o: Outcome, at: Date, events: readonly OutboxEvent[]): Promise<Recorded> {
  const landed = o.kind === "landed";
  const move = landed ? "land" : o.kind === "failed" ? "refuse" : "giveUp";
  const entity = t.entity ?? (t.campaignId ? { kind: "campaign" as const, id: t.campaignId } : undefined);
  const result = landed ? landedResult(t, o) : null;
  const failure = landed ? null : { code: o.code, message: o.message };
  const row: EntityRowPatch = landed ? o.row : {};
  const platformId = landed && o.created ? o.platformId : null;
  const entityId = landed ? (entity?.id ?? null) : null;
  const isCampaign = entity?.kind === "campaign" || entity === undefined;
  const table = sql.raw(isCampaign ? "campaigns" : "ad_entities");
  const platformIdColumn = sql.raw(isCampaign ? "platform_campaign_id" : "platform_entity_id");
  const outbox = events.length > 0 ? sql`, ev as (${outboxInsertWhere(events, sql`exists (select 1 from i)`)})` : sql``;
  const r = await sql<{ n: number; next: NextRow | null }>`
    with i as (
      update write_intents
      set state = ${targetState("intent", move)}, platform_result = ${jsonb(result)}, failure_reason = ${failure ? failureReason(failure) : null},
        failure = ${jsonb(failure)}, finished_at = ${at}, lease_until = null
      where id = ${t.intentId} and state in ${inList(fromStates("intent", move))} and attempts = ${t.attempts}
      returning id
    ), e as (
      update ${table}
      set ${platformIdColumn} = coalesce(${platformId}::text, ${platformIdColumn}),
        name = coalesce(${row.name ?? null}::text, name),
        status = coalesce(${row.status ?? null}::text, status),
        daily_budget_cents = coalesce(${row.dailyBudgetCents ?? null}::bigint, daily_budget_cents),
        lifetime_budget_cents = coalesce(${row.lifetimeBudgetCents ?? null}::bigint, lifetime_budget_cents),
        bid_strategy = coalesce(${row.bidStrategy ?? null}::text, bid_strategy),
        start_time = coalesce(${row.startTime ?? null}::timestamptz, start_time),
        end_time = coalesce(${row.endTime ?? null}::timestamptz, end_time),
        targeting = coalesce(${jsonb(row.targeting)}, targeting),
        attributes = attributes || coalesce(${jsonb(row.attributes)}, '{}'::jsonb),
        ${isCampaign
          ? sql`objective = coalesce(${row.objective ?? null}::text, objective)`
          : sql`bid_cents = coalesce(${row.bidCents ?? null}::bigint, bid_cents), creative = coalesce(${jsonb(row.creative)}, creative)`},
        updated_at = ${at}
      where id = ${entityId} and exists (select 1 from i)
    ), j as (
      update jobs
      set status = ${targetState("job", landed ? "complete" : "fail")}, result = ${jsonb(result)},
        error = ${jsonb(landed ? null : { code: "PLATFORM_ERROR", message: o.message, reason: o.code })}, completed_at = ${at}, updated_at = ${at}
      where id = ${t.jobId} and status in ${inList(fromStates("job", landed ? "complete" : "fail"))} and exists (select 1 from i)
    ), p as (
      update pending_actions
      set status = ${landed ? "dispatched" : "dispatch_failed"}, dispatched_at = ${landed ? at : null}, dispatched_failure_reason = ${failure ? failureReason(failure) : null}, updated_at = ${at}
      where id = ${t.pendingActionId ?? null} and status in ${inList(fromStates("pending", landed ? "dispatched" : "dispatchFailed"))} and exists (select 1 from i)
    )${outbox}
    select (select count(*)::int from i) as n,
      (select to_jsonb(x) from (${nextOpenSql(t.entityKey, t.entitySeq)}) x) as next`.execute(db);
  const out = r.rows[0];
  const recorded = (out?.n ?? 0) > 0;
  return { recorded, next: recorded ? waitingOf(out?.next) : null };
}

/**
 * The msg id of a hand-on: one per (waiting write, write that closed ahead of it), so a repeated
 * hand-on of the same step is dropped by JetStream while a later step is not.
 */
export function handOnMsgId(waitingIntentId: string, closedIntentId: string): string {
  return `${waitingIntentId}:after:${closedIntentId}`;
}
