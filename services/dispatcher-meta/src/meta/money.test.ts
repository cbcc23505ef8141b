import { describe, expect, it } from "vitest";
import { PermanentError } from "@layers/runtime";
import { fromMetaAmount, metaOffset, toMetaAmount } from "./money.ts";

describe("toMetaAmount", () => {
  it.each([
    // currency, contract minor units, Meta units
    ["USD", 5000, 5000], // $50.00: cents both sides
    ["EUR", 1, 1],
    ["JPY", 5000, 5000], // ¥5000: no subunit on either side
    ["KRW", 12345, 12345],
    ["KWD", 12340, 1234], // 12.340 KWD: ISO has fils (1/1000), Meta counts 1/100
    ["BHD", 10, 1],
    ["TWD", 5000, 50], // NT$50.00: ISO has cents, Meta bills whole dollars
    ["HUF", 100, 1],
    ["USD", 0, 0],
  ])("%s %d minor → %d Meta units", (currency, minor, meta) => {
    expect(toMetaAmount(minor, currency)).toBe(meta);
  });

  it.each([
    ["KWD", 12345],
    ["BHD", 1],
    ["TWD", 5050],
    ["IDR", 99],
  ])("refuses %s %d, which Meta cannot represent, instead of rounding", (currency, minor) => {
    let err: unknown;
    try {
      toMetaAmount(minor, currency);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PermanentError);
    expect((err as PermanentError).code).toBe("unrepresentable_amount");
  });

  it("refuses non-integers and unsupported currencies", () => {
    expect(() => toMetaAmount(10.5, "USD")).toThrow(PermanentError);
    expect(() => toMetaAmount(-1, "USD")).toThrow(PermanentError);
    expect(() => toMetaAmount(100, "XXX")).toThrow(RangeError);
  });
});

describe("fromMetaAmount", () => {
  it.each([
    ["USD", "2000", 2000],
    ["JPY", "5000", 5000],
    ["KWD", "1234", 12340],
    ["TWD", "50", 5000],
    ["USD", 750, 750],
  ])("%s %j Meta units → %d minor", (currency, meta, minor) => {
    expect(fromMetaAmount(meta, currency)).toBe(minor);
  });

  it("round-trips every representable amount", () => {
    for (const currency of ["USD", "JPY", "KWD", "TWD", "CLP", "VND"]) {
      for (const minor of [0, 100, 1000, 123400]) expect(fromMetaAmount(String(toMetaAmount(minor, currency)), currency)).toBe(minor);
    }
  });

  it.each([["12.50"], ["-1"], ["abc"], [""]])("refuses %j", (v) => {
    expect(() => fromMetaAmount(v, "USD")).toThrow(RangeError);
  });
});

describe("metaOffset", () => {
  it("is 1 for Meta's zero-decimal list and ISO zero-exponent currencies, else 100", () => {
    expect(["JPY", "KRW", "TWD", "IDR", "HUF", "ISK", "CLP", "COP", "CRC", "PYG", "UGX"].map(metaOffset)).toEqual(Array(11).fill(1));
    expect(["USD", "EUR", "GBP", "KWD", "BHD", "INR"].map(metaOffset)).toEqual(Array(6).fill(100));
  });
});
