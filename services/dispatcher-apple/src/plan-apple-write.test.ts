import { describe, expect, it } from "vitest";
import { newId, PLATFORM_SURFACE, operationFor, type Capability, type EntityKind } from "@layers/contracts";
import { PermanentError } from "@layers/runtime";
import { locateAppleWrite, planAppleWrite, type PlanContext } from "./plan-apple-write.ts";
import { paramsIssue, type Operation } from "@layers/contracts";

const campaignId = newId("campaign");
const adAccountId = newId("adAccount");
const adGroupId = newId("adGroup");
const keywordId = newId("keyword");
const now = new Date("2030-03-04T05:06:07.890Z");
const ctx: PlanContext = { now };
const AUTO = { creative: "auto", tactical: "auto", structural: "auto" };

const campaignCreate = (over: Record<string, unknown> = {}) => ({
  campaignId, adAccountId, name: "Spring", outcome: "app_installs", dailyBudgetCents: 5000, authority: AUTO, status: "PAUSED",
  specialAdCategories: [], adamId: "1234567890", countriesOrRegions: ["US", "GB"], ...over,
});
const adGroupCreate = (over: Record<string, unknown> = {}) => ({ campaignId, entityId: adGroupId, name: "Runners", status: "ACTIVE", bidCents: 150, ...over });
const keywordCreate = (over: Record<string, unknown> = {}) => ({ campaignId, entityId: keywordId, parentId: adGroupId, text: "running shoes", matchType: "EXACT", status: "ACTIVE", ...over });
const onAdGroup = { campaignId, entityKind: "adgroup", entityId: adGroupId };
const onKeyword = { campaignId, entityKind: "keyword", entityId: keywordId };

/**
 * Plans a write as the dispatcher sees it: params the dispatch contract refuses never get past the
 * consumer's edge (`dispatchSchema`, dead-lettered there), shown here as `invalid_params`.
 */
function plan(operation: string, params: Record<string, unknown>, currency = "USD", c: PlanContext = ctx) {
  const planned = planAppleWrite({ operation: operation as never, params, currency }, c);
  const issue = paramsIssue(operation as Operation, params);
  if (issue) throw new PermanentError("invalid_params", issue);
  return planned;
}

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof PermanentError) return e.code;
    throw e;
  }
  return undefined;
}

