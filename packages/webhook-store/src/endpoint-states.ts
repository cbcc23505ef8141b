import { sql } from "kysely";
import type { Db } from "@layers/db";

/** Live endpoints by health: `healthy`, `failing` (a failure since the last success), `disabled`. For the endpoint health gauge. */
export async function countEndpointStates(db: Db): Promise<Array<{ state: "healthy" | "failing" | "disabled"; count: number }>> {
  const rows = await db
    .selectFrom("webhook_endpoints")
    .select([
      sql<string>`case when not enabled then 'disabled' when failing_since is not null then 'failing' else 'healthy' end`.as("state"),
      (eb) => eb.fn.countAll<number>().as("count"),
    ])
    .where("deleted_at", "is", null)
    .groupBy("state")
    .execute();
  const counts = { healthy: 0, failing: 0, disabled: 0 };
  for (const r of rows) counts[r.state as keyof typeof counts] = Number(r.count);
  return (Object.keys(counts) as Array<keyof typeof counts>).map((state) => ({ state, count: counts[state] }));
}
