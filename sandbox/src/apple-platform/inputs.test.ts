import { describe, expect, it } from "vitest";
import { AppleError } from "../apple/apple-error.ts";
import type { AppleCampaign } from "../apple/apple-types.ts";
import { parseAdGroupCreateV1, parseCampaignCreateV1, parseCampaignUpdateV1, parseKeywordUpdateV1 } from "./inputs.ts";
import { platformMoney } from "./money.ts";
import { parseQuery, runQuery } from "./query.ts";
import { adGroupTargetingToStore, adGroupTargetingView } from "./targeting.ts";
import { campaignV1 } from "./test-client.ts";

const now = new Date("2026-12-01T00:00:00Z");
const fieldOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof AppleError) return e.items[0]?.field;
    throw e;
  }
  return "no error";
};
const stored = (over: Partial<AppleCampaign> = {}): AppleCampaign => ({
  id: 1, orgId: 7, name: "c", adamId: 1, countriesOrRegions: ["US"], dailyBudgetCents: 10000, supplySources: ["APPSTORE_SEARCH_RESULTS"],
  adChannelType: "SEARCH", billingEvent: "TAPS", biddingStrategy: "MANUAL_CPT", status: "PAUSED", startTime: "2026-01-01T00:00:00.000",
  deleted: false, creationTime: "", modificationTime: "", ...over,
});