describe("planAppleWrite: campaign", () => {
  it("create - PAUSED, Money in the org currency, Apple's defaults for supply, billing and channel", () => {
    expect(plan("create_campaign", campaignCreate())).toEqual({
      entity: { kind: "campaign", id: campaignId },
      created: true,
      write: {
        kind: "create_campaign",
        fields: {
          name: "Spring", adamId: "1234567890", countriesOrRegions: ["US", "GB"], dailyBudgetAmount: { amount: "50.00", currency: "USD" },
          supplySources: ["APPSTORE_SEARCH_RESULTS"], adChannelType: "SEARCH", billingEvent: "TAPS", status: "PAUSED",
        },
      },
      row: {
        status: "paused", dailyBudgetCents: 5000, targeting: { countries: ["US", "GB"] },
        attributes: { adamId: "1234567890", supplySources: ["APPSTORE_SEARCH_RESULTS"], adChannelType: "SEARCH", billingEvent: "TAPS" },
      },
    });
  });

  it("create - without a channel, the one the placements run on (both APIs agree on it)", () => {
    expect(plan("create_campaign", campaignCreate({ supplySources: ["APPSTORE_TODAY_TAB"] })).write).toMatchObject({ fields: { supplySources: ["APPSTORE_TODAY_TAB"], adChannelType: "DISPLAY" } });
    expect(plan("create_campaign", campaignCreate({})).write).toMatchObject({ fields: { supplySources: ["APPSTORE_SEARCH_RESULTS"], adChannelType: "SEARCH" } });
  });

  it("create - the partner's own supply, billing, channel, strategy and schedule; ACTIVE is ENABLED", () => {
    const p = plan("create_campaign", campaignCreate({
      status: "ACTIVE", supplySources: ["APPSTORE_SEARCH_TAB"], billingEvent: "IMPRESSIONS", adChannelType: "DISPLAY",
      bidStrategy: "MAX_CONVERSIONS", startTime: "2030-05-01T00:00:00Z", stopTime: "2030-06-01T12:00:00+02:00",
    }));
    expect(p.write).toMatchObject({
      kind: "create_campaign",
      fields: {
        status: "ENABLED", supplySources: ["APPSTORE_SEARCH_TAB"], billingEvent: "IMPRESSIONS", adChannelType: "DISPLAY",
        biddingStrategy: "MAX_CONVERSIONS", startTime: "2030-05-01T00:00:00.000", endTime: "2030-06-01T10:00:00.000",
      },
    });
    expect(p.row).toMatchObject({ status: "active", bidStrategy: "MAX_CONVERSIONS", startTime: "2030-05-01T00:00:00.000Z", endTime: "2030-06-01T10:00:00.000Z" });
  });

  it.each([
    ["USD", 2550, "25.50"],
    ["JPY", 5000, "5000"],
    ["BHD", 12340, "12.34"],
  ])("create - daily budget %s %d → %s", (currency, minor, amount) => {
    const p = plan("create_campaign", campaignCreate({ dailyBudgetCents: minor }), currency);
    expect(p.write).toMatchObject({ fields: { dailyBudgetAmount: { amount, currency } } });
    expect(p.row.dailyBudgetCents).toBe(minor);
  });

  it.each([
    ["lifetime budget", campaignCreate({ dailyBudgetCents: undefined, lifetimeBudgetCents: 5000 }), "invalid_params"],
    ["no daily budget", campaignCreate({ dailyBudgetCents: undefined }), "invalid_params"],
    ["no adamId", campaignCreate({ adamId: undefined }), "invalid_params"],
    ["no countries", campaignCreate({ countriesOrRegions: undefined }), "invalid_params"],
    ["special ad categories", campaignCreate({ specialAdCategories: ["HOUSING"] }), "invalid_params"],
    ["a TikTok setting", campaignCreate({ budgetOptimizeOn: true }), "invalid_params"],
    ["an unknown strategy", campaignCreate({ bidStrategy: "COST_CAP" }), "invalid_params"],
    ["a start that is no date", campaignCreate({ startTime: "soon" }), "invalid_params"],
    ["an unknown param", campaignCreate({ surprise: 1 }), "invalid_params"],
  ])("create refuses %s", (_n, params, expected) => {
    expect(code(() => plan("create_campaign", params))).toBe(expected);
  });

  it("create refuses a BHD amount with a third decimal; one ending in 0 converts", () => {
    expect(code(() => plan("create_campaign", campaignCreate({ dailyBudgetCents: 1234 }), "BHD"))).toBe("unrepresentable_amount");
    expect(plan("create_campaign", campaignCreate({ dailyBudgetCents: 1230 }), "BHD").write).toMatchObject({ fields: { dailyBudgetAmount: { amount: "1.23", currency: "BHD" } } });
  });

  it.each([
    ["update_campaign", { campaignId, name: "Summer" }, { name: "Summer" }, { name: "Summer" }],
    ["update_budget", { campaignId, dailyBudgetCents: 7550 }, { dailyBudgetAmount: { amount: "75.50", currency: "USD" } }, { dailyBudgetCents: 7550 }],
    ["update_bid", { campaignId, bidStrategy: "MAX_CONVERSIONS" }, { biddingStrategy: "MAX_CONVERSIONS" }, { bidStrategy: "MAX_CONVERSIONS" }],
    [
      "update_schedule",
      { campaignId, startTime: "2030-05-01T00:00:00Z", endTime: "2030-06-01T00:00:00Z" },
      { startTime: "2030-05-01T00:00:00.000", endTime: "2030-06-01T00:00:00.000" },
      { startTime: "2030-05-01T00:00:00.000Z", endTime: "2030-06-01T00:00:00.000Z" },
    ],
    ["update_schedule", { campaignId, endTime: "2030-06-01T00:00:00Z" }, { endTime: "2030-06-01T00:00:00.000" }, { endTime: "2030-06-01T00:00:00.000Z" }],
    ["update_targeting", { campaignId, targeting: { countries: ["DE", "FR"] } }, { countriesOrRegions: ["DE", "FR"] }, { targeting: { countries: ["DE", "FR"] } }],
    ["pause_campaign", { campaignId }, { status: "PAUSED" }, { status: "paused" }],
    ["resume_campaign", { campaignId }, { status: "ENABLED" }, { status: "active" }],
  ])("%s %j → PUT %j", (operation, params, fields, row) => {
    expect(plan(operation, params)).toEqual({ write: { kind: "update_campaign", fields }, entity: { kind: "campaign", id: campaignId }, created: false, row });
  });

  it("delete is Apple's DELETE, and the row says deleted", () => {
    expect(plan("delete_campaign", { campaignId })).toEqual({ write: { kind: "delete_campaign" }, entity: { kind: "campaign", id: campaignId }, created: false, row: { status: "deleted" } });
  });

  it.each([
    ["update_budget", { campaignId, lifetimeBudgetCents: 5000 }, "invalid_params"],
    ["update_budget", { campaignId }, "invalid_params"],
    ["update_budget", { campaignId, dailyBudgetCents: 1005 }, "unrepresentable_amount", "BHD"],
    ["update_bid", { campaignId, bidCents: 100 }, "invalid_params"],
    ["update_bid", { campaignId, bidStrategy: "LOWEST_COST_WITHOUT_CAP" }, "invalid_params"],
    ["update_schedule", { campaignId }, "invalid_params"],
    ["update_targeting", { campaignId, targeting: { ageMin: 18 } }, "invalid_params"],
    ["archive_campaign", { campaignId }, "unsupported_operation"],
    ["push_creative", { campaignId }, "unsupported_operation"],
    ["update_bid", { campaignId, entityKind: "ad", entityId: "ad_1", bidCents: 100 }, "unsupported_operation"],
    ["prune_creative", { campaignId }, "unsupported_operation"],
    ["create_adset", adGroupCreate(), "unsupported_operation"],
    ["pause_campaign", { campaignId: "cmp_nope" }, "invalid_params"],
    ["pause_campaign", { campaignId, entityKind: "adgroup" }, "invalid_params"],
  ] as const)("%s %j → %s", (operation, params, expected, currency: string = "USD") => {
    expect(code(() => plan(operation, params, currency))).toBe(expected);
  });
});

