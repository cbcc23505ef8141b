import type { Kysely, QueryCreator } from "kysely";
import { json, type Database, type JobStatus } from "@layers/db";

export interface JobError {
  code: string;
  message: string;
  reason?: string;
}

export interface JobVerdict {
  status: JobStatus;
  verdictId: string;
  decision: string;
  reason: string | null;
  pendingActionId: string | null;
  result?: Record<string, unknown>;
  error?: JobError;
  at: Date;
}

/**
 * The job after a verdict (architecture.md, "Job and pending-action lifecycle"). Unexecuted:
 * `storeDecision` runs it with the audit row and the intent.
 */
export function jobVerdictUpdate(db: QueryCreator<Database>, jobId: string, v: JobVerdict) {
  const ended = v.status === "completed" || v.status === "failed";
  return db
    .updateTable("jobs")
    .set({
      status: v.status,
      verdict_id: v.verdictId,
      decision: v.decision,
      reason: v.reason,
      pending_action_id: v.pendingActionId,
      ...(v.result ? { result: json(v.result) } : {}),
      ...(v.error ? { error: json(v.error) } : {}),
      updated_at: v.at,
      ...(ended ? { completed_at: v.at } : {}),
    })
    .where("id", "=", jobId);
}

/** A job the gate could not decide at all (no verdict exists). */
export async function failJob(db: Kysely<Database>, jobId: string, error: JobError, at: Date): Promise<void> {
  await db.updateTable("jobs").set({ status: "failed", error: json(error), updated_at: at, completed_at: at }).where("id", "=", jobId).execute();
}

export async function jobResult(db: Kysely<Database>, jobId: string): Promise<Record<string, unknown> | null> {
  const row = await db.selectFrom("jobs").select("result").where("id", "=", jobId).executeTakeFirst();
  return (row?.result as Record<string, unknown> | null | undefined) ?? null;
}