describe("Platform API inputs (sandbox)", () => {
  it("campaign create → the store's fields: app, placements (v5 names), derived channel, strategy, budget in hundredths", () => {
    const input = parseCampaignCreateV1(campaignV1(7, "C", { targeting: { supplyPlacement: { include: ["APPSTORE_PRODUCT_PAGES"] }, countryOrRegion: { include: ["FR"] } } }), { adAccountId: 7, currency: "USD", now });
    expect(input).toMatchObject({ adamId: 1234567890, dailyBudgetCents: 10000, supplySources: ["APPSTORE_PRODUCT_PAGES_BROWSE"], adChannelType: "DISPLAY", countriesOrRegions: ["FR"], biddingStrategy: "MANUAL_CPT", status: "PAUSED" });
  });

  it("campaign create refusals name their field", () => {
    const ctx = { adAccountId: 7, currency: "USD", now };
    expect(fieldOf(() => parseCampaignCreateV1(campaignV1(8, "C"), ctx))).toBe("adAccountId");
    expect(fieldOf(() => parseCampaignCreateV1(campaignV1(7, "C", { bidStrategy: { bidStrategyType: "MANUAL_CPT", bidStrategyGoal: "INSTALL" } }), ctx))).toBe("bidStrategy.bidStrategyGoal");
    expect(fieldOf(() => parseCampaignCreateV1(campaignV1(7, "C", { bidStrategy: { bidStrategyType: "MAX_CONVERSIONS", bidStrategyGoal: "INSTALL" }, billingEvent: "IMPRESSIONS" }), ctx))).toBe("bidStrategy.bidStrategyType");
    expect(fieldOf(() => parseCampaignCreateV1(campaignV1(7, "C", { bidStrategy: { bidStrategyType: "MANUAL_CPT" } }), ctx))).toBe("bidStrategy.bidStrategyGoal");
    expect(fieldOf(() => parseCampaignCreateV1(campaignV1(7, "C", { promotedObjectId: 1234567890 }), ctx))).toBe("promotedObjectId");
    expect(fieldOf(() => parseCampaignCreateV1({ ...campaignV1(7, "C"), adChannelType: "SEARCH" }, ctx))).toBeNull();
  });

  it("campaign update: partial, immutable fields refused, placements fixed, countries replaced", () => {
    expect(parseCampaignUpdateV1({ targeting: { supplyPlacement: { include: ["APPSTORE_SEARCH_RESULTS"] }, countryOrRegion: { include: ["DE"] } } }, stored(), "USD")).toEqual({ countriesOrRegions: ["DE"] });
    expect(fieldOf(() => parseCampaignUpdateV1({ targeting: { supplyPlacement: { include: ["APPSTORE_TODAY_TAB"] }, countryOrRegion: { include: ["DE"] } } }, stored(), "USD"))).toBe("targeting.supplyPlacement");
    expect(fieldOf(() => parseCampaignUpdateV1({ billingEvent: "TAPS" }, stored(), "USD"))).toBe("billingEvent");
  });

  it("ad group create: CPT needs TAPS, the bid from bidStrategy.bid or the campaign's ceiling", () => {
    const ctx = { currency: "USD", now: "2026-12-01T00:00:00.000" };
    expect(parseAdGroupCreateV1({ name: "G", pricingModel: "CPT", bidStrategy: { bid: { amount: "1.5", currency: "USD" } } }, stored(), ctx)).toMatchObject({ pricingModel: "CPC", defaultBidCents: 150, startTime: ctx.now, status: "ENABLED" });
    expect(parseAdGroupCreateV1({ name: "G", pricingModel: "CPT" }, stored({ bidCeilingCents: 300 }), ctx).defaultBidCents).toBe(300);
    expect(fieldOf(() => parseAdGroupCreateV1({ name: "G", pricingModel: "CPT" }, stored(), ctx))).toBe("bidStrategy.bid");
    expect(fieldOf(() => parseAdGroupCreateV1({ name: "G", pricingModel: "CPM", bidStrategy: { bid: { amount: "1", currency: "USD" } } }, stored(), ctx))).toBe("pricingModel");
  });

  it("keyword update takes only bid (never null) and status", () => {
    expect(parseKeywordUpdateV1({ status: "ENABLED", bid: { amount: "0.5", currency: "USD" } }, "USD")).toEqual({ status: "ACTIVE", bidCents: 50 });
    expect(fieldOf(() => parseKeywordUpdateV1({ bid: null }, "USD"))).toBe("bid");
    expect(fieldOf(() => parseKeywordUpdateV1({ matchType: "EXACT" }, "USD"))).toBe("matchType");
  });

  it("targeting round-trips between the v1 spelling and the store's v5 dimensions", () => {
    const v1 = { minAge: { include: ["25"] }, maxAge: { include: ["34"] }, gender: { include: ["F"] }, deviceClass: { include: ["IPHONE"] }, appDownloader: { exclude: ["42"] } };
    const dims = adGroupTargetingToStore(v1);
    expect(dims).toEqual({ age: { included: [{ minAge: 25, maxAge: 34 }] }, gender: { included: ["F"] }, deviceClass: { included: ["IPHONE"] }, appDownloaders: { excluded: ["42"] } });
    expect(adGroupTargetingView(dims)).toEqual(v1);
    expect(fieldOf(() => adGroupTargetingToStore({ minAge: { include: [18] } }))).toBe("targeting.minAge.include");
    expect(fieldOf(() => adGroupTargetingToStore({ gender: { exclude: ["M"] } }))).toBeNull();
  });

  it("money reads back padded to the currency's decimals, at most two", () => {
    expect(platformMoney(10000, "USD")).toEqual({ amount: "100.00", currency: "USD" });
    expect(platformMoney(4250, "USD").amount).toBe("42.50");
    expect(platformMoney(500000, "JPY").amount).toBe("5000");
    expect(platformMoney(1234, "BHD").amount).toBe("12.34");
  });

  it("query grammar: defaults, refusals, filters, deleted rows and paging", () => {
    const rules = { fields: { id: ["EQUALS", "IN"] as const, name: ["EQUALS", "STARTS_WITH"] as const, deleted: ["EQUALS", "IN"] as const }, maxPageSize: 3 };
    expect(parseQuery(undefined, rules)).toEqual({ filters: [], sorting: [], offset: 0, pageSize: 3 });
    expect(fieldOf(() => parseQuery({ pagination: { pageSize: 4 } }, rules))).toBe("pagination.pageSize");
    expect(fieldOf(() => parseQuery({ filters: [{ field: "name", operator: "IN", value: ["a"] }] }, rules))).toBe("filters[0].operator");
    expect(fieldOf(() => parseQuery({ filters: [{ field: "name", operator: "EQUALS", values: ["a"] }] }, rules))).toBeNull();
    const rows = [{ id: 3, name: "b1", deleted: false }, { id: 1, name: "a", deleted: false }, { id: 2, name: "b2", deleted: true }];
    expect(runQuery(rows, parseQuery({ filters: [{ field: "name", operator: "STARTS_WITH", value: "b" }] }, rules)).result.map((r) => r.id)).toEqual([3]);
    expect(runQuery(rows, parseQuery({ filters: [{ field: "deleted", operator: "IN", value: [true, false] }], pagination: { offset: 1, pageSize: 1 } }, rules))).toEqual({
      result: [{ id: 2, name: "b2", deleted: true }],
      pagination: { offset: 1, pageSize: 1, totalCount: 3 },
    });
  });
});