describe("planAppleWrite: ad group", () => {
  it("create - CPC, defaultBidAmount from bidCents, starts now unless told, age/gender as targetingDimensions", () => {
    expect(plan("create_adgroup", adGroupCreate({ targeting: { ageMin: 25, ageMax: 34, genders: ["female"] } }))).toEqual({
      entity: { kind: "adgroup", id: adGroupId },
      created: true,
      write: {
        kind: "create_adgroup",
        fields: {
          name: "Runners", pricingModel: "CPC", defaultBidAmount: { amount: "1.50", currency: "USD" }, startTime: "2030-03-04T05:06:07.890", status: "ENABLED",
          targetingDimensions: { age: { included: [{ minAge: 25, maxAge: 34 }] }, gender: { included: ["F"] } },
        },
      },
      row: {
        status: "active", bidCents: 150, startTime: "2030-03-04T05:06:07.890Z", targeting: { ageMin: 25, ageMax: 34, genders: ["female"] },
        attributes: { pricingModel: "CPC" },
      },
    });
  });

  it("create - CPM, a set schedule, Search Match and PAUSED", () => {
    const p = plan("create_adgroup", adGroupCreate({ pricingModel: "CPM", status: "PAUSED", startTime: "2030-05-01T00:00:00Z", endTime: "2030-05-31T00:00:00Z", automatedKeywordsOptIn: true }), "JPY");
    expect(p.write).toEqual({
      kind: "create_adgroup",
      fields: {
        name: "Runners", pricingModel: "CPM", defaultBidAmount: { amount: "150", currency: "JPY" }, startTime: "2030-05-01T00:00:00.000",
        endTime: "2030-05-31T00:00:00.000", status: "PAUSED", automatedKeywordsOptIn: true,
      },
    });
    expect(p.row).toMatchObject({ status: "paused", attributes: { pricingModel: "CPM", automatedKeywordsOptIn: true } });
  });

  it.each([
    ["no bid", adGroupCreate({ bidCents: undefined })],
    ["a budget", adGroupCreate({ dailyBudgetCents: 1000 })],
    ["a bid strategy", adGroupCreate({ bidStrategy: "MANUAL_CPT" })],
    ["a Meta billing event", adGroupCreate({ billingEvent: "IMPRESSIONS" })],
    ["country targeting", adGroupCreate({ targeting: { countries: ["US"] } })],
  ])("create refuses %s", (_n, params) => {
    expect(code(() => plan("create_adgroup", params))).toBe("invalid_params");
  });

  it.each([
    ["update_adgroup", { ...onAdGroup, name: "Walkers" }, { kind: "update_adgroup", fields: { name: "Walkers" } }, { name: "Walkers" }],
    ["update_bid", { ...onAdGroup, bidCents: 275 }, { kind: "update_adgroup", fields: { defaultBidAmount: { amount: "2.75", currency: "USD" } } }, { bidCents: 275 }],
    ["update_schedule", { ...onAdGroup, startTime: "2030-05-01T00:00:00Z" }, { kind: "update_adgroup", fields: { startTime: "2030-05-01T00:00:00.000" } }, { startTime: "2030-05-01T00:00:00.000Z" }],
    ["pause_adgroup", onAdGroup, { kind: "update_adgroup", fields: { status: "PAUSED" } }, { status: "paused" }],
    ["resume_adgroup", onAdGroup, { kind: "update_adgroup", fields: { status: "ENABLED" } }, { status: "active" }],
    ["delete_adgroup", onAdGroup, { kind: "delete_adgroup" }, { status: "deleted" }],
  ])("%s %j", (operation, params, write, row) => {
    expect(plan(operation, params)).toEqual({ write, entity: { kind: "adgroup", id: adGroupId }, created: false, row });
  });

  it("targeting changes the fields it names; the others keep their current value", () => {
    const current = { ageMin: 18, ageMax: 24, genders: ["male"] };
    const p = plan("update_targeting", { ...onAdGroup, targeting: { genders: ["female", "male"] } }, "USD", { now, currentTargeting: current });
    expect(p.write).toEqual({ kind: "update_adgroup", fields: {}, audience: { minAge: 18, maxAge: 24, genders: ["F", "M"] } });
    expect(p.row).toEqual({ targeting: { ageMin: 18, ageMax: 24, genders: ["female", "male"] } });
    const fresh = plan("update_targeting", { ...onAdGroup, targeting: { ageMin: 30 } }, "USD", { now, currentTargeting: null });
    expect(fresh.write).toEqual({ kind: "update_adgroup", fields: {}, audience: { minAge: 30 } });
  });

  it.each([
    ["update_targeting", { ...onAdGroup, targeting: { countries: ["US"] } }, "invalid_params", { ageMin: 18 }],
    ["update_targeting", { ...onAdGroup, targeting: { ageMin: 40 } }, "invalid_params", { ageMin: 18, ageMax: 24 }],
    ["update_bid", { ...onAdGroup, bidStrategy: "MANUAL_CPT" }, "invalid_params", null],
    ["update_bid", onAdGroup, "invalid_params", null],
    ["update_budget", { ...onAdGroup, dailyBudgetCents: 100 }, "unsupported_operation", null],
    ["archive_adgroup", onAdGroup, "unsupported_operation", null],
    ["pause_adgroup", { campaignId }, "invalid_params", null],
    ["pause_adgroup", { ...onAdGroup, entityKind: "keyword" }, "invalid_params", null],
    ["update_bid", { campaignId, entityId: adGroupId }, "invalid_params", null],
  ] as const)("%s %j → %s", (operation, params, expected, currentTargeting) => {
    expect(code(() => plan(operation, params, "USD", { now, currentTargeting }))).toBe(expected);
  });
});

