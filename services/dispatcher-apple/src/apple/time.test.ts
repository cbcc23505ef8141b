import { describe, expect, it } from "vitest";
import { toAppleTime } from "./time.ts";

describe("toAppleTime", () => {
  it("writes UTC with milliseconds and no zone designator", () => {
    expect(toAppleTime(new Date("2030-01-02T03:04:05.6+02:00"))).toBe("2030-01-02T01:04:05.600");
  });
  it("refuses an invalid date", () => {
    expect(() => toAppleTime(new Date("nope"))).toThrow(RangeError);
  });
});
