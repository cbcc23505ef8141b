import { describe, expect, it } from "vitest";
import { AppleError } from "./apple-error.ts";
import { formatAmount, money, parseMoney } from "./money.ts";

function fieldOf(fn: () => unknown): string | null | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppleError) return err.items[0]?.field;
    throw err;
  }
  throw new Error("did not throw");
}

describe("apple money", () => {
  it("parses decimal strings with up to two decimals into cents", () => {
    expect(parseMoney({ amount: "250", currency: "USD" }, "x", "USD")).toBe(25_000);
    expect(parseMoney({ amount: "250.00", currency: "USD" }, "x", "USD")).toBe(25_000);
    expect(parseMoney({ amount: "0.5", currency: "USD" }, "x", "USD")).toBe(50);
    expect(parseMoney({ amount: "12.34", currency: "USD" }, "x", "USD")).toBe(1234);
  });

  it("refuses a third decimal, numbers, signs and junk, naming the amount field", () => {
    for (const amount of ["1.234", "-1", "1e3", "", " 1", "01", "1."]) {
      expect(fieldOf(() => parseMoney({ amount, currency: "USD" }, "dailyBudgetAmount", "USD"))).toBe("dailyBudgetAmount.amount");
    }
    expect(fieldOf(() => parseMoney({ amount: 10, currency: "USD" }, "dailyBudgetAmount", "USD"))).toBe("dailyBudgetAmount.amount");
  });

  it("requires the org currency", () => {
    expect(fieldOf(() => parseMoney({ amount: "1", currency: "EUR" }, "bid", "USD"))).toBe("bid.currency");
    expect(fieldOf(() => parseMoney({ amount: "1" }, "bid", "USD"))).toBe("bid.currency");
    expect(fieldOf(() => parseMoney(undefined, "bid", "USD"))).toBe("bid");
    expect(fieldOf(() => parseMoney("1.00", "bid", "USD"))).toBe("bid");
  });

  it("reads back without trailing zeros, as Apple does", () => {
    expect(formatAmount(25_000)).toBe("250");
    expect(formatAmount(50)).toBe("0.5");
    expect(formatAmount(1234)).toBe("12.34");
    expect(formatAmount(105)).toBe("1.05");
    expect(money(25_050, "GBP")).toEqual({ amount: "250.5", currency: "GBP" });
  });
});
