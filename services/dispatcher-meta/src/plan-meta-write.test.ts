import { describe, expect, it } from "vitest";
import { newId, type Operation } from "@layers/contracts";
import { PermanentError } from "@layers/runtime";
import { OPTIMIZATION_GOAL_OF_OBJECTIVE } from "./map-adset.ts";
import type { MetaPlan } from "./meta-plan.ts";
import { loadRefOf, META_OPERATIONS, planMetaWrite, type KnownEntity, type PlanContext } from "./plan-meta-write.ts";
import { paramsIssue } from "@layers/contracts";

const campaignId = newId("campaign");
const adSetId = newId("adSet");
const adId = newId("ad");
const intentId = newId("intent");
const adAccountId = newId("adAccount");

const campaign: KnownEntity = { kind: "campaign", id: campaignId, campaignId, platformId: "100", targeting: null };
const adSet: KnownEntity = { kind: "adset", id: adSetId, campaignId, platformId: "200", targeting: { countries: ["US"], ageMin: 18 } };
const ad: KnownEntity = { kind: "ad", id: adId, campaignId, platformId: "300", targeting: null };

const onAdSet = { campaignId, entityKind: "adset", entityId: adSetId };
const onAd = { campaignId, entityKind: "ad", entityId: adId };
const spec = { primaryText: "Buy now", linkUrl: "https://example.com/p", headline: "Sale", imageUrl: "https://cdn.example.com/a.jpg", callToAction: "SHOP_NOW", pageId: "4242" } as const;
const linkStory = {
  page_id: "4242",
  link_data: { link: "https://example.com/p", message: "Buy now", name: "Sale", picture: "https://cdn.example.com/a.jpg", call_to_action: { type: "SHOP_NOW" } },
};

/** As the dispatcher sees it: what the dispatch contract refuses at the consumer's edge shows as `invalid_params`. */
function plan(operation: string, params: Record<string, unknown>, ctx: PlanContext = {}, currency = "USD"): MetaPlan {
  const planned = planMetaWrite({ intentId, operation: operation as Operation, params, currency }, ctx);
  const issue = paramsIssue(operation as Operation, params);
  if (issue) throw new PermanentError("invalid_params", issue);
  return planned;
}

function permanentCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof PermanentError) return e.code;
    throw e;
  }
  return undefined;
}

describe("META_OPERATIONS", () => {
  it("is every operation PLATFORM_SURFACE.meta lists, at the levels it lists", () => {
    expect([...META_OPERATIONS.keys()].sort()).toEqual([
      "archive_ad", "archive_adset", "archive_campaign", "create_ad", "create_adset", "create_campaign",
      "delete_ad", "delete_adset", "delete_campaign", "pause_ad", "pause_adset", "pause_campaign",
      "prune_creative", "push_creative", "replace_creative", "resume_ad", "resume_adset", "resume_campaign",
      "update_ad", "update_adset", "update_bid", "update_budget", "update_campaign", "update_schedule", "update_targeting",
    ]);
    expect(META_OPERATIONS.get("update_budget")?.kinds).toEqual(["campaign", "adset"]);
    expect(META_OPERATIONS.get("update_targeting")?.kinds).toEqual(["adset"]);
    expect(META_OPERATIONS.get("push_creative")?.kinds).toEqual(["ad"]);
  });
});

describe("loadRefOf", () => {
  it.each([
    ["create_campaign", { campaignId, adAccountId }, { adAccountId }],
    ["create_adset", { campaignId, entityId: adSetId }, { entity: { kind: "campaign", id: campaignId } }],
    ["create_ad", { campaignId, entityId: adId, parentId: adSetId }, { entity: { kind: "adset", id: adSetId } }],
    ["push_creative", { campaignId, entityId: adId, parentId: adSetId }, { entity: { kind: "adset", id: adSetId } }],
    ["pause_campaign", { campaignId }, { entity: { kind: "campaign", id: campaignId } }],
    ["update_budget", onAdSet, { entity: { kind: "adset", id: adSetId } }],
    ["replace_creative", onAd, { entity: { kind: "ad", id: adId } }],
  ])("%s loads %j", (operation, params, ref) => {
    expect(loadRefOf({ operation: operation as Operation, params })).toEqual(ref);
  });

  it("refuses operations Meta does not have before reading anything", () => {
    expect(permanentCode(() => loadRefOf({ operation: "create_keyword", params: { campaignId } }))).toBe("unsupported_operation");
    expect(permanentCode(() => loadRefOf({ operation: "create_ad", params: { campaignId } }))).toBe("invalid_params");
  });
});

