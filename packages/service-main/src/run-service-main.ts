import type { Registry } from "prom-client";
import { natsNames, type NatsNames } from "@layers/contracts";
import { createDb, pgReady, poolStats, type Db } from "@layers/db";
import {
  connectNats,
  createLogger,
  createMetricsRegistry,
  ensureStreams,
  inheritedEnvironment,
  observePool,
  onShutdown,
  serveHealth,
  startTracing,
  type baseConfigSchema,
  type Logger,
  type NatsHandles,
} from "@layers/runtime";
import type { z } from "zod";

/** What every worker's config carries (runtime's base schema) plus its pool size. */
export type ServiceConfig = z.infer<typeof baseConfigSchema> & { DB_POOL_MAX: number };

/** The process's connections and registry, handed to the service it runs. */
export interface ServiceHandles<C extends ServiceConfig = ServiceConfig> {
  db: Db;
  nats: NatsHandles;
  names: NatsNames;
  log: Logger;
  config: C;
  /** The process's Prometheus registry (served at /metrics); the service adds its own metrics. */
  registry: Registry;
}

export interface ServiceSpec<C extends ServiceConfig> {
  /** The service's name: its log `service`, Postgres application name, NATS connection name, metrics label and trace service. */
  name: string;
  config: C;
  start(h: ServiceHandles<C>): Promise<{ stop(): Promise<void> }>;
  /** Gauges read at scrape time (consumer lag, outbox age, …), added once the service started. */
  observe?(h: ServiceHandles<C>): void;
  /** How long SIGTERM waits for `stop()` before the process exits anyway (onShutdown's default otherwise). */
  shutdownDeadlineMs?: number;
}

/**
 * The process around one worker service (what each `main.ts` calls): tracing, logger, Postgres,
 * NATS and its streams, the service, its health server; on SIGTERM it drains in order (service,
 * health, NATS, Postgres, tracing), and it exits when the NATS connection closes for good so the
 * supervisor restarts it. The gateway's main differs (its API port serves the health routes).
 */
export async function runServiceMain<C extends ServiceConfig>(spec: ServiceSpec<C>): Promise<void> {
  const { name, config } = spec;
  const tracing = await startTracing(name, inheritedEnvironment());
  const log = createLogger({ service: name, level: config.LOG_LEVEL });
  const db = createDb({ connectionString: config.DATABASE_URL, max: config.DB_POOL_MAX, applicationName: name });
  const nats = await connectNats(config.NATS_URL, name);
  const names = natsNames(config.NATS_PREFIX);
  await ensureStreams(nats.jsm, names, { replicas: config.NATS_STREAM_REPLICAS });
  const registry = createMetricsRegistry(name);
  const handles: ServiceHandles<C> = { db, nats, names, log, config, registry };
  const service = await spec.start(handles);
  observePool(registry, () => poolStats(db));
  spec.observe?.(handles);
  const health = await serveHealth(config, { registry, log, checks: { postgres: () => pgReady(db), nats: () => !nats.nc.isClosed() } });
  log.info("ready");

  let draining = false;
  onShutdown(
    log,
    async () => {
      draining = true;
      await service.stop();
      await health.close();
      await nats.nc.drain();
      await db.destroy();
      await tracing.shutdown();
    },
    spec.shutdownDeadlineMs,
  );
  // The connection never gives up reconnecting; if it closes anyway (an auth change), let the supervisor restart us.
  void nats.nc.closed().then((err) => {
    if (draining) return;
    log.fatal({ err }, "NATS connection closed");
    process.exit(1);
  });
}
