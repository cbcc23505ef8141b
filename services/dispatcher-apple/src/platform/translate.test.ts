import { describe, expect, it } from "vitest";
import { PermanentError } from "@layers/runtime";
import {
  adGroupCreateBody,
  adGroupFromV1,
  adGroupUpdateBody,
  campaignCreateBody,
  campaignFromV1,
  campaignUpdateBody,
  dimensionsOfTargeting,
  keywordCreateBody,
  keywordFromV1,
  keywordUpdateBody,
  targetingOfDimensions,
} from "./translate.ts";

const usd = (amount: string) => ({ amount, currency: "USD" });
const json = (o: unknown) => JSON.parse(JSON.stringify(o));
const create = {
  name: "Spring", adamId: "1234567890", countriesOrRegions: ["US", "GB"], dailyBudgetAmount: usd("42.50"),
  supplySources: ["APPSTORE_PRODUCT_PAGES_BROWSE"], adChannelType: "DISPLAY", billingEvent: "TAPS", status: "PAUSED" as const,
};

describe("Platform API translation", () => {
  it("campaign create: promoted object, dailyBudget.value, include-only targeting, a full bid strategy, no adChannelType, ids as JSON numbers", () => {
    const body = campaignCreateBody({ ...create, biddingStrategy: "MAX_CONVERSIONS", startTime: "2031-01-01T00:00:00.000" }, "9007199254740993");
    expect(JSON.stringify(body)).toContain('"adAccountId":9007199254740993');
    expect(json(body)).toEqual({
      adAccountId: 9007199254740992, // JSON.parse loses the last digit; the wire text above does not
      name: "Spring",
      billingEvent: "TAPS",
      promotedObjectType: "APPSTORE_APP",
      promotedObjectId: "1234567890",
      dailyBudget: { value: usd("42.50") },
      targeting: { supplySource: { include: ["APPSTORE"] }, supplyPlacement: { include: ["APPSTORE_PRODUCT_PAGES"] }, countryOrRegion: { include: ["US", "GB"] } },
      bidStrategy: { bidStrategyType: "MAX_CONVERSIONS", bidStrategyGoal: "INSTALL" },
      status: "PAUSED",
      startTime: "2031-01-01T00:00:00.000",
    });
    expect(json(campaignCreateBody({ ...create, supplySources: ["APPSTORE_SEARCH_RESULTS"], adChannelType: "SEARCH" }, "1")).bidStrategy).toEqual({ bidStrategyType: "MANUAL_CPT", bidStrategyGoal: "TAP" });
  });

  it("refuses what the Platform API cannot hold: targetCpa, cpaGoal, a channel the placements contradict, an unknown strategy", () => {
    expect(() => campaignCreateBody({ ...create, targetCpa: usd("3") }, "1")).toThrow(PermanentError);
    expect(() => campaignCreateBody({ ...create, adChannelType: "SEARCH" }, "1")).toThrow(/no adChannelType/);
    expect(() => campaignUpdateBody({ biddingStrategy: "MANUAL_CPM" })).toThrow(/no bid strategy MANUAL_CPM/);
    expect(() => adGroupUpdateBody({ cpaGoal: usd("1") })).toThrow(/cpaGoal/);
  });

  it("campaign update: unwrapped, partial; a countries change keeps the other targeting dimensions Apple holds", () => {
    expect(campaignUpdateBody({ dailyBudgetAmount: usd("75.00"), status: "ENABLED" })).toEqual({ dailyBudget: { value: usd("75.00") }, status: "ENABLED" });
    const current = { supplySource: { include: ["APPSTORE"] }, supplyPlacement: { include: ["APPSTORE_SEARCH_TAB"] }, countryOrRegion: { include: ["US"] } };
    expect(campaignUpdateBody({ countriesOrRegions: ["DE"] }, current)).toEqual({ targeting: { ...current, countryOrRegion: { include: ["DE"] } } });
  });

  it("campaign read back in the adapter's vocabulary", () => {
    const c = campaignFromV1({
      id: "11", adAccountId: "22", name: "C", status: "ENABLED", billingEvent: "TAPS", promotedObjectType: "APPSTORE_APP", promotedObjectId: "333",
      dailyBudget: { value: usd("100.00") }, targeting: { supplyPlacement: { include: ["APPSTORE_PRODUCT_PAGES"] }, countryOrRegion: { include: ["FR"] } },
      bidStrategy: { bidStrategyType: "MANUAL_CPT", bidStrategyGoal: "TAP" }, systemStatus: "RUNNING", displayStatus: "RUNNING", deleted: false,
    });
    expect(c).toMatchObject({
      id: "11", orgId: "22", adamId: "333", dailyBudgetAmount: usd("100.00"), countriesOrRegions: ["FR"], supplySources: ["APPSTORE_PRODUCT_PAGES_BROWSE"],
      biddingStrategy: "MANUAL_CPT", servingStatus: "RUNNING", displayStatus: "RUNNING", deleted: false,
    });
  });

  it("ad groups: CPC is CPT, the default bid is bidStrategy.bid, age and gender as string includes, other dimensions renamed both ways", () => {
    const dims = { age: { included: [{ minAge: 25, maxAge: 34 }] }, gender: { included: ["F"] }, deviceClass: { included: ["IPAD"] }, appDownloaders: { excluded: ["123"] }, daypart: { userTime: { included: [11, 12] } } };
    const targeting = {
      minAge: { include: ["25"] }, maxAge: { include: ["34"] }, gender: { include: ["F"] }, deviceClass: { include: ["IPAD"] }, appDownloader: { exclude: ["123"] }, daypart: { include: ["11", "12"] },
    };
    expect(targetingOfDimensions(dims)).toEqual(targeting);
    expect(dimensionsOfTargeting(targeting)).toEqual(dims);
    expect(targetingOfDimensions(null)).toBeNull();
    expect(json(adGroupCreateBody("44", { name: "G", pricingModel: "CPC", defaultBidAmount: usd("1.50"), startTime: "2031-01-01T00:00:00.000", status: "ENABLED", targetingDimensions: { gender: { included: ["M"] } } }))).toEqual({
      campaignId: 44, name: "G", pricingModel: "CPT", bidStrategy: { bid: usd("1.50") }, startTime: "2031-01-01T00:00:00.000", status: "ENABLED", targeting: { gender: { include: ["M"] } },
    });
    expect(adGroupUpdateBody({ defaultBidAmount: usd("2.00"), name: "H" })).toEqual({ name: "H", bidStrategy: { bid: usd("2.00") } });
    expect(adGroupFromV1({ id: "5", campaignId: "44", name: "G", status: "PAUSED", pricingModel: "CPT", bidStrategy: { bid: usd("1.50") }, targeting: { minAge: { include: ["30"] } } })).toMatchObject({
      pricingModel: "CPC", defaultBidAmount: usd("1.50"), targetingDimensions: { age: { included: [{ minAge: 30 }] } },
    });
  });

  it("keywords: ACTIVE is ENABLED, bidAmount is bid, the ad group id in the body", () => {
    expect(json(keywordCreateBody("77", { text: "run", matchType: "EXACT", status: "ACTIVE", bidAmount: usd("0.95") }))).toEqual({ adGroupId: 77, text: "run", matchType: "EXACT", status: "ENABLED", bid: usd("0.95") });
    expect(keywordUpdateBody({ status: "PAUSED" })).toEqual({ status: "PAUSED" });
    expect(keywordUpdateBody({ bidAmount: usd("1.00") })).toEqual({ bid: usd("1.00") });
    expect(keywordFromV1({ id: "8", adGroupId: "77", text: "run", matchType: "EXACT", status: "ENABLED", bid: usd("0.95"), deleted: false })).toMatchObject({ status: "ACTIVE", bidAmount: usd("0.95") });
  });
});
