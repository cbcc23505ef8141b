import { describe, expect, it } from "vitest";
import { PermanentError } from "@layers/runtime";
import { fromAppleMoney, toAppleMoney } from "./money.ts";

describe("toAppleMoney", () => {
  it.each([
    ["USD", 2550, "25.50"],
    ["USD", 100, "1.00"],
    ["JPY", 5000, "5000"],
    ["BHD", 12340, "12.34"],
  ])("%s %d minor → %j", (currency, minor, amount) => {
    expect(toAppleMoney(minor, currency)).toEqual({ amount, currency });
  });

  it("refuses an amount Apple cannot take instead of rounding", () => {
    let err: unknown;
    try {
      toAppleMoney(12345, "BHD");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PermanentError);
    expect((err as PermanentError).code).toBe("unrepresentable_amount");
    expect(() => toAppleMoney(1.5, "USD")).toThrow(PermanentError);
  });
});

describe("fromAppleMoney", () => {
  it("reads Apple's trimmed amounts back exactly", () => {
    expect(fromAppleMoney({ amount: "25.5", currency: "USD" }, "USD")).toBe(2550);
    expect(fromAppleMoney({ amount: "5000", currency: "JPY" }, "JPY")).toBe(5000);
    expect(() => fromAppleMoney({ amount: "10", currency: "EUR" }, "USD")).toThrow(RangeError);
  });
});
