import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY, isRetryable, parseRetryAfter, retryDelay } from "./retry.ts";

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-12-05T00:00:00Z");
  it("reads delta-seconds and HTTP dates; a past date is 0", () => {
    expect(parseRetryAfter("3", now)).toBe(3000);
    expect(parseRetryAfter(" 0 ", now)).toBe(0);
    expect(parseRetryAfter("Sat, 05 Dec 2026 00:00:10 GMT", now)).toBe(10_000);
    expect(parseRetryAfter("Fri, 04 Dec 2026 23:00:00 GMT", now)).toBe(0);
  });
  it("is null when absent or unreadable", () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter("-1", now)).toBeNull();
  });
});

describe("retryDelay", () => {
  const policy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 5000 };
  it("never retries earlier than Retry-After, and adds at most 20 % jitter", () => {
    expect(retryDelay(1, 2000, policy, () => 0)).toBe(2000);
    expect(retryDelay(1, 2000, policy, () => 1)).toBe(2400);
  });
  it("without Retry-After: jitter over a doubling backoff, capped by maxDelayMs", () => {
    expect(retryDelay(1, null, policy, () => 0)).toBe(50);
    expect(retryDelay(1, null, policy, () => 1)).toBe(100);
    expect(retryDelay(3, null, policy, () => 1)).toBe(400);
    expect(retryDelay(3, null, { ...policy, maxDelayMs: 300 }, () => 1)).toBe(300);
  });
  it("stops after maxAttempts attempts, and when the server asks for a longer wait than maxDelayMs", () => {
    expect(retryDelay(3, null, policy)).not.toBeNull();
    expect(retryDelay(4, null, policy)).toBeNull();
    expect(retryDelay(1, 6000, policy)).toBeNull();
    expect(retryDelay(1, null, { ...DEFAULT_RETRY, maxAttempts: 1 })).toBeNull();
  });
});

describe("isRetryable", () => {
  it("429 always (nothing ran); 503 for reads and for writes that carry an Idempotency-Key", () => {
    expect(isRetryable("PATCH", 429, false)).toBe(true);
    expect(isRetryable("GET", 503, false)).toBe(true);
    expect(isRetryable("POST", 503, true)).toBe(true);
    expect(isRetryable("PATCH", 503, false)).toBe(false);
  });
  it("nothing else", () => {
    for (const status of [400, 401, 403, 404, 409, 422, 500, 502]) expect(isRetryable("GET", status, true)).toBe(false);
  });
});
