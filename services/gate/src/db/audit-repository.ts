import type { Kysely } from "kysely";
import type { AuditRow, Database, InsertableAuditRow } from "@layers/db";

/** One row per decision; `intent_id` is unique, so a second decision of one intent cannot be stored. */
export async function insertAuditRow(db: Kysely<Database>, row: InsertableAuditRow): Promise<void> {
  await db.insertInto("audit_log").values(row).execute();
}

export async function findAuditRow(db: Kysely<Database>, verdictId: string): Promise<AuditRow | undefined> {
  return db.selectFrom("audit_log").selectAll().where("id", "=", verdictId).executeTakeFirst();
}
