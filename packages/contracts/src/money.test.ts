import { describe, expect, it } from "vitest";
import { currencyExponent, decimalStringToMinor, minorToDecimalString } from "./money.ts";

describe("money", () => {
  it.each([
    [5000, "USD", "50.00"],
    [1, "USD", "0.01"],
    [99, "EUR", "0.99"],
    [5000, "JPY", "5000"],
    [0, "USD", "0.00"],
    [1500, "BHD", "1.500"],
    [1, "KWD", "0.001"],
    [123456789012, "USD", "1234567890.12"],
    [7, "KRW", "7"],
  ])("%i minor %s is %s", (minor, currency, decimal) => {
    expect(minorToDecimalString(minor, currency)).toBe(decimal);
    expect(decimalStringToMinor(decimal, currency)).toBe(minor);
  });

  it("accepts platform renderings with fewer decimals", () => {
    expect(decimalStringToMinor("250", "USD")).toBe(25000);
    expect(decimalStringToMinor("250.5", "USD")).toBe(25050);
    expect(decimalStringToMinor("1.5", "BHD")).toBe(1500);
  });

  it("refuses precision the currency does not have", () => {
    expect(() => decimalStringToMinor("1.001", "USD")).toThrow(RangeError);
    expect(() => decimalStringToMinor("10.5", "JPY")).toThrow(RangeError);
    expect(() => decimalStringToMinor("abc", "USD")).toThrow(RangeError);
  });

  it("knows the ISO exponents that matter", () => {
    expect([currencyExponent("USD"), currencyExponent("JPY"), currencyExponent("KRW"), currencyExponent("BHD"), currencyExponent("KWD")]).toEqual([2, 0, 0, 3, 3]);
    expect(() => currencyExponent("XXX")).toThrow(RangeError);
  });
});
