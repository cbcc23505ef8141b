import { describe, expect, it } from "vitest";
import { campaignFromApple } from "./apple-campaign-lister.ts";

const base = { id: "900000001", name: "Made in Apple Ads", status: "ENABLED" };

describe("campaignFromApple", () => {
  it.each([
    ["USD", { ...base, dailyBudgetAmount: { amount: "25.5", currency: "USD" } }, { status: "active", dailyBudgetCents: 2550, lifetimeBudgetCents: null }],
    ["JPY", { ...base, status: "PAUSED", dailyBudgetAmount: { amount: "5000", currency: "JPY" } }, { status: "paused", dailyBudgetCents: 5000, lifetimeBudgetCents: null }],
    ["BHD", { ...base, dailyBudgetAmount: { amount: "12.34", currency: "BHD" }, budgetAmount: { amount: "100", currency: "BHD" } }, { dailyBudgetCents: 12340, lifetimeBudgetCents: 100000 }],
    ["USD", { ...base, deleted: true, dailyBudgetAmount: { amount: "1", currency: "USD" } }, { status: "deleted", dailyBudgetCents: 100 }],
    ["USD", { ...base, dailyBudgetAmount: null }, { dailyBudgetCents: null }],
  ])("%s %j", (currency, apple, expected) => {
    expect(campaignFromApple(apple, currency)).toMatchObject({ platformCampaignId: "900000001", name: "Made in Apple Ads", markerCampaignId: undefined, objective: null, ...expected });
  });

  it("refuses money in another currency than the account's", () => {
    expect(() => campaignFromApple({ ...base, dailyBudgetAmount: { amount: "1", currency: "EUR" } }, "USD")).toThrow(RangeError);
  });
});
