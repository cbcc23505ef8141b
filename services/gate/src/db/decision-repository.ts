import type { Kysely } from "kysely";
import type { Database, InsertableAuditRow } from "@layers/db";
import { intentDecidedUpdate, type IntentDecided } from "./intent-repository.ts";
import { jobVerdictUpdate, type JobVerdict } from "./job-repository.ts";

/**
 * Stores a decision's own rows in one statement (one round trip instead of three): the audit row
 * (id = verdictId), the intent's verdict state and the job's verdict. Data-modifying CTEs always
 * run to completion, whether or not the outer select reads them, and the statement is atomic
 * like the rest of the caller's transaction. The audit row's unique `intent_id` still makes a
 * second decision of one intent fail the whole statement.
 */
export async function storeDecision(
  db: Kysely<Database>,
  d: { audit: InsertableAuditRow; intentId: string; intent: IntentDecided; jobId: string; job: JobVerdict },
): Promise<void> {
  await db
    // Only the CTE's query is used, so the sub-statements may be built on `db` itself.
    .with("audit", () => db.insertInto("audit_log").values(d.audit).returning("id"))
    .with("intent", () => intentDecidedUpdate(db, d.intentId, d.intent).returning("id"))
    .with("job", () => jobVerdictUpdate(db, d.jobId, d.job).returning("id"))
    .selectFrom("audit")
    .select("audit.id")
    .execute();
}
