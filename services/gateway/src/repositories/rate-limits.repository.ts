import { sql } from "kysely";
import type { Db } from "@layers/db";
import type { RateDelta } from "../http/rate-counter.ts";

/**
 * Adds many windows' deltas at once (one statement, whatever the number of keys) and answers each
 * window's new shared total, in the order given. Rows are locked in a fixed order so two gateways
 * flushing the same keys at once cannot deadlock.
 */
export async function addRateDeltas(db: Db, deltas: readonly RateDelta[]): Promise<number[]> {
  if (deltas.length === 0) return [];
  const r = await sql<{ ord: number; count: number }>`
    with input as (
      select * from unnest(${deltas.map((d) => d.partitionKey)}::text[], ${deltas.map((d) => d.policy)}::text[],
        ${deltas.map((d) => new Date(d.windowStart).toISOString())}::timestamptz[], ${deltas.map((d) => d.delta)}::int[])
        with ordinality as t(partition_key, policy, window_start, delta, ord)
    ), upserted as (
      insert into rate_limit_windows (partition_key, policy, window_start, count)
      select partition_key, policy, window_start, delta from input order by partition_key, policy, window_start
      on conflict (partition_key, policy, window_start) do update set count = rate_limit_windows.count + excluded.count
      returning partition_key, policy, window_start, count
    )
    select input.ord::int as ord, upserted.count from input join upserted using (partition_key, policy, window_start) order by input.ord`.execute(db);
  const totals = new Array<number>(deltas.length).fill(0);
  for (const row of r.rows) totals[row.ord - 1] = row.count;
  return totals;
}

/** Drops windows that ended long ago (run with the idempotency sweep). */
export async function pruneRateWindows(db: Db, olderThan: Date): Promise<void> {
  await db.deleteFrom("rate_limit_windows").where("window_start", "<", olderThan).execute();
}

export interface ActiveKillSwitch {
  scope: "global" | "org" | "key";
  target: string;
  reason: string | null;
}

export async function listActiveKillSwitches(db: Db): Promise<ActiveKillSwitch[]> {
  return db.selectFrom("api_kill_switches").select(["scope", "target", "reason"]).execute();
}
