import { describe, expect, it } from "vitest";
import { fromAppleTime, toAppleTime } from "./time.ts";

describe("toAppleTime", () => {
  it("writes UTC with milliseconds and no zone designator", () => {
    expect(toAppleTime(new Date("2030-01-02T03:04:05.6+02:00"))).toBe("2030-01-02T01:04:05.600");
  });
  it("refuses an invalid date", () => {
    expect(() => toAppleTime(new Date("nope"))).toThrow(RangeError);
  });
});

describe("fromAppleTime", () => {
  it.each([
    ["2030-01-02T01:04:05.600", "2030-01-02T01:04:05.600Z"],
    ["2030-01-02T01:04:05", "2030-01-02T01:04:05.000Z"],
    ["2030-01-02T01:04:05.6Z", "2030-01-02T01:04:05.600Z"],
  ])("reads %s as UTC", (apple, iso) => {
    expect(fromAppleTime(apple)?.toISOString()).toBe(iso);
  });
  it.each(["", "2030-01-02", "2030-01-02T01:04:05+02:00", "2030-13-02T01:04:05"])("answers undefined for %j", (s) => {
    expect(fromAppleTime(s)).toBeUndefined();
  });
});
