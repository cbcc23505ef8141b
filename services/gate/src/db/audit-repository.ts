import type { Kysely } from "kysely";
import type { AuditRow, Database } from "@layers/db";

// Audit rows are written by `storeDecision` (@layers/lifecycle), with the intent, the job and the events.

export async function findAuditRow(db: Kysely<Database>, verdictId: string): Promise<AuditRow | undefined> {
  return db.selectFrom("audit_log").selectAll().where("id", "=", verdictId).executeTakeFirst();
}
