import { platformSchema, type NatsNames } from "@layers/contracts";
import type { Db } from "@layers/db";
import { dispatchMetrics, observeConsumerLag, type DispatchMetrics, type Logger, type NatsHandles } from "@layers/runtime";
import { runServiceMain } from "@layers/service-main";
import type { DispatchConfig } from "./config.ts";

export interface DispatcherProcess<C extends DispatchConfig> {
  /** `dispatcher-<platform>`: the logger's service, the Postgres application name, the NATS connection name. */
  name: string;
  config: C;
  start(deps: { db: Db; nats: NatsHandles; names: NatsNames; log: Logger; config: C; metrics: DispatchMetrics }): Promise<{ stop(): Promise<void> }>;
}

/**
 * The process around one dispatcher (what each `main.ts` calls): the common worker process
 * (`runServiceMain`: connect, ensure the streams, start, health, drain on SIGTERM, exit when NATS
 * closes for good) with the dispatcher's metrics and its durable's lag. Its Postgres pool is
 * `DB_POOL_MAX`, not one connection per handler: claims, draws, loads and records share statements (group commit).
 */
export async function runDispatcherMain<C extends DispatchConfig>(p: DispatcherProcess<C>): Promise<void> {
  // The durable is `dispatcher-<platform>`, the service's own name.
  const platform = platformSchema.parse(p.name.replace(/^dispatcher-/, ""));
  await runServiceMain({
    name: p.name,
    config: p.config,
    start: ({ db, nats, names, log, config, registry }) => p.start({ db, nats, names, log, config, metrics: dispatchMetrics(registry) }),
    observe: ({ nats, names, registry }) => observeConsumerLag(registry, nats.jsm, [{ stream: names.streams.dispatch, durable: names.consumers.dispatcher(platform) }]),
  });
}
