import { z } from "zod";
import { baseConfigSchema, parseConfig } from "@layers/runtime";

const int = (min: number, fallback: number) => z.coerce.number().int().min(min).default(fallback);

/** The gate's environment (plus DATABASE_URL, NATS_URL, NATS_PREFIX, LOG_LEVEL from the base). */
export const gateConfigSchema = baseConfigSchema.extend({
  /** Intents this process decides at once (each in its own transaction). */
  GATE_CONCURRENCY: int(1, 32),
  /** Intents decided in one transaction at most (group commit; a batch takes what arrived while the previous one committed). */
  GATE_BATCH_MAX: int(1, 64),
  /** Batches committing at once (each its own transaction): rows of one intent are never in two, its lock sees to that. */
  GATE_BATCHES_IN_FLIGHT: int(1, 4),
  /** How long JetStream waits for an ack before redelivering an intent to another instance. */
  GATE_ACK_WAIT_MS: int(1_000, 30_000),
  GATE_MAX_ACK_PENDING: int(1, 1_000),
  /** Postgres pool size: at least GATE_CONCURRENCY plus one for each relay (intents, outbox events). */
  DB_POOL_MAX: int(2, 40),
  /** Outbox relay: time between passes. */
  RELAY_INTERVAL_MS: int(10, 1_000),
  /** Outbox relay: an intent still `accepted` after this long is republished. */
  RELAY_AFTER_MS: int(0, 3_000),
  /** Outbox relay: wait before republishing the same intent again. */
  RELAY_RETRY_MS: int(100, 30_000),
  /** Outbox relay: intents per pass (and outbox events per pass). */
  RELAY_BATCH_SIZE: int(1, 500),
  /** Event outbox: published rows are deleted after this long (JetStream and the webhooks' `events` keep the events). */
  OUTBOX_RETAIN_MS: int(0, 24 * 60 * 60_000),
  /** A job's event history (what `GET /v1/jobs/:id/events` resumes from) is kept this long after the job ended. */
  JOB_EVENTS_RETAIN_MS: int(0, 7 * 24 * 60 * 60_000),
  /** How often the gate prunes job event histories older than that. */
  JOB_EVENTS_PRUNE_EVERY_MS: int(1_000, 10 * 60_000),
});
export type GateConfig = z.infer<typeof gateConfigSchema>;

/** Parses once at boot; fails naming every bad variable. */
export function loadGateConfig(env: Record<string, string | undefined> = process.env): Readonly<GateConfig> {
  return parseConfig(gateConfigSchema, env);
}
