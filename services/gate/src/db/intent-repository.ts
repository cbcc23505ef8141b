import { sql, type Kysely, type QueryCreator } from "kysely";
import type { Database, IntentState, WriteIntentRow } from "@layers/db";

/** Locks one intent row for the rest of the transaction: concurrent deliveries of one intent queue here. */
export async function lockIntent(db: Kysely<Database>, id: string): Promise<WriteIntentRow | undefined> {
  return db.selectFrom("write_intents").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

const TERMINAL: ReadonlySet<IntentState> = new Set(["denied", "applied", "failed"]);

export interface IntentDecided {
  state: "allowed" | "queued" | "denied" | "applied";
  verdictId: string;
  at: Date;
}

/**
 * Moves an `accepted` intent to the gate's verdict state. Clears the relay's schedule (see
 * `claimIntentsToRelay`). Unexecuted: `storeDecision` runs it with the audit row and the job.
 */
export function intentDecidedUpdate(db: QueryCreator<Database>, id: string, d: IntentDecided) {
  return db
    .updateTable("write_intents")
    .set({ state: d.state, verdict_id: d.verdictId, decided_at: d.at, lease_until: null, ...(TERMINAL.has(d.state) ? { finished_at: d.at } : {}) })
    .where("id", "=", id);
}

/** Ends an intent the gate cannot decide (its layer or campaign is gone, or its stored payload is broken). */
export async function markIntentFailed(db: Kysely<Database>, id: string, reason: string, at: Date): Promise<void> {
  await db
    .updateTable("write_intents")
    .set({ state: "failed", failure_reason: reason.slice(0, 2000), decided_at: at, finished_at: at, lease_until: null })
    .where("id", "=", id)
    .execute();
}

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
 * deciding right now and rows another gate instance's relay is booking.
 */
export async function claimIntentsToRelay(
  db: Kysely<Database>,
  opts: { afterMs: number; retryMs: number; limit: number },
): Promise<IntentToRelay[]> {
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
