import { describe, expect, it } from "vitest";
import { firstTickAt, tickNumber } from "./tick.ts";

describe("schedule ticks", () => {
  it("fires first on the boundary at least one interval after start", () => {
    expect(firstTickAt(1_000, 6_000)).toBe(12_000);
    expect(firstTickAt(6_000, 6_000)).toBe(12_000);
    expect(firstTickAt(5_999, 6_000)).toBe(12_000);
  });

  it("names a boundary the same from instances whose timers fire a little apart", () => {
    expect(tickNumber(12_000, 6_000)).toBe(2);
    expect(tickNumber(12_040, 6_000)).toBe(2);
    expect(tickNumber(11_990, 6_000)).toBe(2);
  });
});
