import { sql } from "kysely";
import type { Decision, JobBody } from "@layers/contracts";
import type { Db, JobRow, JobStatus } from "@layers/db";
import type { Cursor } from "../domain/cursor.ts";

export function rowToJob(r: Omit<JobRow, "event_seq">): JobBody {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    organizationId: r.organization_id,
    projectId: r.project_id,
    verdict: r.verdict_id ? { verdictId: r.verdict_id, decision: r.decision as Decision, reason: r.reason } : null,
    pendingActionId: r.pending_action_id,
    result: (r.result as Record<string, unknown> | null) ?? null,
    error: (r.error as { code: string; message: string; reason?: string } | null) ?? null,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    completedAt: r.completed_at ? r.completed_at.toISOString() : null,
  };
}

export async function findJob(db: Db, id: string): Promise<JobRow | undefined> {
  return db.selectFrom("jobs").selectAll().where("id", "=", id).executeTakeFirst();
}

export interface JobListQuery {
  organizationId: string;
  /** Customers only ever see their own project's jobs, whatever filter they pass. */
  forcedProjectId?: string | undefined;
  projectId?: string | undefined;
  status?: JobStatus | undefined;
  limit: number;
  cursor: Cursor | null;
}

/** Newest first, keyset-paginated on (created_at, id) — the jobs_org index order. */
export async function listJobs(db: Db, q: JobListQuery) {
  let query = db.selectFrom("jobs").selectAll().select(sql<string>`created_at::text`.as("cursor_at")).where("organization_id", "=", q.organizationId);
  if (q.forcedProjectId) query = query.where("project_id", "=", q.forcedProjectId);
  if (q.projectId) query = query.where("project_id", "=", q.projectId);
  if (q.status) query = query.where("status", "=", q.status);
  if (q.cursor) query = query.where(sql<boolean>`(created_at, id) < (${q.cursor.at}::timestamptz, ${q.cursor.id})`);
  return query.orderBy("created_at", "desc").orderBy("id", "desc").limit(q.limit + 1).execute();
}

/** One stored status change of a job: its sequence number and the job as it was after it. */
export interface JobEventRow {
  seq: number;
  status: JobStatus;
  job: JobBody;
}

/** The jobs row as `to_jsonb` stored it in `job_events.job`. */
interface StoredJob extends Omit<JobRow, "created_at" | "updated_at" | "completed_at" | "event_seq"> {
  created_at: string;
  updated_at: string;
  completed_at: string | null;
}

export async function jobEventsAfter(db: Db, jobId: string, afterSeq: number): Promise<JobEventRow[]> {
  const rows = await db.selectFrom("job_events").select(["seq", "status", "job"]).where("job_id", "=", jobId).where("seq", ">", afterSeq).orderBy("seq").execute();
  return rows.map((r) => {
    const j = r.job as unknown as StoredJob;
    const job = rowToJob({ ...j, created_at: new Date(j.created_at), updated_at: new Date(j.updated_at), completed_at: j.completed_at ? new Date(j.completed_at) : null });
    return { seq: r.seq, status: r.status, job };
  });
}

/** The operation of the write a job runs (its current intent). */
export async function jobOperation(db: Db, intentId: string): Promise<string | undefined> {
  return (await db.selectFrom("write_intents").select("operation").where("id", "=", intentId).executeTakeFirst())?.operation;
}
