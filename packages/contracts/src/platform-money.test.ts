import { describe, expect, it } from "vitest";
import {
  fromAppleMoney,
  fromMetaAmount,
  fromTikTokAmount,
  representable,
  toAppleMoney,
  toMetaAmount,
  toTikTokAmount,
  UnrepresentableAmountError,
} from "./platform-money.ts";

const MAX = Number.MAX_SAFE_INTEGER; // 9007199254740991
const AMOUNTS = [1, 99, 101, 5000, 123456789, MAX - 1, MAX];
const CURRENCIES = ["USD", "EUR", "JPY", "KRW", "BHD", "KWD", "TWD"] as const;

function refusal(fn: () => unknown): UnrepresentableAmountError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(UnrepresentableAmountError);
    return err as UnrepresentableAmountError;
  }
  throw new Error("expected a refusal");
}

/**
 * Expected outcome per currency and amount: the platform value, or null when refused.
 * Meta: offset 100 (USD, EUR, BHD, KWD) or 1 (JPY, KRW, TWD). TikTok/Apple: at most 2 decimals.
 */
const META: Record<string, (minor: number) => number | null> = {
  USD: (m) => m,
  EUR: (m) => m,
  JPY: (m) => m,
  KRW: (m) => m,
  BHD: (m) => (m % 10 === 0 ? m / 10 : null),
  KWD: (m) => (m % 10 === 0 ? m / 10 : null),
  TWD: (m) => (m % 100 === 0 ? m / 100 : null),
};

describe("toMetaAmount / fromMetaAmount", () => {
  for (const currency of CURRENCIES) {
    it.each(AMOUNTS)(`${currency} %d`, (minor) => {
      const expected = META[currency]!(minor);
      if (expected === null) {
        const err = refusal(() => toMetaAmount(minor, currency));
        expect(err.code).toBe("unrepresentable_amount");
        expect(err.platform).toBe("meta");
        expect(representable("meta", minor, currency)).toMatchObject({ ok: false, code: "unrepresentable_amount" });
      } else {
        expect(toMetaAmount(minor, currency)).toBe(expected);
        expect(fromMetaAmount(String(expected), currency)).toBe(minor);
        expect(representable("meta", minor, currency)).toEqual({ ok: true });
      }
    });
  }

  it("zero converts everywhere", () => {
    for (const c of CURRENCIES) expect(toMetaAmount(0, c)).toBe(0);
  });

  it("refuses what is not contract money, and unknown currencies with RangeError", () => {
    expect(refusal(() => toMetaAmount(10.5, "USD")).code).toBe("invalid_amount");
    expect(refusal(() => toMetaAmount(-1, "USD")).code).toBe("invalid_amount");
    expect(refusal(() => toMetaAmount(MAX + 1, "USD")).code).toBe("invalid_amount");
    expect(() => toMetaAmount(100, "XXX")).toThrow(RangeError);
    expect(() => toMetaAmount(100, "XXX")).not.toThrow(UnrepresentableAmountError);
  });

  it("refuses Meta values that are not whole units", () => {
    expect(() => fromMetaAmount("12.50", "USD")).toThrow(RangeError);
    expect(() => fromMetaAmount("-1", "USD")).toThrow(RangeError);
  });
});

/**
 * TikTok major-unit numbers: exact decimals with at most 2 places. USD MAX_SAFE_INTEGER (90071992547409.91)
 * has no exact double (it prints as …409.9), so it is refused rather than sent a cent short.
 */
const TIKTOK: Record<string, Record<number, number | null>> = {
  USD: { 1: 0.01, 99: 0.99, 101: 1.01, 5000: 50, 123456789: 1234567.89, [MAX - 1]: 90071992547409.9, [MAX]: null },
  EUR: { 1: 0.01, 99: 0.99, 101: 1.01, 5000: 50, 123456789: 1234567.89, [MAX - 1]: 90071992547409.9, [MAX]: null },
  JPY: { 1: 1, 99: 99, 101: 101, 5000: 5000, 123456789: 123456789, [MAX - 1]: MAX - 1, [MAX]: MAX },
  KRW: { 1: 1, 99: 99, 101: 101, 5000: 5000, 123456789: 123456789, [MAX - 1]: MAX - 1, [MAX]: MAX },
  BHD: { 1: null, 99: null, 101: null, 5000: 5, 123456789: null, [MAX - 1]: 9007199254740.99, [MAX]: null },
  KWD: { 1: null, 99: null, 101: null, 5000: 5, 123456789: null, [MAX - 1]: 9007199254740.99, [MAX]: null },
  TWD: { 1: 0.01, 99: 0.99, 101: 1.01, 5000: 50, 123456789: 1234567.89, [MAX - 1]: 90071992547409.9, [MAX]: null },
};

