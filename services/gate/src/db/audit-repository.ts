import type { Kysely } from "kysely";
import type { AuditRow, Database } from "@layers/db";

// Audit rows are written by `storeDecision` (decision-repository.ts), with the intent and the job.

export async function findAuditRow(db: Kysely<Database>, verdictId: string): Promise<AuditRow | undefined> {
  return db.selectFrom("audit_log").selectAll().where("id", "=", verdictId).executeTakeFirst();
}
