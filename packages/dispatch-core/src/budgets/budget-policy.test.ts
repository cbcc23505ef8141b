import { describe, expect, it } from "vitest";
import { bucketOf, DEFAULT_THROTTLE_PAUSE_MS, learn, MIN_RATE_SHARE, type LearnedState } from "./budget-policy.ts";

const base: LearnedState = { rate: 10, baseRate: 10, pausedUntilMs: null, adjustedAtMs: 0 };

describe("bucketOf", () => {
  it("keeps burst + one window of rate inside the platform's window", () => {
    for (const limit of [{ calls: 20, windowMs: 1_000 }, { calls: 5, windowMs: 1_000 }, { calls: 100_000, windowMs: 3_600_000 }, { calls: 600, windowMs: 60_000 }]) {
      const b = bucketOf(limit, 0.9);
      expect(b.burst).toBeGreaterThanOrEqual(1);
      expect(b.burst + (b.rate * limit.windowMs) / 1000).toBeLessThanOrEqual(limit.calls + 1e-9);
    }
    expect(bucketOf({ calls: 20, windowMs: 1_000 }, 0.9)).toEqual({ rate: 18, burst: 2 });
  });
});

describe("learn", () => {
  it("a throttle halves the rate and pauses for the stated regain time (or a default)", () => {
    expect(learn(base, { kind: "throttle", retryAfterMs: 60_000 }, 5_000)).toEqual({ rate: 5, pausedUntilMs: 65_000, adjustedAtMs: 5_000, throttled: true });
    expect(learn(base, { kind: "throttle", retryAfterMs: undefined }, 5_000)?.pausedUntilMs).toBe(5_000 + DEFAULT_THROTTLE_PAUSE_MS);
  });

  it("answers to calls already in flight move the rate once per second, but every pause counts", () => {
    const once = learn(base, { kind: "throttle", retryAfterMs: 2_000 }, 5_000)!;
    const again = learn({ ...base, ...once }, { kind: "throttle", retryAfterMs: 9_000 }, 5_100)!;
    expect(again.rate).toBe(5);
    expect(again.pausedUntilMs).toBe(14_100);
  });

  it("usage near 100 % slows down; low usage recovers up to the configured rate; in between nothing moves", () => {
    expect(learn(base, { kind: "usage", pct: 97, regainMs: undefined }, 5_000)?.rate).toBe(8);
    expect(learn(base, { kind: "usage", pct: 90, regainMs: undefined }, 5_000)).toBeUndefined();
    expect(learn(base, { kind: "usage", pct: 10, regainMs: undefined }, 5_000)).toBeUndefined();
    expect(learn({ ...base, rate: 5 }, { kind: "usage", pct: 10, regainMs: undefined }, 5_000)?.rate).toBe(6);
    expect(learn({ ...base, rate: 9.5 }, { kind: "landed" }, 5_000)?.rate).toBe(10);
    expect(learn({ ...base, rate: 5, adjustedAtMs: 4_500 }, { kind: "landed" }, 5_000)).toBeUndefined();
  });

  it("a regain time in the usage header pauses even below the slow-down mark", () => {
    expect(learn(base, { kind: "usage", pct: 50, regainMs: 60_000 }, 1_000)).toMatchObject({ rate: 10, pausedUntilMs: 61_000 });
  });

  it("never falls under the floor, so an account always drains", () => {
    let s: LearnedState = base;
    for (let i = 1; i < 30; i++) s = { ...s, ...learn(s, { kind: "throttle", retryAfterMs: 0 }, i * 2_000)! };
    expect(s.rate).toBeCloseTo(10 * MIN_RATE_SHARE);
  });
});
