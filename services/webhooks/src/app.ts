import type { NatsNames } from "@layers/contracts";
import type { Db } from "@layers/db";
import type { Logger, NatsHandles, RunningConsumer, WebhookMetrics } from "@layers/runtime";
import type { WebhooksConfig } from "./config.ts";
import { deliverOnce, type DeliverDeps } from "./deliver.ts";
import { startFanOut } from "./fan-out.ts";
import { startScheduler } from "./scheduler.ts";

export interface WebhooksDeps {
  db: Db;
  nats: NatsHandles;
  names: NatsNames;
  log: Logger;
  config: WebhooksConfig;
  /** Replaces global fetch for deliveries (tests count or refuse requests). */
  fetch?: typeof fetch;
  /** Attempt counters (main.ts registers them on the process's metrics registry). */
  metrics?: WebhookMetrics;
}

export interface Webhooks {
  /** Stops consuming and claiming, waits for attempts in flight to be recorded; connections stay open (main.ts owns them). */
  stop(): Promise<void>;
}

export type { WebhooksConfig } from "./config.ts";
export { configSchema, loadConfig } from "./config.ts";

export async function startWebhooks(deps: WebhooksDeps): Promise<Webhooks> {
  const { config, log } = deps;
  const firstDelayMs = config.WEBHOOK_RETRY_SCHEDULE_MS[0]!;
  // A disabled endpoint's notice is new work for the scheduler, which is created below.
  let wake = () => {};
  const deliverDeps: DeliverDeps = {
    db: deps.db,
    log: log.child({ component: "deliver" }),
    fetch: deps.fetch ?? globalThis.fetch,
    retry: { scheduleMs: config.WEBHOOK_RETRY_SCHEDULE_MS, jitter: config.WEBHOOK_RETRY_JITTER, retryAfterCapMs: config.WEBHOOK_RETRY_AFTER_CAP_MS },
    timeoutMs: config.WEBHOOK_TIMEOUT_MS,
    leaseMs: config.WEBHOOK_LEASE_MS,
    disableAfterMs: config.WEBHOOK_DISABLE_AFTER_MS,
    allowHosts: config.WEBHOOK_ALLOWED_HOSTS,
    tokenKey: config.TOKEN_ENCRYPTION_KEY,
    firstDelayMs,
    ...(deps.metrics ? { metrics: deps.metrics } : {}),
    onDisabled: async (notice) => {
      if (notice.deliveries > 0) wake();
    },
  };
  const scheduler = startScheduler({
    db: deps.db,
    log: log.child({ component: "scheduler" }),
    concurrency: config.WEBHOOK_CONCURRENCY,
    perEndpoint: config.WEBHOOK_ENDPOINT_CONCURRENCY,
    leaseMs: config.WEBHOOK_LEASE_MS,
    pollMs: config.WEBHOOK_POLL_MS,
    run: (c) => deliverOnce(deliverDeps, c),
  });
  wake = () => scheduler.wake();
  let consumer: RunningConsumer;
  try {
    consumer = await startFanOut({
      db: deps.db,
      nats: deps.nats,
      names: deps.names,
      log: log.child({ component: "fan-out" }),
      concurrency: config.WEBHOOK_FANOUT_CONCURRENCY,
      ackWaitMs: config.WEBHOOK_ACK_WAIT_MS,
      firstDelayMs,
      wake,
    });
  } catch (err) {
    await scheduler.stop();
    throw err;
  }
  log.info(
    { durable: deps.names.consumers.webhooks, concurrency: config.WEBHOOK_CONCURRENCY, perEndpoint: config.WEBHOOK_ENDPOINT_CONCURRENCY, attempts: config.WEBHOOK_RETRY_SCHEDULE_MS.length },
    "webhooks started",
  );
  return {
    async stop() {
      await consumer.stop();
      await scheduler.stop();
    },
  };
}
