import type { NatsNames } from "@layers/contracts";
import type { Db } from "@layers/db";
import type { Logger, NatsHandles } from "@layers/runtime";
import type { OptimizerConfig } from "./config.ts";
import { APPLE_REPORT_HOSTS, appleReportReader } from "./reports/apple-report.ts";
import { metaReportReader } from "./reports/meta-report.ts";
import { tiktokReportReader } from "./reports/tiktok-report.ts";
import { createRunStarter, type RunStarter } from "./runs/start-run.ts";
import { startRunResponder } from "./runs/start-run-responder.ts";
import { startSchedule, type RunningSchedule } from "./schedule/start-schedule.ts";
import { syncLayerMetrics, windowEndingYesterday } from "./sync/sync-layer.ts";

export { loadOptimizerConfig, optimizerConfigSchema, type OptimizerConfig } from "./config.ts";

export interface OptimizerDeps {
  db: Db;
  nats: NatsHandles;
  names: NatsNames;
  log: Logger;
  config: Readonly<OptimizerConfig>;
  /** Platform calls (tests may count them). */
  fetch?: typeof fetch;
}

export interface RunningOptimizer {
  starter: RunStarter;
  schedule: RunningSchedule;
  /** Stops the schedule and the responder and waits for runs in flight; connections stay open. */
  stop(): Promise<void>;
}

/**
 * The optimizer: answers run requests (`<p>.rpc.optimizer.run`), runs every consenting layer on
 * its schedule, syncs each layer's metrics before a run and sends proposals through the gate.
 */
export async function startOptimizer(deps: OptimizerDeps): Promise<RunningOptimizer> {
  const { config } = deps;
  const common = { timeoutMs: config.REPORT_TIMEOUT_MS, ...(deps.fetch ? { fetch: deps.fetch } : {}) };
  const runDeps = {
    db: deps.db,
    log: deps.log,
    tokenKey: config.TOKEN_ENCRYPTION_KEY,
    readers: {
      meta: metaReportReader({ baseUrl: config.META_BASE_URL, version: config.META_API_VERSION, conversionAction: config.META_CONVERSION_ACTION, ...common }),
      tiktok: tiktokReportReader({ baseUrl: config.TIKTOK_BASE_URL, ...common }),
      apple: appleReportReader(config.APPLE_API, { baseUrl: config.APPLE_BASE_URL ?? APPLE_REPORT_HOSTS[config.APPLE_API], ...common }),
    },
    js: deps.nats.js,
    nc: deps.nats.nc,
    names: deps.names,
    config,
  };
  const starter = createRunStarter(runDeps);
  const responder = startRunResponder({ nc: deps.nats.nc, names: deps.names, log: deps.log.child({ component: "run-rpc" }), starter });
  const schedule = startSchedule({
    db: deps.db,
    log: deps.log.child({ component: "schedule" }),
    starter,
    intervalMs: config.OPTIMIZER_INTERVAL_MS,
    staleMs: config.OPTIMIZER_RUN_STALE_MS,
    syncMetrics: (layerId) => syncLayerMetrics(runDeps, layerId, windowEndingYesterday(new Date(), config.OPTIMIZER_WINDOW_DAYS)),
  });
  deps.log.info({ intervalMs: config.OPTIMIZER_INTERVAL_MS }, "optimizer started");
  return {
    starter,
    schedule,
    async stop() {
      await schedule.stop();
      await responder.stop();
      await starter.drain();
    },
  };
}