describe("planAppleWrite: keyword", () => {
  it("create - one bulk item with text, match type, status and optional bid", () => {
    expect(plan("create_keyword", keywordCreate({ bidCents: 120, status: "PAUSED" }))).toEqual({
      entity: { kind: "keyword", id: keywordId },
      created: true,
      write: { kind: "create_keyword", keyword: { text: "running shoes", matchType: "EXACT", status: "PAUSED", bidAmount: { amount: "1.20", currency: "USD" } } },
      row: { name: "running shoes", status: "paused", bidCents: 120, attributes: { matchType: "EXACT" } },
    });
    expect(plan("create_keyword", keywordCreate({ matchType: "BROAD" })).write).toEqual({ kind: "create_keyword", keyword: { text: "running shoes", matchType: "BROAD", status: "ACTIVE" } });
  });

  it.each([
    ["update_bid", { ...onKeyword, bidCents: 95 }, { kind: "update_keyword", fields: { bidAmount: { amount: "0.95", currency: "USD" } } }, { bidCents: 95 }],
    ["pause_keyword", onKeyword, { kind: "update_keyword", fields: { status: "PAUSED" } }, { status: "paused" }],
    ["resume_keyword", onKeyword, { kind: "update_keyword", fields: { status: "ACTIVE" } }, { status: "active" }],
    ["delete_keyword", onKeyword, { kind: "delete_keyword" }, { status: "deleted" }],
  ])("%s %j", (operation, params, write, row) => {
    expect(plan(operation, params)).toEqual({ write, entity: { kind: "keyword", id: keywordId }, created: false, row });
  });

  it.each([
    ["create_keyword", keywordCreate({ matchType: "PHRASE" }), "invalid_params"],
    ["create_keyword", keywordCreate({ bidCents: 1005 }), "unrepresentable_amount", "BHD"],
    ["update_bid", { ...onKeyword, bidStrategy: "MANUAL_CPT" }, "invalid_params"],
    ["update_keyword", { ...onKeyword, name: "x" }, "unsupported_operation"],
    ["update_schedule", { ...onKeyword, endTime: "2030-01-01T00:00:00Z" }, "unsupported_operation"],
    ["archive_keyword", onKeyword, "unsupported_operation"],
  ] as const)("%s %j → %s", (operation, params, expected, currency: string = "USD") => {
    expect(code(() => plan(operation, params, currency))).toBe(expected);
  });
});

