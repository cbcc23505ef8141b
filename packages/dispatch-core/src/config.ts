import { z } from "zod";
import { baseConfigSchema, DEV_TOKEN_KEY, tokenKeySchema } from "@layers/runtime";

const int = (min: number) => z.coerce.number().int().min(min);
const msList = z
  .string()
  .regex(/^\d+(,\d+)*$/, "must be comma-separated milliseconds")
  .transform((s) => s.split(",").map(Number));

/**
 * The settings every dispatcher shares. A dispatcher extends this with its platform's own
 * (base URL, API version, timeout…) and parses it with `parseConfig` from `@layers/runtime`.
 */
export const dispatchConfigSchema = baseConfigSchema.extend({
  TOKEN_ENCRYPTION_KEY: tokenKeySchema.default(DEV_TOKEN_KEY),
  /**
   * Dispatch messages handled at once by one process. Claims, draws, campaign loads and records of
   * the messages in flight share statements (group commit), so more in flight means fewer statements per write.
   */
  DISPATCH_CONCURRENCY: int(1).default(64),
  /** Postgres connections of one process; group commit keeps the statements in flight far below DISPATCH_CONCURRENCY. */
  DB_POOL_MAX: int(2).default(20),
  /** Group commit: most claims (and most outcomes) one statement takes from the handlers running at once. */
  DISPATCH_BATCH_MAX: int(1).default(64),
  /** Group commit: claim (and record) statements in flight at once; one waits on Postgres while the next batch gathers. */
  DISPATCH_BATCHES_IN_FLIGHT: int(1).default(2),
  /** Claims of one intent (Postgres `attempts`) after which it is marked dead and dead-lettered. */
  MAX_ATTEMPTS: int(1).default(8),
  /** How long a claim protects an intent from other instances; renewed while the call runs. */
  LEASE_MS: int(1_000).default(60_000),
  /** JetStream ack_wait of the durable: how soon a crashed instance's messages are redelivered. */
  ACK_WAIT_MS: int(1_000).default(30_000),
  /** Delay before a fenced message (an earlier write to its entity is still open) is offered again. */
  FENCE_DELAY_MS: int(1).default(200),
  /**
   * Hand-on sweep: an allowed write of this platform at the head of its entity that nobody has
   * claimed for this long is handed on again (its hand-on was lost in a crash). Hand-ons take ms.
   */
  HANDON_SWEEP_AFTER_MS: int(0).default(10_000),
  /** Hand-on sweep: how often it looks, and how long before the same write is handed on again. */
  HANDON_SWEEP_EVERY_MS: int(10).default(1_000),
  HANDON_SWEEP_RETRY_MS: int(100).default(30_000),
  /** Quick retries of one call inside a handler before the message goes back to the stream. */
  QUICK_RETRIES: int(0).default(2),
  QUICK_RETRY_MIN_MS: int(1).default(100),
  QUICK_RETRY_MAX_MS: int(1).default(1_000),
  /** Redelivery delays indexed by the intent's attempt count (the last entry repeats). */
  RETRY_LADDER_MS: msList.default([1_000, 5_000, 15_000, 30_000, 60_000, 120_000, 300_000]),
  /** Calls per `CALL_BUDGET_WINDOW_MS` one platform account may take, shared by every instance; default: the platform's own limit. */
  CALL_BUDGET_CALLS: int(1).optional(),
  CALL_BUDGET_WINDOW_MS: int(1).optional(),
  /** Share of the platform's limit the budget spends (the rest absorbs calls the budget does not see, e.g. syncs). */
  CALL_BUDGET_HEADROOM: z.coerce.number().min(0.1).max(1).default(0.9),
  /** How often the budget waker publishes writes waiting for their account's budget. */
  CALL_BUDGET_WAKE_MS: int(10).default(100),
  /** How long a woken write counts as on its way before the waker may publish it again. */
  CALL_BUDGET_BOOK_MS: int(100).default(5_000),
  /**
   * How long an account stays scheduled (its writes published by the budget waker only) after a
   * draw found no room or a waker pass left writes waiting. Half of it is the margin within which
   * a dispatcher still acks a scheduled account's write unopened, so it must exceed a few waker ticks.
   */
  CALL_BUDGET_SCHEDULED_MS: int(500).default(3_000),
  /**
   * A write first delivered this long after it was published means the stream is backed up: its
   * account is scheduled even with budget to spare, so that account's backlog waits in Postgres
   * for the waker instead of in the stream in front of everybody else's writes.
   */
  CALL_BUDGET_LAG_MS: int(100).default(1_000),
  /** Most writes of one scheduled account the waker keeps published and not yet drawn: the most of it that can stand in the stream ahead of other accounts. */
  CALL_BUDGET_IN_STREAM_MAX: int(1).default(64),
});

export type DispatchConfig = z.infer<typeof dispatchConfigSchema>;

/** In-handler retries of one platform call (adapters pass this to p-retry or similar). */
export interface QuickRetry {
  /** Extra tries after the first one, inside one delivery. */
  retries: number;
  minMs: number;
  /** Longest wait inside a handler; a throttle that asks for more goes back to the stream instead. */
  maxMs: number;
}

export function quickRetryOf(config: Pick<DispatchConfig, "QUICK_RETRIES" | "QUICK_RETRY_MIN_MS" | "QUICK_RETRY_MAX_MS">): QuickRetry {
  return { retries: config.QUICK_RETRIES, minMs: config.QUICK_RETRY_MIN_MS, maxMs: config.QUICK_RETRY_MAX_MS };
}
