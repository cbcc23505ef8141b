import { type OptimizerRunReply, type OptimizerRunRequest } from "@layers/contracts";
import { failStaleRuns, insertRun } from "../db/run-repository.ts";
import { windowEndingYesterday } from "../sync/sync-layer.ts";
import { executeRun, type RunDeps } from "./execute-run.ts";

export interface RunStarter {
  /** Queues a run and starts it in the background; CONFLICT names the layer's open run. */
  start(req: OptimizerRunRequest, trigger: "api" | "schedule", tick: number | null): Promise<OptimizerRunReply>;
  /** Waits for the runs this process started. */
  drain(): Promise<void>;
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
      let inserted = await insertRun(deps.db, run);
      // An open run older than the stale limit was left by a stopped instance: fail it, then try once more.
      if (!inserted.ok && inserted.reason === "open_run" && (await failStaleRuns(deps.db, deps.config.OPTIMIZER_RUN_STALE_MS)) > 0) inserted = await insertRun(deps.db, run);
      if (!inserted.ok) {
        return inserted.reason === "open_run"
          ? { ok: false, code: "CONFLICT", message: "a run of this layer is already queued or running", ...(inserted.runId ? { runId: inserted.runId } : {}) }
          : { ok: false, code: "CONFLICT", message: `tick ${tick} of this layer already has its run` };
      }
      const p = executeRun(deps, { runId: inserted.runId, organizationId: req.organizationId, projectId: req.projectId, layerId: req.layerId, platform: req.platform, dryRun: req.dryRun, window, requestId: req.requestId }).finally(() => inFlight.delete(p));
      inFlight.add(p);
      return { ok: true, runId: inserted.runId };
    },
    async drain() {
      await Promise.allSettled([...inFlight]);
    },
  };
}
