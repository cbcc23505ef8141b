import { describe, expect, it } from "vitest";
import { adGroupHolds, campaignHolds, holdsFields, keywordHolds, sameKeyword } from "./apple-holds.ts";

const usd = (amount: string) => ({ amount, currency: "USD" });
const campaign = { id: "1", name: "Spring", status: "PAUSED", dailyBudgetAmount: usd("75.5"), countriesOrRegions: ["US", "GB"], startTime: "2030-05-01T00:00:00.000" };

describe("holdsFields: does Apple already hold a write?", () => {
  it.each([
    [{ name: "Spring" }, true],
    [{ name: "spring" }, false],
    [{ status: "ENABLED" }, false],
    // Apple reads money back trimmed: "75.50" sent is "75.5" held.
    [{ dailyBudgetAmount: usd("75.50") }, true],
    [{ dailyBudgetAmount: usd("75.51") }, false],
    [{ dailyBudgetAmount: { amount: "75.50", currency: "EUR" } }, false],
    [{ countriesOrRegions: ["GB", "US"] }, true],
    [{ countriesOrRegions: ["US"] }, false],
    [{ startTime: "2030-05-01T00:00:00" }, true],
    [{ startTime: "2030-05-01T00:00:01.000" }, false],
    [{ endTime: "2030-06-01T00:00:00.000" }, false],
    [{ biddingStrategy: "MANUAL_CPT" }, false],
    [{ name: "Spring", dailyBudgetAmount: usd("75.5") }, true],
  ])("%j → %s", (want, held) => {
    expect(holdsFields(campaign, want)).toBe(held);
  });
});

describe("per object", () => {
  it("a deleted object holds no update", () => {
    expect(campaignHolds({ ...campaign, deleted: true }, { name: "Spring" })).toBe(false);
    expect(keywordHolds({ id: "3", text: "a", matchType: "EXACT", status: "PAUSED", deleted: true }, { status: "PAUSED" })).toBe(false);
  });

  it("ad group targeting compares age and gender only", () => {
    const g = {
      id: "2", name: "G", status: "ENABLED", defaultBidAmount: usd("1.5"),
      targetingDimensions: { age: { included: [{ minAge: 18, maxAge: 24 }] }, gender: { included: ["F"] }, deviceClass: { included: ["IPHONE"] } },
    };
    expect(adGroupHolds(g, {}, { minAge: 18, maxAge: 24, genders: ["F"] })).toBe(true);
    expect(adGroupHolds(g, {}, { minAge: 18, genders: ["F"] })).toBe(false);
    expect(adGroupHolds(g, { defaultBidAmount: usd("1.50") })).toBe(true);
    expect(adGroupHolds({ ...g, targetingDimensions: null }, {}, { genders: ["F"] })).toBe(false);
  });

  it("keywords match by text regardless of case, and by match type", () => {
    expect(sameKeyword({ text: "Running Shoes", matchType: "EXACT" }, { text: "running shoes", matchType: "EXACT" })).toBe(true);
    expect(sameKeyword({ text: "running shoes", matchType: "BROAD" }, { text: "running shoes", matchType: "EXACT" })).toBe(false);
    expect(sameKeyword({ text: "running shoes", matchType: "EXACT", deleted: true }, { text: "running shoes", matchType: "EXACT" })).toBe(false);
    expect(keywordHolds({ id: "3", text: "a", matchType: "EXACT", status: "ACTIVE", bidAmount: usd("1.2") }, { bidAmount: usd("1.20") })).toBe(true);
  });
});
