import { natsNames } from "@layers/contracts";
import { createDb, pgReady, poolStats } from "@layers/db";
import { connectNats, createLogger, createMetricsRegistry, ensureStreams, observePool, onShutdown, serveHealth, startTracing, inheritedEnvironment } from "@layers/runtime";
import { startOptimizer } from "./app.ts";
import { loadOptimizerConfig } from "./config.ts";

const config = loadOptimizerConfig();
const tracing = await startTracing("optimizer", inheritedEnvironment());
const log = createLogger({ service: "optimizer", level: config.LOG_LEVEL });
const db = createDb({ connectionString: config.DATABASE_URL, max: config.DB_POOL_MAX, applicationName: "optimizer" });
const nats = await connectNats(config.NATS_URL, "optimizer");
const names = natsNames(config.NATS_PREFIX);
await ensureStreams(nats.jsm, names, { replicas: config.NATS_STREAM_REPLICAS });
const optimizer = await startOptimizer({ db, nats, names, log, config });
const registry = createMetricsRegistry("optimizer");
observePool(registry, () => poolStats(db));
const health = await serveHealth(config, { registry, log, checks: { postgres: () => pgReady(db), nats: () => !nats.nc.isClosed() } });

let draining = false;
onShutdown(log, async () => {
  draining = true;
  await optimizer.stop();
  await health.close();
  await nats.nc.drain();
  await db.destroy();
  await tracing.shutdown();
});
// A NATS connection that closes for good must end the process, so it restarts.
void nats.nc.closed().then((err) => {
  if (draining) return;
  log.fatal({ err }, "NATS connection closed");
  process.exit(1);
});