describe("planMetaWrite: changes to existing objects", () => {
  const iso = "2030-01-01T00:00:00.000Z";
  const iso2 = "2030-02-01T00:00:00.000Z";
  it.each<[string, string, Record<string, unknown>, KnownEntity, string, Record<string, unknown>, Record<string, unknown>]>([
    ["rename campaign", "update_campaign", { campaignId, name: "New" }, campaign, "USD", { name: "New" }, { name: "New" }],
    ["rename ad set", "update_adset", { ...onAdSet, name: "New" }, adSet, "USD", { name: "New" }, { name: "New" }],
    ["rename ad", "update_ad", { ...onAd, name: "New" }, ad, "USD", { name: "New" }, { name: "New" }],
    ["campaign daily budget USD", "update_budget", { campaignId, dailyBudgetCents: 7500 }, campaign, "USD", { daily_budget: 7500 }, { dailyBudgetCents: 7500 }],
    ["campaign daily budget JPY", "update_budget", { campaignId, dailyBudgetCents: 7500 }, campaign, "JPY", { daily_budget: 7500 }, { dailyBudgetCents: 7500 }],
    ["ad set lifetime budget BHD", "update_budget", { ...onAdSet, lifetimeBudgetCents: 20000 }, adSet, "BHD", { lifetime_budget: 2000 }, { lifetimeBudgetCents: 20000 }],
    ["ad set daily budget JPY", "update_budget", { ...onAdSet, dailyBudgetCents: 3000 }, adSet, "JPY", { daily_budget: 3000 }, { dailyBudgetCents: 3000 }],
    ["campaign bid strategy", "update_bid", { campaignId, bidStrategy: "LOWEST_COST_WITHOUT_CAP" }, campaign, "USD", { bid_strategy: "LOWEST_COST_WITHOUT_CAP" }, { bidStrategy: "LOWEST_COST_WITHOUT_CAP" }],
    ["ad set bid USD", "update_bid", { ...onAdSet, bidCents: 250, bidStrategy: "COST_CAP" }, adSet, "USD", { bid_amount: 250, bid_strategy: "COST_CAP" }, { bidCents: 250, bidStrategy: "COST_CAP" }],
    ["ad set bid JPY", "update_bid", { ...onAdSet, bidCents: 300 }, adSet, "JPY", { bid_amount: 300 }, { bidCents: 300 }],
    ["ad set bid BHD", "update_bid", { ...onAdSet, bidCents: 1500 }, adSet, "BHD", { bid_amount: 150 }, { bidCents: 1500 }],
    ["campaign schedule", "update_schedule", { campaignId, startTime: iso, endTime: iso2 }, campaign, "USD", { start_time: iso, stop_time: iso2 }, { startTime: iso, endTime: iso2 }],
    ["ad set end", "update_schedule", { ...onAdSet, endTime: iso2 }, adSet, "USD", { end_time: iso2 }, { endTime: iso2 }],
    [
      "ad set targeting, merged over what it has",
      "update_targeting",
      { ...onAdSet, targeting: { ageMin: 25, ageMax: 40, genders: ["female"] } },
      adSet,
      "USD",
      { targeting: { geo_locations: { countries: ["US"] }, age_min: 25, age_max: 40, genders: [2] } },
      { targeting: { countries: ["US"], ageMin: 25, ageMax: 40, genders: ["female"] } },
    ],
    [
      "ad set targeting, new countries",
      "update_targeting",
      { ...onAdSet, targeting: { countries: ["JP", "DE"], genders: ["male", "female"] } },
      adSet,
      "USD",
      { targeting: { geo_locations: { countries: ["JP", "DE"] }, age_min: 18, genders: [1, 2] } },
      { targeting: { countries: ["JP", "DE"], ageMin: 18, genders: ["male", "female"] } },
    ],
    ["pause campaign", "pause_campaign", { campaignId }, campaign, "USD", { status: "PAUSED" }, { status: "paused" }],
    ["resume campaign", "resume_campaign", { campaignId }, campaign, "USD", { status: "ACTIVE" }, { status: "active" }],
    ["archive campaign", "archive_campaign", { campaignId }, campaign, "USD", { status: "ARCHIVED" }, { status: "archived" }],
    ["delete campaign", "delete_campaign", { campaignId }, campaign, "USD", { status: "DELETED" }, { status: "deleted" }],
    ["pause ad set", "pause_adset", onAdSet, adSet, "USD", { status: "PAUSED" }, { status: "paused" }],
    ["resume ad set", "resume_adset", onAdSet, adSet, "USD", { status: "ACTIVE" }, { status: "active" }],
    ["archive ad set", "archive_adset", onAdSet, adSet, "USD", { status: "ARCHIVED" }, { status: "archived" }],
    ["delete ad set", "delete_adset", onAdSet, adSet, "USD", { status: "DELETED" }, { status: "deleted" }],
    ["pause ad", "pause_ad", onAd, ad, "USD", { status: "PAUSED" }, { status: "paused" }],
    ["resume ad", "resume_ad", onAd, ad, "USD", { status: "ACTIVE" }, { status: "active" }],
    ["archive ad", "archive_ad", onAd, ad, "USD", { status: "ARCHIVED" }, { status: "archived" }],
    ["delete ad", "delete_ad", onAd, ad, "USD", { status: "DELETED" }, { status: "deleted" }],
    ["prune an ad's creative", "prune_creative", onAd, ad, "USD", { status: "PAUSED" }, { status: "paused", attributes: { creativePruned: true } }],
  ])("%s: %s → POST /{id} %j", (_name, operation, params, known, currency, fields, row) => {
    expect(plan(operation, params, { known }, currency)).toEqual({
      call: { kind: "update", level: known.kind, id: known.platformId, fields },
      entity: { kind: known.kind, id: known.id },
      created: false,
      row,
    });
  });

  it("replace_creative makes a creative named for the ad and intent, then swaps it onto the ad", () => {
    expect(plan("replace_creative", { ...onAd, creative: spec }, { known: ad })).toEqual({
      call: {
        kind: "replace_creative",
        adId: "300",
        creative: { name: `layers:${adId}:${intentId}`, fields: { name: `layers:${adId}:${intentId}`, object_story_spec: linkStory } },
      },
      entity: { kind: "ad", id: adId },
      created: false,
      row: { creative: spec },
    });
  });
});

