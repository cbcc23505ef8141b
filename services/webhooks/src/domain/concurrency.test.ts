import { describe, expect, it } from "vitest";
import { planClaims, SlotTracker, type EndpointLoad } from "./concurrency.ts";

const load = (endpointId: string, inFlight: number, due: number, oldestDueAt: number): EndpointLoad => ({ endpointId, inFlight, due, oldestDueAt });

describe("per-endpoint gate (planClaims)", () => {
  it("never plans more than the per-endpoint cap minus what is in flight", () => {
    const plan = planClaims([load("ep_dead", 4, 500, 1), load("ep_ok", 1, 500, 2)], { perEndpoint: 4, free: 64 });
    expect(plan.get("ep_dead")).toBeUndefined();
    expect(plan.get("ep_ok")).toBe(3);
  });

  it("takes only what is due", () => {
    const plan = planClaims([load("a", 0, 2, 1)], { perEndpoint: 4, free: 64 });
    expect([...plan]).toEqual([["a", 2]]);
  });

  it("deals short slots round-robin, longest-waiting endpoint first, so a backlog cannot starve others", () => {
    const plan = planClaims([load("busy", 0, 100, 1), load("quiet", 0, 1, 50), load("later", 0, 3, 20)], { perEndpoint: 8, free: 5 });
    expect(Object.fromEntries(plan)).toEqual({ busy: 2, later: 2, quiet: 1 });
    expect([...plan.values()].reduce((a, b) => a + b, 0)).toBe(5);
  });

  it("plans nothing without free slots or due work", () => {
    expect(planClaims([load("a", 0, 5, 1)], { perEndpoint: 4, free: 0 }).size).toBe(0);
    expect(planClaims([load("a", 0, 0, 1)], { perEndpoint: 4, free: 10 }).size).toBe(0);
    expect(planClaims([], { perEndpoint: 4, free: 10 }).size).toBe(0);
  });

  it("treats an in-flight count above the cap (another instance overshot) as full", () => {
    expect(planClaims([load("a", 7, 5, 1)], { perEndpoint: 4, free: 10 }).size).toBe(0);
  });
});

describe("SlotTracker", () => {
  it("enforces the total and the per-endpoint cap, and frees slots on release", () => {
    const s = new SlotTracker(3, 2);
    expect(s.tryAcquire("a")).toBe(true);
    expect(s.tryAcquire("a")).toBe(true);
    expect(s.tryAcquire("a")).toBe(false);
    expect(s.inFlightFor("a")).toBe(2);
    expect(s.tryAcquire("b")).toBe(true);
    expect(s.tryAcquire("c")).toBe(false);
    expect(s.free).toBe(0);
    s.release("a");
    expect(s.free).toBe(1);
    expect(s.inFlightFor("a")).toBe(1);
    expect(s.tryAcquire("c")).toBe(true);
    expect(s.inFlight).toBe(3);
  });

  it("refuses a release without a held slot, and limits below 1", () => {
    const s = new SlotTracker(1, 1);
    expect(() => s.release("x")).toThrow(/no slot held/);
    expect(() => new SlotTracker(0, 1)).toThrow(RangeError);
  });
});
