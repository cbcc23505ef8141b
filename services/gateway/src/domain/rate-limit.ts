import type { RateClass, RatePolicy } from "@layers/contracts";

/** The endpoint class of a request: reads are GET and HEAD, everything else writes. */
export function rateClassOf(method: string): RateClass {
  return method === "GET" || method === "HEAD" ? "read" : "write";
}

/** Start of the fixed window `nowMs` falls in; every gateway instance computes the same one. */
export function windowStartOf(policy: RatePolicy, nowMs: number): number {
  const w = policy.windowSeconds * 1000;
  return Math.floor(nowMs / w) * w;
}

export interface RateVerdict {
  exceeded: boolean;
  /** `RateLimit-Policy` (IETF draft-ietf-httpapi-ratelimit-headers): the quota and window. */
  policyHeader: string;
  /** `RateLimit`: what remains (`r`) and when the window resets, in delta-seconds (`t`). */
  limitHeader: string;
  /** Seconds, on 429 only: never before the window resets. */
  retryAfter?: number;
}

/**
 * The answer for the `count`-th request of a window (this one included). Pure: the caller counts
 * (shared across instances) and passes the clock.
 */
export function rateVerdict(name: RateClass, policy: RatePolicy, count: number, nowMs: number): RateVerdict {
  const start = windowStartOf(policy, nowMs);
  const resetSeconds = Math.max(1, Math.ceil((start + policy.windowSeconds * 1000 - nowMs) / 1000));
  const remaining = Math.max(0, policy.quota - count);
  const exceeded = count > policy.quota;
  return {
    exceeded,
    policyHeader: `"${name}";q=${policy.quota};w=${policy.windowSeconds}`,
    limitHeader: `"${name}";r=${remaining};t=${resetSeconds}`,
    ...(exceeded ? { retryAfter: resetSeconds } : {}),
  };
}