describe("planMetaWrite: creates", () => {
  const createAdSet = (over: Record<string, unknown> = {}) => ({
    campaignId,
    entityId: adSetId,
    name: "Adults US",
    status: "PAUSED",
    targeting: { countries: ["US", "CA"], ageMin: 21, ageMax: 55, genders: ["female"] },
    ...over,
  });
  const salesCampaign = { objective: "OUTCOME_SALES", outcome: "conversions" };

  it("create_campaign keeps the marker adlabel and budget in Meta units", () => {
    const p = plan("create_campaign", {
      campaignId, adAccountId, name: "Spring", outcome: "traffic", dailyBudgetCents: 5000, status: "PAUSED", specialAdCategories: [],
      authority: { creative: "auto", tactical: "auto", structural: "auto" },
    });
    expect(p).toMatchObject({
      call: { kind: "create_campaign", marker: `layers:${campaignId}`, fields: { objective: "OUTCOME_TRAFFIC", daily_budget: 5000, adlabels: [{ name: `layers:${campaignId}` }] } },
      entity: { kind: "campaign", id: campaignId },
      created: true,
      row: { status: "paused", objective: "OUTCOME_TRAFFIC", dailyBudgetCents: 5000 },
    });
  });

  it("create_adset: the Graph fields, defaults and marker, and the row in contract units", () => {
    const start = "2030-01-01T00:00:00.000Z";
    const end = "2030-03-01T00:00:00.000Z";
    const p = plan("create_adset", createAdSet({ dailyBudgetCents: 2500, bidCents: 120, bidStrategy: "LOWEST_COST_WITH_BID_CAP", startTime: start, endTime: end }), {
      known: campaign,
      campaignGoal: salesCampaign,
    });
    expect(p).toEqual({
      call: {
        kind: "create_adset",
        campaignId: "100",
        marker: `layers:${adSetId}`,
        fields: {
          name: "Adults US",
          campaign_id: "100",
          billing_event: "IMPRESSIONS",
          optimization_goal: "OFFSITE_CONVERSIONS",
          targeting: { geo_locations: { countries: ["US", "CA"] }, age_min: 21, age_max: 55, genders: [2] },
          status: "PAUSED",
          daily_budget: 2500,
          bid_amount: 120,
          bid_strategy: "LOWEST_COST_WITH_BID_CAP",
          start_time: start,
          end_time: end,
          adlabels: [{ name: `layers:${adSetId}` }],
        },
      },
      entity: { kind: "adset", id: adSetId },
      created: true,
      row: {
        status: "paused",
        dailyBudgetCents: 2500,
        bidCents: 120,
        bidStrategy: "LOWEST_COST_WITH_BID_CAP",
        startTime: start,
        endTime: end,
        targeting: { countries: ["US", "CA"], ageMin: 21, ageMax: 55, genders: ["female"] },
        attributes: { billingEvent: "IMPRESSIONS", optimizationGoal: "OFFSITE_CONVERSIONS" },
      },
    });
  });

  it.each(Object.entries(OPTIMIZATION_GOAL_OF_OBJECTIVE))("a campaign with objective %s gets ad sets optimising for %s", (objective, goal) => {
    expect(plan("create_adset", createAdSet(), { known: campaign, campaignGoal: { objective, outcome: null } }).call).toMatchObject({ fields: { optimization_goal: goal } });
  });

  it("falls back to the outcome, and a named goal and billing event win", () => {
    expect(plan("create_adset", createAdSet(), { known: campaign, campaignGoal: { objective: null, outcome: "traffic" } }).call).toMatchObject({ fields: { optimization_goal: "LINK_CLICKS" } });
    expect(plan("create_adset", createAdSet({ optimizationGoal: "LINK_CLICKS", billingEvent: "LINK_CLICKS" }), { known: campaign }).call).toMatchObject({
      fields: { optimization_goal: "LINK_CLICKS", billing_event: "LINK_CLICKS" },
    });
  });

  it.each([
    ["USD", 2500, 150, 2500, 150],
    ["JPY", 3000, 40, 3000, 40],
    ["BHD", 12340, 1500, 1234, 150],
  ])("create_adset money in %s: budget %d → %d, bid %d → %d", (currency, budget, bid, metaBudget, metaBid) => {
    const p = plan("create_adset", createAdSet({ lifetimeBudgetCents: budget, bidCents: bid }), { known: campaign, campaignGoal: salesCampaign }, currency);
    expect(p.call).toMatchObject({ fields: { lifetime_budget: metaBudget, bid_amount: metaBid } });
    expect(p.row).toMatchObject({ lifetimeBudgetCents: budget, bidCents: bid });
  });

  it.each(["create_ad", "push_creative"])("%s: a creative named for the ad and intent, then the ad with its marker", (operation) => {
    const p = plan(operation, { campaignId, entityId: adId, parentId: adSetId, name: "Ad 1", status: "ACTIVE", creative: spec }, { known: adSet });
    expect(p).toEqual({
      call: {
        kind: "create_ad",
        adSetId: "200",
        marker: `layers:${adId}`,
        creative: { name: `layers:${adId}:${intentId}`, fields: { name: `layers:${adId}:${intentId}`, object_story_spec: linkStory } },
        fields: { name: "Ad 1", adset_id: "200", status: "ACTIVE", adlabels: [{ name: `layers:${adId}` }] },
      },
      entity: { kind: "ad", id: adId },
      created: true,
      row: { status: "active", creative: spec },
    });
  });

  it("a video creative goes as video_data, linking through its call to action", () => {
    const video = { primaryText: "Watch", linkUrl: "https://example.com/v", videoId: "777", imageUrl: "https://cdn.example.com/t.jpg", pageId: "4242" };
    const p = plan("push_creative", { campaignId, entityId: adId, parentId: adSetId, name: "V", status: "PAUSED", creative: video }, { known: adSet });
    expect(p.call).toMatchObject({
      creative: {
        fields: {
          object_story_spec: {
            page_id: "4242",
            video_data: { video_id: "777", image_url: "https://cdn.example.com/t.jpg", message: "Watch", call_to_action: { type: "LEARN_MORE", value: { link: "https://example.com/v" } } },
          },
        },
      },
    });
  });
});

