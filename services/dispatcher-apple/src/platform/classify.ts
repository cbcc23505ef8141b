import { AppleRequestError, AppleThrottledError, AppleTokenError, AppleTransientError, retryAfterMs, type AppleError, type AppleErrorDetail } from "../apple/index.ts";
import { platformErrorOf } from "./envelope.ts";

export interface PlatformFailure {
  httpStatus: number;
  body: unknown;
  /** `Retry-After`, sent with a 429. */
  retryAfter?: string | null;
  /** `RateLimit-Reset` (seconds until the window resets), on every answer. */
  rateLimitReset?: string | null;
  nowMs?: number;
}

/**
 * A failed Platform API answer as one named, retry-aware error, the same classes v5 uses (the
 * dispatch core and the adapter do not care which API spoke): 429 throttle (wait `Retry-After`,
 * else `RateLimit-Reset`), 401 token (invalid, expired or revoked), 5xx transient, a 2xx that
 * still carries an `error` transient (the outcome is unknown: reconcile), anything else a refusal.
 */
export function classifyPlatformFailure(f: PlatformFailure): AppleError {
  const e = platformErrorOf(f.body);
  const detail: AppleErrorDetail = { httpStatus: f.httpStatus };
  if (e?.code !== undefined) detail.messageCode = e.code;
  if (e?.field !== undefined) detail.field = e.field;
  const message = e?.message ?? `Apple answered HTTP ${f.httpStatus}`;
  if (f.httpStatus === 429) {
    const now = f.nowMs ?? Date.now();
    const wait = retryAfterMs(f.retryAfter, now) ?? retryAfterMs(f.rateLimitReset, now);
    return new AppleThrottledError(message, detail, wait === undefined ? {} : { retryAfterMs: wait });
  }
  if (f.httpStatus === 401) return new AppleTokenError(message, detail);
  if (f.httpStatus >= 500 || (f.httpStatus >= 200 && f.httpStatus < 300)) return new AppleTransientError(message, detail);
  return new AppleRequestError(message, detail);
}
