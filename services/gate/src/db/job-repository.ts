import type { Kysely } from "kysely";
import type { Database } from "@layers/db";

// Every state change of a job goes through @layers/lifecycle; the gate only reads here.

export async function jobResult(db: Kysely<Database>, jobId: string): Promise<Record<string, unknown> | null> {
  const row = await db.selectFrom("jobs").select("result").where("id", "=", jobId).executeTakeFirst();
  return (row?.result as Record<string, unknown> | null | undefined) ?? null;
}
