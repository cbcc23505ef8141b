import { dispatchSchema, type NatsNames } from "@layers/contracts";
import { recordDeadLetter, type Db } from "@layers/db";
import { ensureDurable, runConsumer, type DispatchMetrics, type Logger, type NatsHandles } from "@layers/runtime";
import type { DispatchAdapter } from "./adapter.ts";
import type { DispatchConfig } from "./config.ts";
import { createDispatchHandler } from "./dispatch-handler.ts";
import { startHandOnSweep } from "./handon-sweep.ts";
import { bucketOf, PLATFORM_CALL_LIMITS } from "./budgets/budget-policy.ts";
import { accountScheduleOf } from "./budgets/account-schedule.ts";
import { startBudgetWaker } from "./budgets/budget-waker.ts";
import { createCallBudgets, type CallBudgets } from "./budgets/call-budgets.ts";

export interface DispatcherDeps {
  db: Db;
  nats: NatsHandles;
  names: NatsNames;
  log: Logger;
  config: DispatchConfig;
  /** The platform's call budgets, when the caller also feeds them (e.g. from usage headers); made here otherwise. */
  budgets?: CallBudgets;
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
  const budgets = deps.budgets ?? createPlatformBudgets({ db: deps.db, log, config }, adapter.platform);
  const schedule = accountScheduleOf(config);
  const waker = startBudgetWaker({
    db: deps.db,
    js: deps.nats.js,
    names,
    platform: adapter.platform,
    log: log.child({ component: "budget-waker" }),
    schedule,
    intervalMs: config.CALL_BUDGET_WAKE_MS,
    bookMs: config.CALL_BUDGET_BOOK_MS,
    scheduledMs: config.CALL_BUDGET_SCHEDULED_MS,
    inStreamMax: config.CALL_BUDGET_IN_STREAM_MAX,
  });
  const consumer = await runConsumer({
    js: deps.nats.js,
    stream,
    durable,
    schema: dispatchSchema,
    concurrency: config.DISPATCH_CONCURRENCY,
    retry: { maxAttempts: UNBOUNDED_DELIVERIES, backoffMs: config.RETRY_LADDER_MS },
    log,
    handle: createDispatchHandler({ db: deps.db, js: deps.nats.js, names, config, budgets, schedule, ...(deps.metrics ? { metrics: deps.metrics } : {}) }, adapter),
    deadLetter: (dl) => recordDeadLetter(deps.db, dl),
  });
  const sweep = startHandOnSweep({
    db: deps.db,
    js: deps.nats.js,
    names,
    platform: adapter.platform,
    log: log.child({ component: "handon-sweep" }),
    afterMs: config.HANDON_SWEEP_AFTER_MS,
    everyMs: config.HANDON_SWEEP_EVERY_MS,
    retryMs: config.HANDON_SWEEP_RETRY_MS,
    scheduledAccounts: () => schedule.scheduled(Date.now()),
  });
  return {
    durable,
    async stop() {
      await Promise.all([sweep.stop(), consumer.stop(), waker.stop()]);
    },
  };
}

/** The platform's call budgets as configured: `CALL_BUDGET_*`, or the platform's own limit. */
export function createPlatformBudgets(deps: { db: Db; log: Logger; config: DispatchConfig }, platform: DispatchAdapter["platform"], opts: { reportsUsage?: boolean } = {}): CallBudgets {
  const { config } = deps;
  const limit = config.CALL_BUDGET_CALLS === undefined
    ? PLATFORM_CALL_LIMITS[platform]
    : { calls: config.CALL_BUDGET_CALLS, windowMs: config.CALL_BUDGET_WINDOW_MS ?? 1_000 };
  return createCallBudgets({
    db: deps.db,
    platform,
    shape: bucketOf(limit, config.CALL_BUDGET_HEADROOM),
    reportsUsage: opts.reportsUsage ?? false,
    scheduledMs: config.CALL_BUDGET_SCHEDULED_MS,
    log: deps.log.child({ component: "call-budgets" }),
    batch: { maxBatch: config.DISPATCH_BATCH_MAX, maxInFlight: config.DISPATCH_BATCHES_IN_FLIGHT },
  });
}

