import { describe, expect, it } from "vitest";
import { minAdgroupBudget, minCampaignBudget, parseBudget } from "./money.ts";

describe("tiktok budgets", () => {
  it("accepts JSON numbers and numeric strings in major units with up to 2 decimals", () => {
    expect(parseBudget(50, "USD")).toEqual({ ok: true, value: 50 });
    expect(parseBudget(50.25, "USD")).toEqual({ ok: true, value: 50.25 });
    expect(parseBudget("75.1", "USD")).toEqual({ ok: true, value: 75.1 });
    // Float noise from client arithmetic is rounded away, not refused.
    expect(parseBudget(0.1 + 0.2, "USD")).toEqual({ ok: true, value: 0.3 });
  });

  it("refuses non-numbers, zero, negatives and a third decimal", () => {
    for (const v of ["fifty", "", null, undefined, true, Number.NaN, Number.POSITIVE_INFINITY, "1e3", "-5"]) {
      expect(parseBudget(v, "USD").ok).toBe(false);
    }
    expect(parseBudget(0, "USD")).toEqual({ ok: false, reason: "budget must be greater than 0" });
    expect(parseBudget(-1, "USD").ok).toBe(false);
    expect(parseBudget(50.001, "USD")).toEqual({ ok: false, reason: "budget allows at most 2 decimal places" });
  });

  it("wants whole numbers in zero-decimal currencies", () => {
    expect(parseBudget(5000, "JPY")).toEqual({ ok: true, value: 5000 });
    expect(parseBudget(5000.5, "JPY")).toEqual({ ok: false, reason: "budget in JPY must be a whole number" });
    expect(parseBudget(5000.5, "EUR").ok).toBe(true);
  });

  it("applies the $50 campaign and $20/day ad group minimums to USD only", () => {
    expect(minCampaignBudget("USD")).toBe(50);
    expect(minCampaignBudget("EUR")).toBe(0);
    expect(minAdgroupBudget("USD", "BUDGET_MODE_DAY", 10)).toBe(20);
    expect(minAdgroupBudget("USD", "BUDGET_MODE_TOTAL", 3)).toBe(60);
    expect(minAdgroupBudget("USD", "BUDGET_MODE_TOTAL", 2.5)).toBe(60);
    expect(minAdgroupBudget("USD", "BUDGET_MODE_TOTAL", 0.2)).toBe(20);
    expect(minAdgroupBudget("GBP", "BUDGET_MODE_TOTAL", 3)).toBe(0);
  });
});
