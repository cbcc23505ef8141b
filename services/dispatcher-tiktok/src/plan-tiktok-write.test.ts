import { describe, expect, it } from "vitest";
import { newId, type Operation } from "@layers/contracts";
import { PermanentError } from "@layers/runtime";
import { loadRefOf, planTikTokWrite, TIKTOK_OPERATIONS, type KnownEntity, type TikTokPlan } from "./plan-tiktok-write.ts";
import { tiktokRequestId } from "./tiktok/index.ts";

const CMP = newId("campaign");
const AG = newId("adGroup");
const AD = newId("ad");
const AA = newId("adAccount");
const INTENT = newId("intent");
const NOW = new Date("2030-01-01T10:00:00.250Z");
const AUTO = { creative: "auto", tactical: "auto", structural: "auto" };

const campaign: KnownEntity = { kind: "campaign", id: CMP, campaignId: CMP, platformId: "1700000000000000001", parentPlatformId: null, name: "C", dailyBudgetCents: 5000, lifetimeBudgetCents: null };
const adgroup: KnownEntity = { kind: "adgroup", id: AG, campaignId: CMP, platformId: "1700000000000000002", parentPlatformId: null, name: "G", dailyBudgetCents: null, lifetimeBudgetCents: 90000 };
const ad: KnownEntity = { kind: "ad", id: AD, campaignId: CMP, platformId: "1700000000000000003", parentPlatformId: "1700000000000000002", name: "A", dailyBudgetCents: null, lifetimeBudgetCents: null };

const createCampaign = { campaignId: CMP, adAccountId: AA, name: "Spring", outcome: "traffic", authority: AUTO, status: "ACTIVE", specialAdCategories: [] };
const createAdgroup = { campaignId: CMP, entityId: AG, name: "US adults", status: "ACTIVE", targeting: { locationIds: ["6252001"] } };
const creative = { primaryText: "Hello", linkUrl: "https://example.com/a" };
const createAd = { campaignId: CMP, entityId: AD, parentId: AG, name: "Ad 1", status: "PAUSED", creative: { ...creative, callToAction: "DOWNLOAD", videoId: "v_1" } };
const onAdgroup = { campaignId: CMP, entityKind: "adgroup", entityId: AG };
const onAd = { campaignId: CMP, entityKind: "ad", entityId: AD };

function plan(operation: Operation, params: Record<string, unknown>, known?: KnownEntity, currency = "USD"): TikTokPlan {
  return planTikTokWrite({ intentId: INTENT, operation, params, currency }, { known, now: NOW });
}

