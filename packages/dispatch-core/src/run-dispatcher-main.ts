import { natsNames, platformSchema, type NatsNames } from "@layers/contracts";
import { createDb, pgReady, poolStats, type Db } from "@layers/db";
import {
  connectNats,
  createLogger,
  createMetricsRegistry,
  dispatchMetrics,
  ensureStreams,
  observeConsumerLag,
  observePool,
  onShutdown,
  serveHealth,
  startTracing,
  type DispatchMetrics,
  type Logger,
  type NatsHandles,
  inheritedEnvironment,
} from "@layers/runtime";
import type { DispatchConfig } from "./config.ts";

export interface DispatcherProcess<C extends DispatchConfig> {
  /** `dispatcher-<platform>`: the logger's service, the Postgres application name, the NATS connection name. */
  name: string;
  config: C;
  start(deps: { db: Db; nats: NatsHandles; names: NatsNames; log: Logger; config: C; metrics: DispatchMetrics }): Promise<{ stop(): Promise<void> }>;
}

/**
 * The process around one dispatcher (what each `main.ts` calls): connect, ensure the streams,
 * start, drain on SIGTERM, and exit when NATS closes for good so the supervisor restarts it.
 */
export async function runDispatcherMain<C extends DispatchConfig>(p: DispatcherProcess<C>): Promise<void> {
  const { config, name } = p;
  const log = createLogger({ service: name, level: config.LOG_LEVEL });
  const tracing = await startTracing(name, inheritedEnvironment());
  // Not one connection per handler: the handlers' claims, draws, loads and records share statements (group commit).
  const db = createDb({ connectionString: config.DATABASE_URL, max: config.DB_POOL_MAX, applicationName: name });
  const nats = await connectNats(config.NATS_URL, name);
  const names = natsNames(config.NATS_PREFIX);
  await ensureStreams(nats.jsm, names, { replicas: config.NATS_STREAM_REPLICAS });
  const registry = createMetricsRegistry(name);
  const app = await p.start({ db, nats, names, log, config, metrics: dispatchMetrics(registry) });
  // The durable is `dispatcher-<platform>`, the service's own name.
  const platform = platformSchema.parse(name.replace(/^dispatcher-/, ""));
  observeConsumerLag(registry, nats.jsm, [{ stream: names.streams.dispatch, durable: names.consumers.dispatcher(platform) }]);
  observePool(registry, () => poolStats(db));
  const health = await serveHealth(config, { registry, log, checks: { postgres: () => pgReady(db), nats: () => !nats.nc.isClosed() } });
  log.info("ready");

  let draining = false;
  onShutdown(log, async () => {
    draining = true;
    await app.stop();
    await health.close();
    await nats.nc.drain();
    await db.destroy();
    await tracing.shutdown();
  });
  // The connection never gives up reconnecting; if it closes anyway, let the supervisor restart us.
  void nats.nc.closed().then((err) => {
    if (draining) return;
    log.error({ err }, "NATS connection closed");
    process.exit(1);
  });
}