describe("toTikTokAmount / fromTikTokAmount", () => {
  for (const currency of CURRENCIES) {
    it.each(AMOUNTS)(`${currency} %d`, (minor) => {
      const expected = TIKTOK[currency]![minor];
      if (expected === null) {
        expect(refusal(() => toTikTokAmount(minor, currency)).platform).toBe("tiktok");
        expect(representable("tiktok", minor, currency).ok).toBe(false);
      } else {
        expect(toTikTokAmount(minor, currency)).toBe(expected);
        expect(fromTikTokAmount(expected!, currency)).toBe(minor);
        expect(fromTikTokAmount(String(expected), currency)).toBe(minor);
        expect(representable("tiktok", minor, currency)).toEqual({ ok: true });
      }
    });
  }

  it("3-decimal currencies convert in multiples of 10 minor units", () => {
    expect(toTikTokAmount(1230, "KWD")).toBe(1.23);
    expect(fromTikTokAmount(1.23, "KWD")).toBe(1230);
    expect(toTikTokAmount(9007199254740990, "BHD")).toBe(9007199254740.99);
  });

  it("refuses what a JS number cannot hold exactly", () => {
    // Above 2^53 there is no exact major-unit number; contract money never goes there, but the check holds.
    expect(refusal(() => toTikTokAmount(MAX + 2, "JPY")).code).toBe("invalid_amount");
  });

  it("refuses TikTok values with more precision than the currency has", () => {
    expect(() => fromTikTokAmount(0.001, "USD")).toThrow(RangeError);
    expect(() => fromTikTokAmount(1.5, "JPY")).toThrow(RangeError);
    expect(() => fromTikTokAmount(-1, "USD")).toThrow(RangeError);
    expect(() => fromTikTokAmount(Number.NaN, "USD")).toThrow(RangeError);
  });
});

/** Apple amount strings: exact decimals with at most 2 places. */
const APPLE: Record<string, Record<number, string | null>> = {
  USD: { 1: "0.01", 99: "0.99", 101: "1.01", 5000: "50.00", 123456789: "1234567.89", [MAX - 1]: "90071992547409.90", [MAX]: "90071992547409.91" },
  EUR: { 1: "0.01", 99: "0.99", 101: "1.01", 5000: "50.00", 123456789: "1234567.89", [MAX - 1]: "90071992547409.90", [MAX]: "90071992547409.91" },
  JPY: { 1: "1", 99: "99", 101: "101", 5000: "5000", 123456789: "123456789", [MAX - 1]: "9007199254740990", [MAX]: "9007199254740991" },
  KRW: { 1: "1", 99: "99", 101: "101", 5000: "5000", 123456789: "123456789", [MAX - 1]: "9007199254740990", [MAX]: "9007199254740991" },
  BHD: { 1: null, 99: null, 101: null, 5000: "5.00", 123456789: null, [MAX - 1]: "9007199254740.99", [MAX]: null },
  KWD: { 1: null, 99: null, 101: null, 5000: "5.00", 123456789: null, [MAX - 1]: "9007199254740.99", [MAX]: null },
  TWD: { 1: "0.01", 99: "0.99", 101: "1.01", 5000: "50.00", 123456789: "1234567.89", [MAX - 1]: "90071992547409.90", [MAX]: "90071992547409.91" },
};

describe("toAppleMoney / fromAppleMoney", () => {
  for (const currency of CURRENCIES) {
    it.each(AMOUNTS)(`${currency} %d`, (minor) => {
      const expected = APPLE[currency]![minor];
      if (expected === null) {
        const err = refusal(() => toAppleMoney(minor, currency));
        expect(err.platform).toBe("apple");
        expect(err.message).toMatch(/more than 2 decimals/);
        expect(representable("apple", minor, currency)).toMatchObject({ ok: false, code: "unrepresentable_amount" });
      } else {
        expect(toAppleMoney(minor, currency)).toEqual({ amount: expected, currency });
        expect(fromAppleMoney({ amount: expected!, currency }, currency)).toBe(minor);
        expect(representable("apple", minor, currency)).toEqual({ ok: true });
      }
    });
  }

  it("reads trimmed amounts back", () => {
    expect(fromAppleMoney({ amount: "250", currency: "USD" })).toBe(25000);
    expect(fromAppleMoney({ amount: "1.5", currency: "BHD" })).toBe(1500);
    expect(fromAppleMoney({ amount: "15.05", currency: "BHD" })).toBe(15050);
  });

  it("BHD 1505 (1.505) is refused, 1500 is not", () => {
    expect(representable("apple", 1505, "BHD")).toMatchObject({ ok: false });
    expect(toAppleMoney(1500, "BHD")).toEqual({ amount: "1.50", currency: "BHD" });
  });

  it("refuses a currency mismatch and malformed amounts", () => {
    expect(() => fromAppleMoney({ amount: "1.00", currency: "EUR" }, "USD")).toThrow(RangeError);
    expect(() => fromAppleMoney({ amount: "1.5", currency: "JPY" })).toThrow(RangeError);
    expect(() => fromAppleMoney({ amount: "abc", currency: "USD" })).toThrow(RangeError);
  });
});
