import { dispatchSchema, type NatsNames } from "@layers/contracts";
import { recordDeadLetter, type Db } from "@layers/db";
import { ensureDurable, runConsumer, type DispatchMetrics, type Logger, type NatsHandles } from "@layers/runtime";
import type { DispatchAdapter } from "./adapter.ts";
import type { DispatchConfig } from "./config.ts";
import { createDispatchHandler } from "./dispatch-handler.ts";

export interface DispatcherDeps {
  db: Db;
  nats: NatsHandles;
  names: NatsNames;
  log: Logger;
  config: DispatchConfig;
  /** Dispatch attempt metrics; `runDispatcherMain` passes them to the adapter's app, which passes them here. */
  metrics?: DispatchMetrics | undefined;
}

export interface RunningDispatcher {
  /** The JetStream durable the dispatcher consumes (`dispatcher-<platform>`). */
  durable: string;
  /** Stops pulling and waits for in-flight writes; connections stay open. */
  stop(): Promise<void>;
}

/**
 * Postgres `attempts` is the real delivery counter (MAX_ATTEMPTS). JetStream's own count also
 * grows with every fence deferral, so runConsumer's limit is set out of reach.
 */
const UNBOUNDED_DELIVERIES = 1_000_000;

/** Ensures the durable on `dispatch.<platform>` and consumes it with the core handler and this adapter. */
export async function startDispatcher<Plan>(deps: DispatcherDeps, adapter: DispatchAdapter<Plan>): Promise<RunningDispatcher> {
  const { config, names, log } = deps;
  const stream = names.streams.dispatch;
  const durable = names.consumers.dispatcher(adapter.platform);
  await ensureDurable(deps.nats.jsm, {
    stream,
    durable,
    filterSubject: names.subjects.dispatch(adapter.platform),
    ackWaitMs: config.ACK_WAIT_MS,
    maxAckPending: 1_000,
  });
  const consumer = await runConsumer({
    js: deps.nats.js,
    stream,
    durable,
    schema: dispatchSchema,
    concurrency: config.DISPATCH_CONCURRENCY,
    retry: { maxAttempts: UNBOUNDED_DELIVERIES, backoffMs: config.RETRY_LADDER_MS },
    log,
    handle: createDispatchHandler({ db: deps.db, js: deps.nats.js, names, config, ...(deps.metrics ? { metrics: deps.metrics } : {}) }, adapter),
    deadLetter: (dl) => recordDeadLetter(deps.db, dl),
  });
  return { durable, stop: () => consumer.stop() };
}
