import { natsNames } from "@layers/contracts";
import { createDb, oldestOutboxAgeSeconds, pgReady, poolStats } from "@layers/db";
import {
  connectNats,
  createLogger,
  createMetricsRegistry,
  ensureStreams,
  gateMetrics,
  observeConsumerLag,
  observeOutboxAge,
  observePool,
  onShutdown,
  serveHealth,
  startTracing,
  inheritedEnvironment,
} from "@layers/runtime";
import { startGate } from "./app.ts";
import { loadGateConfig } from "./config.ts";

const config = loadGateConfig();
const tracing = await startTracing("gate", inheritedEnvironment());
const log = createLogger({ service: "gate", level: config.LOG_LEVEL });
const db = createDb({ connectionString: config.DATABASE_URL, max: config.DB_POOL_MAX, applicationName: "gate" });
const nats = await connectNats(config.NATS_URL, "gate");
const names = natsNames(config.NATS_PREFIX);
await ensureStreams(nats.jsm, names, { replicas: config.NATS_STREAM_REPLICAS });
const registry = createMetricsRegistry("gate");
const gate = await startGate({ db, nats, names, log, config, metrics: gateMetrics(registry) });
observeConsumerLag(registry, nats.jsm, [
  { stream: names.streams.intents, durable: names.consumers.gate },
  { stream: names.streams.pending, durable: names.consumers.gatePending },
]);
observePool(registry, () => poolStats(db));
observeOutboxAge(registry, () => oldestOutboxAgeSeconds(db));
const health = await serveHealth(config, { registry, log, checks: { postgres: () => pgReady(db), nats: () => !nats.nc.isClosed() } });

let draining = false;
onShutdown(log, async () => {
  draining = true;
  await gate.stop();
  await health.close();
  await nats.nc.drain();
  await db.destroy();
  await tracing.shutdown();
});
// A NATS connection that closes for good (e.g. an auth change) must end the process, so it restarts.
void nats.nc.closed().then((err) => {
  if (draining) return;
  log.fatal({ err }, "NATS connection closed");
  process.exit(1);
});
