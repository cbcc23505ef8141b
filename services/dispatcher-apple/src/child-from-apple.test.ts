import { describe, expect, it } from "vitest";
import { layersStatusOfApple } from "./apple-status.ts";
import { adGroupChildFromApple, keywordChildFromApple } from "./child-from-apple.ts";

const adGroup = { id: "900000010", campaignId: "900000001", name: "Made in Apple Ads", status: "ENABLED", pricingModel: "CPC" };
const keyword = { id: "900000020", adGroupId: "900000010", text: "puzzle game", matchType: "EXACT", status: "ACTIVE" };
const noMoney = { dailyBudgetCents: null, lifetimeBudgetCents: null, markerId: undefined };

describe("adGroupChildFromApple", () => {
  it.each([
    ["USD", { ...adGroup, defaultBidAmount: { amount: "1.5", currency: "USD" } }, { status: "active", bidCents: 150 }],
    ["USD", { ...adGroup, status: "PAUSED", defaultBidAmount: { amount: "0.25", currency: "USD" } }, { status: "paused", bidCents: 25 }],
    ["JPY", { ...adGroup, defaultBidAmount: { amount: "120", currency: "JPY" } }, { status: "active", bidCents: 120 }],
    ["BHD", { ...adGroup, defaultBidAmount: { amount: "1.25", currency: "BHD" } }, { bidCents: 1250 }],
    ["USD", { ...adGroup, status: "PAUSED", deleted: true, defaultBidAmount: { amount: "2", currency: "USD" } }, { status: "deleted", bidCents: 200 }],
    ["USD", { ...adGroup, defaultBidAmount: null }, { bidCents: null }],
  ])("%s %j", (currency, apple, expected) => {
    const child = adGroupChildFromApple(apple, currency);
    expect(child).toEqual({ kind: "adgroup", platformId: "900000010", parentPlatformId: null, name: "Made in Apple Ads", status: "active", ...noMoney, ...expected });
    expect(child).not.toHaveProperty("matchType");
  });

  it("refuses money in another currency than the account's", () => {
    expect(() => adGroupChildFromApple({ ...adGroup, defaultBidAmount: { amount: "1", currency: "EUR" } }, "USD")).toThrow(RangeError);
  });
});

describe("keywordChildFromApple", () => {
  it.each([
    ["USD", keyword, { status: "active", matchType: "EXACT", bidCents: null }],
    ["USD", { ...keyword, status: "PAUSED", matchType: "BROAD", bidAmount: { amount: "0.9", currency: "USD" } }, { status: "paused", matchType: "BROAD", bidCents: 90 }],
    ["KRW", { ...keyword, bidAmount: { amount: "900", currency: "KRW" } }, { bidCents: 900 }],
    ["USD", { ...keyword, bidAmount: null }, { bidCents: null }],
    ["USD", { ...keyword, deleted: true }, { status: "deleted" }],
    ["USD", { ...keyword, matchType: "PHRASE" }, { matchType: undefined }],
  ])("%s %j", (currency, apple, expected) => {
    expect(keywordChildFromApple(apple, "900000010", currency)).toEqual({
      kind: "keyword",
      platformId: "900000020",
      parentPlatformId: "900000010",
      name: "puzzle game",
      status: "active",
      matchType: "EXACT",
      bidCents: null,
      ...noMoney,
      ...expected,
    });
  });

  it("refuses money in another currency than the account's", () => {
    expect(() => keywordChildFromApple({ ...keyword, bidAmount: { amount: "1", currency: "GBP" } }, "900000010", "USD")).toThrow(RangeError);
  });
});

describe("layersStatusOfApple", () => {
  it.each([
    [{ status: "ENABLED" }, "active"],
    [{ status: "ACTIVE" }, "active"],
    [{ status: "PAUSED" }, "paused"],
    [{ status: "ENABLED", deleted: true }, "deleted"],
    [{ status: "PAUSED", deleted: false }, "paused"],
  ])("%j → %s", (o, expected) => {
    expect(layersStatusOfApple(o)).toBe(expected);
  });
});
