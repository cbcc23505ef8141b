import { sql } from "kysely";
import { newId, OPTIMIZER_RUN_JOB_KIND, type OptimizerRunJobResult } from "@layers/contracts";
import { json, type Db, type JobStatus } from "@layers/db";
import { fromStates, targetState } from "./transitions.ts";

/**
 * The job of an optimizer run (kind `ads.optimizer.run`): created `queued` with its run, moved
 * `run` when the run starts and `complete` / `fail` when it ends — the same `JOB_MOVES` as a
 * write's job, so `GET /v1/jobs/:jobId` reads both alike. The optimizer calls these inside the
 * transaction that moves its run, so the run and its job never disagree.
 */
export async function createRunJob(db: Db, r: { organizationId: string; projectId: string; runId: string; dryRun: boolean }): Promise<string> {
  const id = newId("job");
  const result: OptimizerRunJobResult = { runId: r.runId, dryRun: r.dryRun };
  await db
    .insertInto("jobs")
    .values({ id, organization_id: r.organizationId, project_id: r.projectId, kind: OPTIMIZER_RUN_JOB_KIND, status: "queued", result: json(result) })
    .execute();
  return id;
}

/** The run started (move `run`). False when the job is no longer queued. */
export async function startRunJob(db: Db, jobId: string): Promise<boolean> {
  const r = await db
    .updateTable("jobs")
    .set({ status: targetState("job", "run") as JobStatus, updated_at: sql<Date>`now()` })
    .where("id", "=", jobId)
    .where("status", "in", fromStates("job", "run") as JobStatus[])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The run completed (move `complete`), with its counts as the job's result. */
export async function completeRunJob(db: Db, jobId: string, result: OptimizerRunJobResult): Promise<void> {
  await db
    .updateTable("jobs")
    .set({ status: targetState("job", "complete") as JobStatus, result: json(result), updated_at: sql<Date>`now()`, completed_at: sql<Date>`now()` })
    .where("id", "=", jobId)
    .where("status", "in", fromStates("job", "complete") as JobStatus[])
    .execute();
}

/** Runs that failed (or were left open by a stopped instance): their jobs fail (move `fail`) with the run's error. */
export async function failRunJobs(db: Db, jobIds: readonly string[], error: { code: string; message: string }): Promise<void> {
  if (jobIds.length === 0) return;
  await db
    .updateTable("jobs")
    .set({ status: targetState("job", "fail") as JobStatus, error: json(error), updated_at: sql<Date>`now()`, completed_at: sql<Date>`now()` })
    .where("id", "in", [...jobIds])
    .where("status", "in", fromStates("job", "fail") as JobStatus[])
    .execute();
}