describe("planMetaWrite: refusals before any call", () => {
  const adParams = (creative: Record<string, unknown> = spec) => ({ campaignId, entityId: adId, parentId: adSetId, name: "Ad", status: "PAUSED", creative });
  const adSetParams = (over: Record<string, unknown> = {}) => ({ campaignId, entityId: adSetId, name: "S", status: "PAUSED", targeting: { countries: ["US"] }, ...over });
  it.each<[string, string, Record<string, unknown>, PlanContext, string, string]>([
    ["an operation Meta lacks", "create_keyword", { campaignId }, {}, "USD", "unsupported_operation"],
    ["a TikTok level", "update_adgroup", { campaignId, name: "x" }, {}, "USD", "unsupported_operation"],
    ["a bid amount on a campaign", "update_bid", { campaignId, bidCents: 100 }, { known: campaign }, "USD", "invalid_params"],
    ["an unknown bid strategy", "update_bid", { ...onAdSet, bidStrategy: "MAX_CONVERSIONS" }, { known: adSet }, "USD", "invalid_params"],
    ["both budget types", "update_budget", { campaignId, dailyBudgetCents: 100, lifetimeBudgetCents: 100 }, { known: campaign }, "USD", "invalid_params"],
    ["an empty budget", "update_budget", { campaignId }, { known: campaign }, "USD", "invalid_params"],
    ["a budget on an ad", "update_budget", { ...onAd, dailyBudgetCents: 100 }, { known: ad }, "USD", "invalid_params"],
    ["a budget Meta cannot hold", "update_budget", { ...onAdSet, dailyBudgetCents: 12345 }, { known: adSet }, "BHD", "unrepresentable_amount"],
    ["a bid Meta cannot hold", "update_bid", { ...onAdSet, bidCents: 1005 }, { known: adSet }, "KWD", "unrepresentable_amount"],
    ["targeting on a campaign", "update_targeting", { campaignId, targeting: { countries: ["US"] } }, { known: campaign }, "USD", "invalid_params"],
    ["TikTok location ids", "update_targeting", { ...onAdSet, targeting: { locationIds: ["6252001"] } }, { known: adSet }, "USD", "invalid_params"],
    ["targeting left without countries", "update_targeting", { ...onAdSet, targeting: { ageMin: 30 } }, { known: { ...adSet, targeting: null } }, "USD", "invalid_params"],
    ["an ad set pause aimed at an ad", "pause_adset", onAd, { known: ad }, "USD", "invalid_params"],
    ["params outside the contract", "update_adset", { ...onAdSet, name: "x", surprise: 1 }, { known: adSet }, "USD", "invalid_params"],
    ["an object never created on Meta", "pause_adset", onAdSet, { known: { ...adSet, platformId: null } }, "USD", "entity_not_on_platform"],
    ["an ad set without targeting", "create_adset", adSetParams({ targeting: undefined }), { known: campaign }, "USD", "invalid_params"],
    ["an Apple field on an ad set", "create_adset", adSetParams({ pricingModel: "CPC", optimizationGoal: "REACH" }), { known: campaign }, "USD", "invalid_params"],
    ["no goal for the objective", "create_adset", adSetParams(), { known: campaign, campaignGoal: { objective: null, outcome: null } }, "USD", "invalid_params"],
    ["an ad set under a campaign not on Meta", "create_adset", adSetParams({ optimizationGoal: "REACH" }), { known: { ...campaign, platformId: null } }, "USD", "entity_not_on_platform"],
    ["a creative without a page", "create_ad", adParams({ primaryText: "x", linkUrl: "https://e.com" }), { known: adSet }, "USD", "invalid_params"],
    ["a video without a thumbnail", "push_creative", adParams({ primaryText: "x", linkUrl: "https://e.com", videoId: "9", pageId: "1" }), { known: adSet }, "USD", "invalid_params"],
    ["an ad set of another campaign", "create_ad", adParams(), { known: { ...adSet, campaignId: newId("campaign") } }, "USD", "invalid_params"],
    ["an ad under an ad set not on Meta", "create_ad", adParams(), { known: { ...adSet, platformId: null } }, "USD", "entity_not_on_platform"],
  ])("%s (%s) → %s", (_name, operation, params, ctx, currency, code) => {
    expect(permanentCode(() => plan(operation, params, ctx, currency))).toBe(code);
  });
});
