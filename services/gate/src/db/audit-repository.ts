import type { Kysely } from "kysely";
import type { AuditRow, Database } from "@layers/db";

// Audit rows are written by `storeDecision` (@layers/lifecycle), with the intent, the job and the events.

/** A gate decision's audit row (a job's `cancel` row is no verdict: never returned). */
export async function findAuditRow(db: Kysely<Database>, verdictId: string): Promise<(AuditRow & { decision: Exclude<AuditRow["decision"], "cancel"> }) | undefined> {
  const row = await db.selectFrom("audit_log").selectAll().where("id", "=", verdictId).executeTakeFirst();
  return row && row.decision !== "cancel" ? { ...row, decision: row.decision } : undefined;
}
