import type { Kysely } from "kysely";
import { json, type Database, type JobStatus } from "@layers/db";

export interface JobError {
  code: string;
  message: string;
  reason?: string;
}

/** The job after a verdict (architecture.md, "Job and pending-action lifecycle"). */
export async function recordJobVerdict(
  db: Kysely<Database>,
  jobId: string,
  v: {
    status: JobStatus;
    verdictId: string;
    decision: string;
    reason: string | null;
    pendingActionId: string | null;
    result?: Record<string, unknown>;
    error?: JobError;
    at: Date;
  },
): Promise<void> {
  const ended = v.status === "completed" || v.status === "failed";
  await db
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
    .where("id", "=", jobId)
    .execute();
}

/** A job the gate could not decide at all (no verdict exists). */
export async function failJob(db: Kysely<Database>, jobId: string, error: JobError, at: Date): Promise<void> {
  await db.updateTable("jobs").set({ status: "failed", error: json(error), updated_at: at, completed_at: at }).where("id", "=", jobId).execute();
}

export async function jobResult(db: Kysely<Database>, jobId: string): Promise<Record<string, unknown> | null> {
  const row = await db.selectFrom("jobs").select("result").where("id", "=", jobId).executeTakeFirst();
  return (row?.result as Record<string, unknown> | null | undefined) ?? null;
}
