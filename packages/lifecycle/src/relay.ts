import { sql, type Kysely } from "kysely";
import type { Dispatch } from "@layers/contracts";
import type { Database } from "@layers/db";
import { OPEN_INTENT_STATES } from "./transitions.ts";

const OPEN = sql.raw(`(${OPEN_INTENT_STATES.map((s) => `'${s}'`).join(",")})`);

export interface IntentToRelay {
  id: string;
  platform: string;
  payload: unknown;
  request_id: string;
  traceparent: string | null;
  reply_to: string | null;
}

/**
 * Picks `accepted` intents older than `afterMs` that are due, and books their next relay `retryMs`
 * later. While an intent is `accepted` no dispatcher looks at it, so `lease_until` serves as the
 * relay's schedule; the gate clears it when it decides. `skip locked` passes over rows a gate is
 * deciding right now and rows another relay instance is booking.
 */
export async function claimIntentsToRelay(db: Kysely<Database>, opts: { afterMs: number; retryMs: number; limit: number }): Promise<IntentToRelay[]> {
  const { rows } = await sql<IntentToRelay>`
    update write_intents set lease_until = now() + ${opts.retryMs}::int * interval '1 millisecond'
    where id in (
      select id from write_intents
      where state = 'accepted'
        and accepted_at < now() - ${opts.afterMs}::int * interval '1 millisecond'
        and (lease_until is null or lease_until < now())
      order by accepted_at
      limit ${opts.limit}::int
      for update skip locked
    )
    returning id, platform, payload, request_id, traceparent, reply_to`.execute(db);
  return rows;
}

/** Un-books intents whose relay publish failed (NATS away), so the next relay pass tries them again. */
export async function releaseRelayBookings(db: Kysely<Database>, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable("write_intents").set({ lease_until: null }).where("id", "in", ids).where("state", "=", "accepted").execute();
}

export interface WaitingToSweep {
  id: string;
  platform: string;
  dispatch: Dispatch;
  request_id: string;
  traceparent: string | null;
}

/**
 * Allowed writes at the head of their entity (nothing open ahead of them) that nobody has handed
 * on for `afterMs`: the hand-on was lost (a crash between a commit and its publish). Books each
 * `retryMs` ahead (`lease_until`, which a released write also uses to keep its retry backoff) and
 * returns its dispatch message to publish again. A copy that races a live one is harmless: the
 * claim lets one through.
 */
export async function claimWaitingToSweep(
  db: Kysely<Database>,
  opts: {
    platform: string;
    afterMs: number;
    retryMs: number;
    limit: number;
    /** Ad accounts whose writes the budget waker publishes: left to it (a copy from here would only be acked unopened). */
    skipAdAccountIds?: readonly string[];
  },
): Promise<WaitingToSweep[]> {
  const skip = opts.skipAdAccountIds ?? [];
  const { rows } = await sql<WaitingToSweep>`
    update write_intents set lease_until = now() + ${opts.retryMs}::int * interval '1 millisecond'
    where id in (
      select w.id from write_intents w
      where w.state = 'allowed' and w.platform = ${opts.platform} and w.dispatch is not null
        and w.decided_at < now() - ${opts.afterMs}::int * interval '1 millisecond'
        and (w.lease_until is null or w.lease_until < now())
        and not coalesce((w.dispatch ->> 'adAccountId') = any(${skip as string[]}::text[]), false)
        and not exists (
          select 1 from write_intents e where e.entity_key = w.entity_key and e.entity_seq < w.entity_seq and e.state in ${OPEN}
        )
      order by w.decided_at
      limit ${opts.limit}::int
      for update of w skip locked
    )
    returning id, platform, dispatch, request_id, traceparent`.execute(db);
  return rows;
}