describe("locateAppleWrite", () => {
  it.each([
    ["create_campaign", campaignCreate(), { load: "account", adAccountId }],
    ["create_adgroup", adGroupCreate(), { load: "parent", campaignId, ref: { kind: "campaign", id: campaignId } }],
    ["create_keyword", keywordCreate(), { load: "parent", campaignId, ref: { kind: "adgroup", id: adGroupId } }],
    ["pause_campaign", { campaignId }, { load: "target", campaignId, ref: { kind: "campaign", id: campaignId } }],
    ["update_bid", { ...onAdGroup, bidCents: 100 }, { load: "target", campaignId, ref: { kind: "adgroup", id: adGroupId } }],
    ["delete_keyword", onKeyword, { load: "target", campaignId, ref: { kind: "keyword", id: keywordId } }],
  ])("%s → %j", (operation, params, expected) => {
    expect(locateAppleWrite({ operation: operation as never, params, currency: "USD" })).toEqual(expected);
  });
});

describe("the Apple surface", () => {
  // Every capability PLATFORM_SURFACE.apple lists must plan (given fitting params), and nothing else may.
  const params: Record<string, Record<string, unknown>> = {
    "campaign:create": campaignCreate(), "campaign:rename": { campaignId, name: "x" }, "campaign:budget": { campaignId, dailyBudgetCents: 100 },
    "campaign:bid": { campaignId, bidStrategy: "MANUAL_CPT" }, "campaign:schedule": { campaignId, endTime: "2030-01-01T00:00:00Z" },
    "campaign:targeting": { campaignId, targeting: { countries: ["US"] } },
    "adgroup:create": adGroupCreate(), "adgroup:rename": { ...onAdGroup, name: "x" }, "adgroup:bid": { ...onAdGroup, bidCents: 100 },
    "adgroup:schedule": { ...onAdGroup, endTime: "2030-01-01T00:00:00Z" }, "adgroup:targeting": { ...onAdGroup, targeting: { genders: ["male"] } },
    "keyword:create": keywordCreate(), "keyword:bid": { ...onKeyword, bidCents: 100 },
  };
  const cases = (["campaign", "adgroup", "keyword"] as const).flatMap((level) =>
    PLATFORM_SURFACE.apple[level]!.capabilities.map((cap) => [level, cap] as [EntityKind, Capability]),
  );
  it.each(cases)("%s %s plans", (level, cap) => {
    const p = params[`${level}:${cap}`] ?? (level === "campaign" ? { campaignId } : level === "adgroup" ? onAdGroup : onKeyword);
    const planned = plan(operationFor(level, cap), p);
    expect(planned.entity.kind).toBe(level);
  });
});
