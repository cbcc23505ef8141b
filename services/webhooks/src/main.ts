import { natsNames } from "@layers/contracts";
import { createDb, pgReady, poolStats } from "@layers/db";
import {
  connectNats,
  createLogger,
  createMetricsRegistry,
  ensureStreams,
  observeConsumerLag,
  observePool,
  onShutdown,
  scrapeGauge,
  serveHealth,
  startTracing,
  webhookMetrics,
  inheritedEnvironment,
} from "@layers/runtime";
import { countEndpointStates } from "@layers/webhook-store";
import { startWebhooks } from "./app.ts";
import { loadConfig } from "./config.ts";

const config = loadConfig();
const tracing = await startTracing("webhooks", inheritedEnvironment());
const log = createLogger({ service: "webhooks", level: config.LOG_LEVEL });
const db = createDb({ connectionString: config.DATABASE_URL, max: config.DB_POOL_MAX, applicationName: "webhooks" });
const nats = await connectNats(config.NATS_URL, "webhooks");
const names = natsNames(config.NATS_PREFIX);
await ensureStreams(nats.jsm, names, { replicas: config.NATS_STREAM_REPLICAS });
const registry = createMetricsRegistry("webhooks");
const app = await startWebhooks({ db, nats, names, log, config, metrics: webhookMetrics(registry) });
observeConsumerLag(registry, nats.jsm, [{ stream: names.streams.events, durable: names.consumers.webhooks }]);
observePool(registry, () => poolStats(db));
scrapeGauge(registry, { name: "webhook_endpoints", help: "Live webhook endpoints by health (healthy, failing, disabled)", labelNames: ["state"] }, async () =>
  (await countEndpointStates(db)).map((s) => ({ labels: { state: s.state }, value: s.count })),
);
const health = await serveHealth(config, { registry, log, checks: { postgres: () => pgReady(db), nats: () => !nats.nc.isClosed() } });
log.info("ready");

let draining = false;
// Attempts in flight finish (each is bounded by WEBHOOK_TIMEOUT_MS) and are recorded before exit.
onShutdown(
  log,
  async () => {
    draining = true;
    await app.stop();
    await health.close();
    await nats.nc.drain();
    await db.destroy();
    await tracing.shutdown();
  },
  config.WEBHOOK_TIMEOUT_MS + 10_000,
);
// The connection never gives up reconnecting; if it closes anyway, let the supervisor restart us.
void nats.nc.closed().then((err) => {
  if (draining) return;
  log.error({ err }, "NATS connection closed");
  process.exit(1);
});
