import { sql } from "kysely";
import type { Db } from "@layers/db";

/** Counts one request into its window and answers the window's count so far (this request included). One statement. */
export async function countRequest(db: Db, partitionKey: string, policy: string, windowStart: Date): Promise<number> {
  const r = await sql<{ count: number }>`
    insert into rate_limit_windows (partition_key, policy, window_start, count) values (${partitionKey}, ${policy}, ${windowStart}, 1)
    on conflict (partition_key, policy, window_start) do update set count = rate_limit_windows.count + 1
    returning count`.execute(db);
  return r.rows[0]?.count ?? 1;
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
