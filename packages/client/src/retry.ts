/** How the client retries a request answered 429 / 503. */
export interface RetryPolicy {
  /** Attempts in all, the first included (default 4; 1 disables retries). */
  maxAttempts: number;
  /** Backoff of the first retry when the answer names no `Retry-After` (default 250 ms); doubles each time. */
  baseDelayMs: number;
  /** No wait is longer than this, whatever `Retry-After` says (default 30 s): beyond it the error is thrown. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 250, maxDelayMs: 30_000 };

/**
 * `Retry-After` in milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3); null when absent
 * or unreadable. A date in the past is 0.
 */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  // An HTTP date names its weekday and month; anything else (e.g. "-1", which Date.parse reads as a year) is unreadable.
  if (!/[a-z]/i.test(v)) return null;
  const at = Date.parse(v);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - nowMs);
}

/**
 * The wait before retry number `retry` (1 = the first retry), or null to stop. A `Retry-After`
 * is a floor (never retry earlier than the server asked), with up to 20 % jitter on top so many
 * clients told the same second do not come back at once; without one, full jitter over an
 * exponential backoff. A wait longer than `maxDelayMs` stops the retries.
 */
export function retryDelay(retry: number, retryAfterMs: number | null, policy: RetryPolicy, random: () => number = Math.random): number | null {
  if (retry >= policy.maxAttempts) return null;
  if (retryAfterMs !== null) {
    if (retryAfterMs > policy.maxDelayMs) return null;
    return Math.min(policy.maxDelayMs, Math.round(retryAfterMs * (1 + 0.2 * random())));
  }
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Whether an answer may be retried. 429 is refused before anything runs, so any method may be
 * sent again; a 503 may come after a write started, so a write is retried only when it carries
 * an `Idempotency-Key` (the retry then replays the first answer instead of writing twice).
 */
export function isRetryable(method: string, status: number, hasIdempotencyKey: boolean): boolean {
  if (status === 429) return true;
  if (status === 503) return SAFE.has(method.toUpperCase()) || hasIdempotencyKey;
  return false;
}
