import { newId, type OptimizerRunReply, type OptimizerRunRequest } from "@layers/contracts";
import type { Db } from "@layers/db";
import { createRunJob, failRunJobs } from "@layers/lifecycle";
import { failStaleRuns, insertRun, openRunOf, STALE_RUN_ERROR, type NewRun } from "@layers/optimizer-store";
import { windowEndingYesterday } from "../sync/sync-layer.ts";
import { executeRun, type RunDeps } from "./execute-run.ts";

export interface RunStarter {
  /** Queues a run (with its job) and starts it in the background; CONFLICT names the layer's open run. */
  start(req: OptimizerRunRequest, trigger: "api" | "schedule", tick: number | null): Promise<OptimizerRunReply>;
  /** Waits for the runs this process started. */
  drain(): Promise<void>;
}

/** Thrown inside the run's transaction when the run was not stored, so its job is rolled back too. */
class RunNotStored extends Error {}

/** Stores a queued run and its queued job in one transaction: both or neither. */
async function queueRun(db: Db, run: Omit<NewRun, "id" | "jobId">): Promise<{ runId: string; jobId: string } | null> {
  try {
    return await db.transaction().execute(async (trx) => {
      const runId = newId("optimizerRun");
      const jobId = await createRunJob(trx, { organizationId: run.organizationId, projectId: run.projectId, runId, dryRun: run.dryRun });
      if (!(await insertRun(trx, { ...run, id: runId, jobId }))) throw new RunNotStored();
      return { runId, jobId };
    });
  } catch (err) {
    if (err instanceof RunNotStored) return null;
    throw err;
  }
}

/** Fails runs left open by a stopped instance, and their jobs; answers how many. */
export async function failStaleRunsAndJobs(db: Db, staleMs: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const stale = await failStaleRuns(trx, staleMs);
    await failRunJobs(trx, stale.jobIds, STALE_RUN_ERROR);
    return stale.runIds.length;
  });
}

export function createRunStarter(deps: RunDeps, now: () => Date = () => new Date()): RunStarter {
  const inFlight = new Set<Promise<void>>();
  return {
    async start(req, trigger, tick) {
      const layer = await deps.db
        .selectFrom("layers")
        .innerJoin("projects", "projects.id", "layers.project_id")
        .select(["layers.id", "layers.platform", "projects.organization_id", "projects.id as project_id"])
        .where("layers.id", "=", req.layerId)
        .executeTakeFirst();
      if (layer === undefined || layer.project_id !== req.projectId || layer.organization_id !== req.organizationId) {
        return { ok: false, code: "NOT_FOUND", message: `layer ${req.layerId} not found in project ${req.projectId}` };
      }
      if (layer.platform !== req.platform) return { ok: false, code: "VALIDATION", message: `layer ${req.layerId} is the ${layer.platform} layer, not ${req.platform}` };
      const window = windowEndingYesterday(now(), deps.config.OPTIMIZER_WINDOW_DAYS);
      const run = { organizationId: req.organizationId, projectId: req.projectId, layerId: req.layerId, platform: req.platform, trigger, dryRun: req.dryRun, tick, window, requestId: req.requestId };
      let queued = await queueRun(deps.db, run);
      // An open run older than the stale limit was left by a stopped instance: fail it, then try once more.
      if (queued === null && (await failStaleRunsAndJobs(deps.db, deps.config.OPTIMIZER_RUN_STALE_MS)) > 0) queued = await queueRun(deps.db, run);
      if (queued === null) {
        const open = await openRunOf(deps.db, req.layerId);
        return open !== null || tick === null
          ? { ok: false, code: "CONFLICT", message: "a run of this layer is already queued or running", ...(open !== null ? { runId: open } : {}) }
          : { ok: false, code: "CONFLICT", message: `tick ${tick} of this layer already has its run` };
      }
      const p = executeRun(deps, { runId: queued.runId, jobId: queued.jobId, organizationId: req.organizationId, projectId: req.projectId, layerId: req.layerId, platform: req.platform, dryRun: req.dryRun, window, requestId: req.requestId }).finally(() => inFlight.delete(p));
      inFlight.add(p);
      return { ok: true, runId: queued.runId, jobId: queued.jobId };
    },
    async drain() {
      await Promise.allSettled([...inFlight]);
    },
  };
}
