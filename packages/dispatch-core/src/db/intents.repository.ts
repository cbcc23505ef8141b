import { sql } from "kysely";
import type { Db, IntentState } from "@layers/db";

/** A dispatcher already finished these; a redelivery or replay of them is skipped. */
export const LANDED_STATES: readonly IntentState[] = ["dispatched", "failed", "dead"];

export interface IntentView {
  state: IntentState;
  attempts: number;
  platform: string;
  /** Another claim's lease is still running, and for how long. */
  leaseRemainingMs: number;
  /** An earlier write to the same entity is still open (the fence). */
  blocked: boolean;
  platformResult: Record<string, unknown> | null;
  failureReason: string | null;
  finishedAt: Date | null;
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
 * Fence and claim in one round trip. The claim succeeds only when no earlier write to the same
 * entity is still open (`accepted`, `allowed`, `dispatching`) and the intent is `allowed`, or
 * `dispatching` with a lease that ran out (its holder died). An earlier write never reopens once
 * closed, so a fence read from the statement's snapshot cannot wrongly let this one through; the
 * state test is re-checked on the latest row version, so two instances cannot both claim.
 */
export async function fenceAndClaim(db: Db, intentId: string, platform: string, leaseMs: number): Promise<ClaimAttempt> {
  const r = await sql<{
    state: IntentState;
    attempts: number;
    platform: string;
    lease_remaining_ms: number | null;
    blocked: boolean;
    platform_result: Record<string, unknown> | null;
    failure_reason: string | null;
    finished_at: Date | null;
    claimed: number | null;
  }>`
    with cur as (
      select w.id, w.state, w.attempts, w.platform, w.platform_result, w.failure_reason, w.finished_at,
        greatest(0, extract(epoch from (w.lease_until - now())) * 1000)::float8 as lease_remaining_ms,
        exists (
          select 1 from write_intents e
          where e.entity_key = w.entity_key and e.entity_seq < w.entity_seq
            and e.state in ('accepted', 'allowed', 'dispatching')
        ) as blocked
      from write_intents w where w.id = ${intentId}
    ), claim as (
      update write_intents w
      set state = 'dispatching', lease_until = now() + ${leaseMs} * interval '1 millisecond', attempts = w.attempts + 1
      from cur
      where w.id = cur.id and w.platform = ${platform} and not cur.blocked
        and (w.state = 'allowed' or (w.state = 'dispatching' and w.lease_until < now()))
      returning w.attempts
    )
    select cur.*, claim.attempts as claimed from cur left join claim on true`.execute(db);
  const row = r.rows[0];
  if (!row) return { view: undefined, claimed: undefined };
  return {
    view: {
      state: row.state,
      attempts: row.attempts,
      platform: row.platform,
      leaseRemainingMs: Math.ceil(row.lease_remaining_ms ?? 0),
      blocked: row.blocked,
      platformResult: row.platform_result,
      failureReason: row.failure_reason,
      finishedAt: row.finished_at,
    },
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

/** Hands the intent back (`allowed`) before a retry, so the next delivery can claim it at once. */
export async function releaseIntent(db: Db, intentId: string, attempts: number): Promise<void> {
  await db
    .updateTable("write_intents")
    .set({ state: "allowed", lease_until: null })
    .where("id", "=", intentId)
    .where("state", "=", "dispatching")
    .where("attempts", "=", attempts)
    .execute();
}
