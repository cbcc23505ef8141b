/**
 * The retry ladder. `scheduleMs[i]` is the delay before attempt `i + 1`: entry 0 follows the
 * event's arrival, entry `n` follows the `n`-th failed attempt. Its length is the number of attempts.
 */
export interface RetryPolicy {
  scheduleMs: readonly number[];
  /** Up to this fraction of the ladder step is added at random (0 = none). */
  jitter: number;
  /** The most a `Retry-After` may stretch one delay. */
  retryAfterCapMs: number;
}

/**
 * The wait before the next attempt once `attemptsMade` attempts have failed, or `undefined` when
 * the ladder is used up (the delivery fails). A `Retry-After` the receiver sent stretches the wait
 * to `max(ladder, min(retryAfter, cap))`; it never shortens it and never adds an attempt.
 * A delivery re-armed by a resend after its ladder ran out therefore gets one attempt per resend.
 */
export function nextDelayMs(attemptsMade: number, policy: RetryPolicy, retryAfterMs?: number, random: () => number = Math.random): number | undefined {
  if (attemptsMade >= policy.scheduleMs.length) return undefined;
  const step = policy.scheduleMs[Math.max(attemptsMade, 0)]!;
  const ladder = Math.round(step * (1 + policy.jitter * random()));
  const asked = retryAfterMs === undefined ? 0 : Math.min(Math.max(retryAfterMs, 0), policy.retryAfterCapMs);
  return Math.max(ladder, asked);
}

/**
 * `Retry-After` (RFC 9110 §10.2.3): delay-seconds or an HTTP-date. Milliseconds from `nowMs`, 0 for
 * a date in the past, `undefined` when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) {
    const seconds = Number(v);
    return Number.isSafeInteger(seconds) ? seconds * 1_000 : undefined;
  }
  // HTTP-date: IMF-fixdate (and the obsolete RFC 850 / asctime forms Date.parse also reads). A
  // bare number with a sign or fraction is not a valid delay, and not a date either.
  if (!/[a-z]/i.test(v)) return undefined;
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}
