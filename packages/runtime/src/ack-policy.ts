import { isRetryable, LayersError } from "./errors.ts";

/** What a handler may report when it succeeds or deliberately defers. */
export type HandlerOutcome =
  | { kind: "done" }
  /** Not an error: the message must wait (e.g. an earlier write to the same entity is still in flight). */
  | { kind: "defer"; delayMs: number };

export type AckAction =
  | { action: "ack" }
  | { action: "nak"; delayMs: number }
  /** Stop redelivering; the message stays in the stream and is recorded as a dead letter. */
  | { action: "term"; deadLetterReason: string };

export interface RetryPolicy {
  /** Failed deliveries after which a message is dead-lettered. */
  maxAttempts: number;
  /** Delay ladder for retries, indexed by attempt (the last entry repeats). */
  backoffMs: readonly number[];
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 8, backoffMs: [250, 1_000, 2_000, 5_000, 10_000, 30_000] };

/**
 * The one place where a handler's result becomes ack / nak / term.
 * `attempt` counts failed attempts including this one (1 on the first failure).
 */
export function decideAck(result: HandlerOutcome | { kind: "error"; error: unknown }, attempt: number, policy: RetryPolicy): AckAction {
  if (result.kind === "done") return { action: "ack" };
  if (result.kind === "defer") return { action: "nak", delayMs: result.delayMs };
  const err = result.error;
  const what = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  if (!isRetryable(err)) return { action: "term", deadLetterReason: what };
  if (attempt >= policy.maxAttempts) return { action: "term", deadLetterReason: `gave up after ${attempt} attempts: ${what}` };
  const ladder = policy.backoffMs[Math.min(attempt - 1, policy.backoffMs.length - 1)] ?? 1_000;
  const asked = err instanceof LayersError ? err.retryAfterMs : undefined;
  return { action: "nak", delayMs: asked !== undefined ? Math.max(asked, 0) : ladder };
}
