import { describe, expect, it } from "vitest";
import { UsageMeter } from "./usage-meter.ts";

describe("usage meter", () => {
  it("reports score as a percentage of the max and decays it over the window", () => {
    const m = new UsageMeter({ maxScore: 100, decayMs: 1000 });
    m.record("a", 30, 0);
    m.record("a", 20, 0);
    expect(m.read("a", 0)).toEqual({ callCount: 50, totalCputime: 25, totalTime: 25 });
    expect(m.read("a", 250).callCount).toBe(25);
    expect(m.read("a", 2000).callCount).toBe(0);
    expect(m.read("b", 0).callCount).toBe(0);
  });

  it("never reads 100 % on its own: throttling is a fault, not a surprise", () => {
    const m = new UsageMeter({ maxScore: 10, decayMs: 1000 });
    m.record("a", 500, 0);
    expect(m.read("a", 0).callCount).toBe(99);
  });
});
