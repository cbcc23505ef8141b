import { writeIntentMessageSchema, type NatsNames } from "@layers/contracts";
import { recordDeadLetter, type Db } from "@layers/db";
import { DEFAULT_RETRY, ensureDurable, runConsumer, type GateMetrics, type Logger, type NatsHandles } from "@layers/runtime";
import type { GateConfig } from "./config.ts";
import { startEvaluateResponder } from "./evaluate/start-evaluate-responder.ts";
import { createGroupCommitter } from "./handlers/group-committer.ts";
import { handleIntent } from "./handlers/handle-intent.ts";
import { startJobEventsPruner, startOutboxRelay } from "@layers/lifecycle";
import { startRelay } from "./relay/start-relay.ts";

export { gateConfigSchema, loadGateConfig, type GateConfig } from "./config.ts";
export { decide, type GateDecision, type GateInput, type LayerPolicy, type PolicyState } from "./domain/decide.ts";

export interface GateDeps {
  db: Db;
  nats: NatsHandles;
  names: NatsNames;
  log: Logger;
  config: Readonly<GateConfig>;
  /** Decision counters (main.ts registers them on the process's metrics registry). */
  metrics?: GateMetrics;
}

export interface RunningGate {
  /** Stops the relay and the consumer, waiting for in-flight intents; connections stay open (the caller owns them). */
  stop(): Promise<void>;
}

/**
 * The authority gate: consumes `<p>.intent.>` through the durable `gate` and optimizer proposals
 * on `<p>.pending.>` through the durable `gate-pending` (same handler), answers dry-run evaluate
 * requests (`<p>.rpc.gate.evaluate.*`), and relays unpublished intents and outbox events.
 */
export async function startGate(deps: GateDeps): Promise<RunningGate> {
  const { db, nats, names, log, config } = deps;
  await ensureDurable(nats.jsm, {
    stream: names.streams.intents,
    durable: names.consumers.gate,
    filterSubject: names.subjects.intentsAll,
    ackWaitMs: config.GATE_ACK_WAIT_MS,
    maxAckPending: Math.max(config.GATE_MAX_ACK_PENDING, config.GATE_CONCURRENCY),
  });
  const committer = createGroupCommitter({ db, names, log: log.child({ component: "decide" }), maxBatch: config.GATE_BATCH_MAX, maxInFlight: config.GATE_BATCHES_IN_FLIGHT });
  const consumer = await runConsumer({
    js: nats.js,
    stream: names.streams.intents,
    durable: names.consumers.gate,
    schema: writeIntentMessageSchema,
    concurrency: config.GATE_CONCURRENCY,
    retry: DEFAULT_RETRY,
    log: log.child({ component: "intents" }),
    handle: (intent, ctx) => handleIntent({ js: nats.js, nc: nats.nc, names, committer, ...(deps.metrics ? { metrics: deps.metrics } : {}) }, intent, ctx),
    deadLetter: (dl) => recordDeadLetter(db, dl),
  });
  // Optimizer proposals arrive on their own stream; the gate decides them with the very same handler.
  await ensureDurable(nats.jsm, {
    stream: names.streams.pending,
    durable: names.consumers.gatePending,
    filterSubject: names.subjects.pendingAll,
    ackWaitMs: config.GATE_ACK_WAIT_MS,
    maxAckPending: Math.max(config.GATE_MAX_ACK_PENDING, config.GATE_CONCURRENCY),
  });
  const pendingConsumer = await runConsumer({
    js: nats.js,
    stream: names.streams.pending,
    durable: names.consumers.gatePending,
    schema: writeIntentMessageSchema,
    concurrency: config.GATE_CONCURRENCY,
    retry: DEFAULT_RETRY,
    log: log.child({ component: "pending" }),
    // Same handler and the same group committer as partner intents: one gate, one decision path.
    handle: (intent, ctx) => handleIntent({ js: nats.js, nc: nats.nc, names, committer, ...(deps.metrics ? { metrics: deps.metrics } : {}) }, intent, ctx),
    deadLetter: (dl) => recordDeadLetter(db, dl),
  });
  const relay = startRelay({
    db,
    js: nats.js,
    names,
    log: log.child({ component: "relay" }),
    intervalMs: config.RELAY_INTERVAL_MS,
    afterMs: config.RELAY_AFTER_MS,
    retryMs: config.RELAY_RETRY_MS,
    batchSize: config.RELAY_BATCH_SIZE,
  });
  // The one publisher of events (owned by @layers/lifecycle; hosted by every gate process, which
  // keep apart through the outbox rows' locks).
  const eventRelay = startOutboxRelay({
    db,
    databaseUrl: config.DATABASE_URL,
    js: nats.js,
    names,
    log: log.child({ component: "outbox-relay" }),
    intervalMs: config.RELAY_INTERVAL_MS,
    batchSize: config.RELAY_BATCH_SIZE,
    retainMs: config.OUTBOX_RETAIN_MS,
  });
  const pruner = startJobEventsPruner({ db, log: log.child({ component: "job-events-pruner" }), retainMs: config.JOB_EVENTS_RETAIN_MS, everyMs: config.JOB_EVENTS_PRUNE_EVERY_MS });
  const evaluator = startEvaluateResponder({ db, nc: nats.nc, names, log: log.child({ component: "evaluate" }) });
  log.info({ durable: names.consumers.gate, stream: names.streams.intents }, "gate started");
  return {
    async stop() {
      await evaluator.stop();
      await pruner.stop();
      await eventRelay.stop();
      await relay.stop();
      await pendingConsumer.stop();
      await consumer.stop();
    },
  };
}
