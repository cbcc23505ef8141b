import { describe, expect, it } from "vitest";
import { nextDelayMs, parseRetryAfter, type RetryPolicy } from "./retry.ts";

const SVIX_LADDER = [0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000];
const policy: RetryPolicy = { scheduleMs: SVIX_LADDER, jitter: 0, retryAfterCapMs: 3_600_000 };
const noJitter = () => 0;

describe("retry ladder", () => {
  it("follows the schedule after each failed attempt and stops after the last", () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => nextDelayMs(n, policy, undefined, noJitter));
    expect(delays).toEqual([5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000, undefined]);
  });

  it("gives a delivery re-armed after its ladder ran out no further attempt once that one fails", () => {
    expect(nextDelayMs(9, policy, undefined, noJitter)).toBeUndefined();
    expect(nextDelayMs(12, policy, 60_000, noJitter)).toBeUndefined();
  });

  it("adds up to the jitter fraction on top of the step, never less than the step", () => {
    const jittery = { ...policy, jitter: 0.1 };
    expect(nextDelayMs(1, jittery, undefined, () => 0)).toBe(5_000);
    expect(nextDelayMs(1, jittery, undefined, () => 0.5)).toBe(5_250);
    expect(nextDelayMs(1, jittery, undefined, () => 0.999999)).toBe(5_500);
  });

  it("stretches the delay to a longer Retry-After, but never shortens it", () => {
    expect(nextDelayMs(1, policy, 120_000, noJitter)).toBe(120_000);
    expect(nextDelayMs(2, policy, 120_000, noJitter)).toBe(300_000);
    expect(nextDelayMs(1, policy, 0, noJitter)).toBe(5_000);
  });

  it("caps a Retry-After at the configured maximum", () => {
    expect(nextDelayMs(1, policy, 86_400_000, noJitter)).toBe(3_600_000);
    expect(nextDelayMs(1, { ...policy, retryAfterCapMs: 0 }, 86_400_000, noJitter)).toBe(5_000);
    // A ladder step above the cap still stands: the cap bounds only what the receiver may ask for.
    expect(nextDelayMs(6, policy, 86_400_000, noJitter)).toBe(36_000_000);
  });
});

describe("Retry-After parsing", () => {
  const now = Date.parse("2026-11-22T10:00:00Z");

  it("reads delay-seconds", () => {
    expect(parseRetryAfter("120", now)).toBe(120_000);
    expect(parseRetryAfter(" 0 ", now)).toBe(0);
  });

  it("reads an HTTP-date relative to now, and a past date as 0", () => {
    expect(parseRetryAfter("Sun, 22 Nov 2026 10:01:30 GMT", now)).toBe(90_000);
    expect(parseRetryAfter("Sun, 22 Nov 2026 09:00:00 GMT", now)).toBe(0);
  });

  it("ignores absent and unreadable values", () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter("", now)).toBeUndefined();
    expect(parseRetryAfter("-5", now)).toBeUndefined();
    expect(parseRetryAfter("1.5", now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter("99999999999999999999", now)).toBeUndefined();
  });
});
