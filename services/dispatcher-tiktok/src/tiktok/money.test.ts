import { describe, expect, it } from "vitest";
import { PermanentError } from "@layers/runtime";
import { fromTikTokAmount, toTikTokAmount } from "./money.ts";

describe("toTikTokAmount", () => {
  it.each([
    ["USD", 5000, 50],
    ["USD", 5050, 50.5],
    ["USD", 7599, 75.99],
    ["JPY", 5000, 5000],
    ["KWD", 12340, 12.34],
  ])("%s %d minor → %d major", (currency, minor, major) => {
    expect(toTikTokAmount(minor, currency)).toBe(major);
  });

  it("refuses what TikTok cannot take as a PermanentError, never rounding", () => {
    for (const [minor, currency, code] of [[12345, "KWD", "unrepresentable_amount"], [10.5, "USD", "invalid_amount"], [-1, "USD", "invalid_amount"]] as const) {
      let err: unknown;
      try {
        toTikTokAmount(minor, currency);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(PermanentError);
      expect((err as PermanentError).code).toBe(code);
    }
    expect(() => toTikTokAmount(100, "XXX")).toThrow(RangeError);
  });

  it("round-trips through TikTok's read-back numbers", () => {
    for (const currency of ["USD", "JPY", "EUR"]) for (const minor of [0, 1, 5050, 123456]) expect(fromTikTokAmount(toTikTokAmount(minor, currency), currency)).toBe(minor);
  });
});