function refusal(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (err) {
    if (err instanceof PermanentError) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error("expected a PermanentError");
}

describe("TIKTOK_OPERATIONS", () => {
  it("is every TikTok operation of the platform surface, and nothing Meta- or Apple-only", () => {
    expect([...TIKTOK_OPERATIONS.keys()].sort()).toEqual(
      [
        "create_campaign", "update_campaign", "update_budget", "pause_campaign", "resume_campaign", "delete_campaign",
        "create_adgroup", "update_adgroup", "update_bid", "update_schedule", "update_targeting", "pause_adgroup", "resume_adgroup", "delete_adgroup", "push_creative",
        "create_ad", "update_ad", "pause_ad", "resume_ad", "delete_ad", "replace_creative", "prune_creative",
      ].sort(),
    );
  });
});

describe("loadRefOf", () => {
  it.each([
    ["create_campaign", createCampaign, { adAccountId: AA }],
    ["create_adgroup", createAdgroup, { entity: { kind: "campaign", id: CMP } }],
    ["create_ad", createAd, { entity: { kind: "adgroup", id: AG } }],
    ["push_creative", createAd, { entity: { kind: "adgroup", id: AG } }],
    ["pause_campaign", { campaignId: CMP }, { entity: { kind: "campaign", id: CMP } }],
    ["update_bid", { ...onAdgroup, bidCents: 100 }, { entity: { kind: "adgroup", id: AG } }],
    ["prune_creative", onAd, { entity: { kind: "ad", id: AD } }],
  ] as const)("%s loads %j", (operation, params, want) => {
    expect(loadRefOf({ operation, params })).toEqual(want);
  });

  it("refuses operations TikTok does not have before reading anything", () => {
    expect(refusal(() => loadRefOf({ operation: "archive_campaign", params: { campaignId: CMP } })).code).toBe("unsupported_operation");
    expect(refusal(() => loadRefOf({ operation: "create_keyword", params: { campaignId: CMP } })).code).toBe("unsupported_operation");
    expect(refusal(() => loadRefOf({ operation: "create_ad", params: { campaignId: CMP } })).code).toBe("invalid_params");
  });
});

describe("planTikTokWrite - the call and the row of every operation", () => {
  const cases: Array<[string, Operation, Record<string, unknown>, KnownEntity | undefined, Partial<TikTokPlan>]> = [
    [
      "create_campaign, daily USD budget, active",
      "create_campaign", { ...createCampaign, dailyBudgetCents: 5050 }, undefined,
      {
        call: {
          kind: "create_campaign", requestId: tiktokRequestId(INTENT),
          fields: { campaign_name: "Spring", objective_type: "TRAFFIC", budget_mode: "BUDGET_MODE_DAY", budget: 50.5, operation_status: "ENABLE" },
        },
        entity: { kind: "campaign", id: CMP }, created: true, row: { status: "active", objective: "TRAFFIC", dailyBudgetCents: 5050 },
      },
    ],
    [
      "create_campaign, lifetime budget, paused, industries and CBO",
      "create_campaign", { ...createCampaign, outcome: "app_installs", lifetimeBudgetCents: 500000, status: "PAUSED", specialIndustries: ["CREDIT"], budgetOptimizeOn: true }, undefined,
      {
        call: {
          kind: "create_campaign", requestId: tiktokRequestId(INTENT),
          fields: {
            campaign_name: "Spring", objective_type: "APP_PROMOTION", budget_mode: "BUDGET_MODE_TOTAL", budget: 5000, operation_status: "DISABLE",
            special_industries: ["CREDIT"], budget_optimize_on: true,
          },
        },
        row: { status: "paused", objective: "APP_PROMOTION", lifetimeBudgetCents: 500000 },
      },
    ],
    [
      "create_campaign without a budget",
      "create_campaign", { ...createCampaign, outcome: "conversions" }, undefined,
      {
        call: {
          kind: "create_campaign", requestId: tiktokRequestId(INTENT),
          fields: { campaign_name: "Spring", objective_type: "WEB_CONVERSIONS", budget_mode: "BUDGET_MODE_INFINITE", operation_status: "ENABLE" },
        },
      },
    ],
    [
      "create_adgroup with everything set",
      "create_adgroup",
      {
        ...createAdgroup, status: "PAUSED", lifetimeBudgetCents: 90000, bidCents: 125, billingEvent: "CPC", optimizationGoal: "CLICK", pacing: "PACING_MODE_FAST",
        startTime: "2030-02-01T02:00:00+02:00", endTime: "2030-03-01T00:00:00Z", targeting: { locationIds: ["6252001", "1861060"] },
      },
      campaign,
      {
        call: {
          kind: "create_adgroup", requestId: tiktokRequestId(INTENT),
          fields: {
            campaign_id: campaign.platformId, adgroup_name: "US adults", billing_event: "CPC", optimization_goal: "CLICK", location_ids: ["6252001", "1861060"],
            schedule_type: "SCHEDULE_START_END", schedule_start_time: "2030-02-01 00:00:00", schedule_end_time: "2030-03-01 00:00:00",
            budget_mode: "BUDGET_MODE_TOTAL", budget: 900, pacing: "PACING_MODE_FAST", operation_status: "DISABLE", bid_type: "BID_TYPE_CUSTOM", bid_price: 1.25,
          },
        },
        entity: { kind: "adgroup", id: AG }, created: true,
        row: {
          status: "paused", lifetimeBudgetCents: 90000, bidCents: 125, startTime: "2030-02-01T00:00:00.000Z", endTime: "2030-03-01T00:00:00.000Z",
          targeting: { locationIds: ["6252001", "1861060"] },
        },
      },
    ],
    [
      "create_adgroup with the defaults: starts at the next whole second, OCPM, smooth pacing",
      "create_adgroup", { ...createAdgroup, dailyBudgetCents: 2000 }, campaign,
      {
        call: {
          kind: "create_adgroup", requestId: tiktokRequestId(INTENT),
          fields: {
            campaign_id: campaign.platformId, adgroup_name: "US adults", billing_event: "OCPM", location_ids: ["6252001"], schedule_type: "SCHEDULE_FROM_NOW",
            schedule_start_time: "2030-01-01 10:00:01", budget_mode: "BUDGET_MODE_DAY", budget: 20, pacing: "PACING_MODE_SMOOTH", operation_status: "ENABLE",
          },
        },
        row: { status: "active", dailyBudgetCents: 2000, startTime: "2030-01-01T10:00:01.000Z", targeting: { locationIds: ["6252001"] } },
      },
    ],
    ...(["create_ad", "push_creative"] as const).map((op): [string, Operation, Record<string, unknown>, KnownEntity, Partial<TikTokPlan>] => [
      `${op}: a new ad with TikTok's creative fields, created paused`,
      op, createAd, adgroup,
      {
        call: {
          kind: "create_ad", adgroupId: adgroup.platformId!,
          creative: { ad_name: "Ad 1", operation_status: "DISABLE", ad_text: "Hello", landing_page_url: "https://example.com/a", call_to_action: "DOWNLOAD_NOW", ad_format: "SINGLE_VIDEO", video_id: "v_1" },
        },
        entity: { kind: "ad", id: AD }, created: true, row: { status: "paused", creative: createAd.creative },
      },
    ]),
    ["rename a campaign", "update_campaign", { campaignId: CMP, name: "Autumn" }, campaign, { call: { kind: "update", level: "campaign", id: campaign.platformId!, fields: { campaign_name: "Autumn" } }, row: { name: "Autumn" } }],
    ["rename an ad group", "update_adgroup", { ...onAdgroup, name: "G2" }, adgroup, { call: { kind: "update", level: "adgroup", id: adgroup.platformId!, fields: { adgroup_name: "G2" } }, row: { name: "G2" } }],
    ["rename an ad", "update_ad", { ...onAd, name: "A2" }, ad, { call: { kind: "update", level: "ad", id: ad.platformId!, adgroupId: ad.parentPlatformId!, fields: { ad_name: "A2" } }, row: { name: "A2" } }],
    ...([
      ["pause", "DISABLE", "paused"],
      ["resume", "ENABLE", "active"],
      ["delete", "DELETE", "deleted"],
    ] as const).flatMap(([verb, status, word]) =>
      ([[campaign, { campaignId: CMP }], [adgroup, onAdgroup], [ad, onAd]] as const).map(([k, params]): [string, Operation, Record<string, unknown>, KnownEntity, Partial<TikTokPlan>] => [
        `${verb} ${k.kind}`, `${verb}_${k.kind}` as Operation, params, k,
        { call: { kind: "status", level: k.kind as "campaign", id: k.platformId!, status }, entity: { kind: k.kind, id: k.id }, created: false, row: { status: word } },
      ]),
    ),
    ["daily budget of a campaign", "update_budget", { campaignId: CMP, dailyBudgetCents: 7599 }, campaign, { call: { kind: "update", level: "campaign", id: campaign.platformId!, fields: { budget: 75.99 } }, row: { dailyBudgetCents: 7599 } }],
    ["lifetime budget of an ad group", "update_budget", { ...onAdgroup, lifetimeBudgetCents: 120000 }, adgroup, { call: { kind: "update", level: "adgroup", id: adgroup.platformId!, fields: { budget: 1200 } }, row: { lifetimeBudgetCents: 120000 } }],
    ["bid of an ad group", "update_bid", { ...onAdgroup, bidCents: 250 }, adgroup, { call: { kind: "update", level: "adgroup", id: adgroup.platformId!, fields: { bid_price: 2.5 } }, row: { bidCents: 250 } }],
    [
      "end time of an ad group", "update_schedule", { ...onAdgroup, endTime: "2030-06-30T23:59:59Z" }, adgroup,
      { call: { kind: "update", level: "adgroup", id: adgroup.platformId!, fields: { schedule_type: "SCHEDULE_START_END", schedule_end_time: "2030-06-30 23:59:59" } }, row: { endTime: "2030-06-30T23:59:59.000Z" } },
    ],
    [
      "locations of an ad group", "update_targeting", { ...onAdgroup, targeting: { locationIds: ["1861060"] } }, adgroup,
      { call: { kind: "update", level: "adgroup", id: adgroup.platformId!, fields: { location_ids: ["1861060"] } }, row: { targeting: { locationIds: ["1861060"] } } },
    ],
    [
      "replace an ad's creative", "replace_creative", { ...onAd, creative: { ...creative, callToAction: "BOOK_TRAVEL" } }, ad,
      {
        call: { kind: "update", level: "ad", id: ad.platformId!, adgroupId: ad.parentPlatformId!, fields: { ad_text: "Hello", landing_page_url: "https://example.com/a", call_to_action: "BOOK_NOW" } },
        row: { creative: { ...creative, callToAction: "BOOK_TRAVEL" } },
      },
    ],
    ["prune an ad's creative", "prune_creative", onAd, ad, { call: { kind: "status", level: "ad", id: ad.platformId!, status: "DISABLE" }, row: { status: "paused", attributes: { creativePruned: true } } }],
  ];

  it.each(cases)("%s", (_name, operation, params, known, want) => {
    expect(plan(operation, params, known)).toMatchObject(want);
    // The whole row, not just a subset: nothing else is written to Layers.
    if (want.row) expect(plan(operation, params, known).row).toEqual(want.row);
    if (want.call) expect(plan(operation, params, known).call).toEqual(want.call);
  });
});

describe("planTikTokWrite - money in JPY and BHD", () => {
  it("sends yen as whole units and 3-decimal dinars with at most two decimals", () => {
    expect(plan("create_campaign", { ...createCampaign, dailyBudgetCents: 5000 }, undefined, "JPY").call).toMatchObject({ fields: { budget: 5000 } });
    expect(plan("update_bid", { ...onAdgroup, bidCents: 1230 }, adgroup, "BHD").call).toMatchObject({ fields: { bid_price: 1.23 } });
    expect(refusal(() => plan("update_bid", { ...onAdgroup, bidCents: 1234 }, adgroup, "BHD"))).toMatchObject({ code: "unrepresentable_amount" });
    expect(refusal(() => plan("create_campaign", { ...createCampaign, dailyBudgetCents: 50005 }, undefined, "BHD"))).toMatchObject({ code: "unrepresentable_amount" });
  });
});

describe("planTikTokWrite - what TikTok cannot take is refused before any call", () => {
  const cases: Array<[string, Operation, Record<string, unknown>, KnownEntity | undefined, string, RegExp?]> = [
    ["archive: TikTok has no archive", "archive_campaign", { campaignId: CMP }, campaign, "unsupported_operation"],
    ["an unknown outcome", "create_campaign", { ...createCampaign, outcome: "vibes" }, undefined, "unsupported_outcome"],
    ["a campaign bid strategy", "create_campaign", { ...createCampaign, bidStrategy: "COST_CAP" }, undefined, "invalid_params", /bidStrategy/],
    ["Meta special ad categories", "create_campaign", { ...createCampaign, specialAdCategories: ["HOUSING"] }, undefined, "invalid_params", /specialIndustries/],
    ["two budgets", "create_campaign", { ...createCampaign, dailyBudgetCents: 5000, lifetimeBudgetCents: 9000 }, undefined, "invalid_params", /not both/],
    ["an ad group without locations", "create_adgroup", { ...createAdgroup, targeting: undefined }, campaign, "invalid_params", /locationIds/],
    ["an ad group targeting countries", "create_adgroup", { ...createAdgroup, targeting: { locationIds: ["1"], countries: ["US"] } }, campaign, "invalid_params", /countries/],
    ["a lifetime ad group budget without an end", "create_adgroup", { ...createAdgroup, lifetimeBudgetCents: 9000 }, campaign, "invalid_params", /endTime/],
    ["a start time with milliseconds", "create_adgroup", { ...createAdgroup, startTime: "2030-01-01T00:00:00.500Z" }, campaign, "invalid_params", /fraction of a second/],
    ["an Apple pricing model", "create_adgroup", { ...createAdgroup, pricingModel: "CPC" }, campaign, "invalid_params", /pricingModel/],
    ["an ad group under a campaign never created", "create_adgroup", createAdgroup, { ...campaign, platformId: null }, "entity_not_on_platform"],
    ["an ad under an ad group of another campaign", "create_ad", createAd, { ...adgroup, campaignId: newId("campaign") }, "invalid_params", /not in campaign/],
    ["a headline", "create_ad", { ...createAd, creative: { ...creative, headline: "Big" } }, adgroup, "invalid_params", /headline/],
    ["an image URL", "replace_creative", { ...onAd, creative: { ...creative, imageUrl: "https://example.com/i.png" } }, ad, "invalid_params", /imageUrl/],
    ["a daily budget for a lifetime ad group", "update_budget", { ...onAdgroup, dailyBudgetCents: 3000 }, adgroup, "invalid_params", /lifetime budget/],
    ["a lifetime budget for a daily campaign", "update_budget", { campaignId: CMP, lifetimeBudgetCents: 3000 }, campaign, "invalid_params", /daily budget/],
    ["a budget on an ad", "update_budget", { ...onAd, dailyBudgetCents: 3000 }, ad, "unsupported_operation"],
    ["a bid on a campaign", "update_bid", { campaignId: CMP, bidCents: 100 }, campaign, "unsupported_operation"],
    ["a bid strategy on an ad group", "update_bid", { ...onAdgroup, bidStrategy: "COST_CAP" }, adgroup, "invalid_params", /bidStrategy/],
    ["an ad group start time change", "update_schedule", { ...onAdgroup, startTime: "2030-01-01T00:00:00Z", endTime: "2030-02-01T00:00:00Z" }, adgroup, "invalid_params", /startTime/],
    ["age targeting", "update_targeting", { ...onAdgroup, targeting: { ageMin: 18 } }, adgroup, "invalid_params", /ageMin/],
    ["pause_adgroup naming a campaign", "pause_adgroup", { campaignId: CMP }, campaign, "invalid_params", /cannot act on a campaign/],
    ["rename of the wrong level", "update_adgroup", { campaignId: CMP, name: "x" }, campaign, "invalid_params"],
    ["an entity of another campaign", "pause_ad", { ...onAd, campaignId: newId("campaign") }, ad, "invalid_params", /not in campaign/],
    ["an ad never created", "pause_ad", onAd, { ...ad, platformId: null }, "entity_not_on_platform"],
    ["an ad update whose ad group was never created", "update_ad", { ...onAd, name: "x" }, { ...ad, parentPlatformId: null }, "entity_not_on_platform"],
    ["a creative replaced on an ad group", "replace_creative", { ...onAdgroup, creative }, adgroup, "unsupported_operation"],
  ];

  it.each(cases)("%s", (_name, operation, params, known, code, message) => {
    const r = refusal(() => plan(operation, params, known));
    expect(r.code).toBe(code);
    if (message) expect(r.message).toMatch(message);
  });
});
