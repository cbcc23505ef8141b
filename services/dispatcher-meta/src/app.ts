import { dispatchSchema, type NatsNames } from "@layers/contracts";
import { recordDeadLetter, type Db } from "@layers/db";
import { ensureDurable, runConsumer, type Logger, type NatsHandles } from "@layers/runtime";
import type { DispatcherMetaConfig } from "./config.ts";
import { createDispatchHandler } from "./dispatch-handler.ts";
import { createMetaClient } from "./meta/index.ts";
import { startSyncResponder } from "./sync-account.ts";

export interface DispatcherMetaDeps {
  db: Db;
  nats: NatsHandles;
  names: NatsNames;
  log: Logger;
  config: DispatcherMetaConfig;
  /** Replaces global fetch for Meta calls (tests may count or delay calls). */
  fetch?: typeof fetch;
}

export interface DispatcherMeta {
  /** Stops pulling and answering, waits for in-flight writes and syncs; connections stay open (main.ts owns them). */
  stop(): Promise<void>;
}

export type { DispatcherMetaConfig } from "./config.ts";
export { configSchema, loadConfig } from "./config.ts";

/**
 * Postgres `attempts` is the real delivery counter (MAX_ATTEMPTS). JetStream's own count also
 * grows with every fence deferral, so runConsumer's limit is set out of reach.
 */
const UNBOUNDED_DELIVERIES = 1_000_000;

export async function startDispatcherMeta(deps: DispatcherMetaDeps): Promise<DispatcherMeta> {
  const { config, names, log } = deps;
  const stream = names.streams.dispatch;
  const durable = names.consumers.dispatcher("meta");
  await ensureDurable(deps.nats.jsm, {
    stream,
    durable,
    filterSubject: names.subjects.dispatch("meta"),
    ackWaitMs: config.ACK_WAIT_MS,
    maxAckPending: 1_000,
  });
  const meta = createMetaClient({
    baseUrl: config.META_BASE_URL,
    apiVersion: config.META_API_VERSION,
    timeoutMs: config.META_TIMEOUT_MS,
    log: log.child({ component: "meta" }),
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  });
  const consumer = await runConsumer({
    js: deps.nats.js,
    stream,
    durable,
    schema: dispatchSchema,
    concurrency: config.DISPATCH_CONCURRENCY,
    retry: { maxAttempts: UNBOUNDED_DELIVERIES, backoffMs: config.RETRY_LADDER_MS },
    log,
    handle: createDispatchHandler({ db: deps.db, js: deps.nats.js, names, meta, config }),
    deadLetter: (dl) => recordDeadLetter(deps.db, dl),
  });
  const sync = startSyncResponder({ db: deps.db, nc: deps.nats.nc, js: deps.nats.js, names, meta, tokenKey: config.TOKEN_ENCRYPTION_KEY, log: log.child({ component: "sync" }) });
  log.info({ durable, concurrency: config.DISPATCH_CONCURRENCY, metaBaseUrl: config.META_BASE_URL }, "dispatcher-meta started");
  return {
    async stop() {
      await Promise.all([consumer.stop(), sync.stop()]);
    },
  };
}
