import { describe, expect, it } from "vitest";
import { PermanentError } from "@layers/runtime";
import { nextWholeSecond, toTikTokTime } from "./tiktok-time.ts";

describe("TikTok times", () => {
  it("writes instants as UTC seconds and refuses fractions", () => {
    expect(toTikTokTime("2030-01-01T09:30:00+09:00", "startTime")).toBe("2030-01-01 00:30:00");
    expect(() => toTikTokTime("2030-01-01T00:00:00.001Z", "startTime")).toThrow(/fraction of a second/);
    expect(() => toTikTokTime("soon", "endTime")).toThrow(PermanentError);
    expect(nextWholeSecond(new Date("2030-01-01T00:00:00.001Z")).toISOString()).toBe("2030-01-01T00:00:01.000Z");
    expect(nextWholeSecond(new Date("2030-01-01T00:00:00.000Z")).toISOString()).toBe("2030-01-01T00:00:00.000Z");
  });
});
