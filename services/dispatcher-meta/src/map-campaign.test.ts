import { describe, expect, it } from "vitest";
import { newId } from "@layers/contracts";
import { PermanentError } from "@layers/runtime";
import { campaignFromMeta, layersStatus, markerLabel, metaHolds, OBJECTIVE_OF_OUTCOME, planMetaWrite } from "./map-campaign.ts";

const campaignId = newId("campaign");
const adAccountId = newId("adAccount");
const createParams = (over: Record<string, unknown> = {}) => ({
  campaignId,
  adAccountId,
  name: "Spring",
  outcome: "conversions",
  dailyBudgetCents: 5000,
  authority: { creative: "auto", tactical: "auto", structural: "auto" },
  status: "PAUSED",
  specialAdCategories: [],
  ...over,
});

function permanentCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof PermanentError) return e.code;
    throw e;
  }
  return undefined;
}

describe("planMetaWrite: create_campaign", () => {
  it.each([
    ["conversions", "OUTCOME_SALES"],
    ["sales", "OUTCOME_SALES"],
    ["traffic", "OUTCOME_TRAFFIC"],
    ["app_installs", "OUTCOME_APP_PROMOTION"],
    ["awareness", "OUTCOME_AWARENESS"],
    ["engagement", "OUTCOME_ENGAGEMENT"],
    ["leads", "OUTCOME_LEADS"],
  ])("outcome %s → objective %s", (outcome, objective) => {
    const plan = planMetaWrite({ operation: "create_campaign", currency: "USD", params: createParams({ outcome }) });
    expect(plan.fields.objective).toBe(objective);
    expect(plan.row.objective).toBe(objective);
  });

  it("covers every outcome the HTTP contract accepts", () => {
    expect(Object.keys(OBJECTIVE_OF_OUTCOME).sort()).toEqual(["app_installs", "awareness", "conversions", "engagement", "leads", "sales", "traffic"]);
  });

  it("builds the Graph create with categories, budget in Meta units and our marker adlabel", () => {
    const plan = planMetaWrite({
      operation: "create_campaign",
      currency: "USD",
      params: createParams({ specialAdCategories: ["HOUSING"], bidStrategy: "COST_CAP", startTime: "2026-12-01T00:00:00Z" }),
    });
    expect(plan).toEqual({
      kind: "create",
      campaignId,
      adAccountId,
      marker: `layers:${campaignId}`,
      fields: {
        name: "Spring",
        objective: "OUTCOME_SALES",
        status: "PAUSED",
        special_ad_categories: ["HOUSING"],
        daily_budget: 5000,
        bid_strategy: "COST_CAP",
        start_time: "2026-12-01T00:00:00Z",
        stop_time: undefined,
        adlabels: [{ name: `layers:${campaignId}` }],
      },
      row: { status: "paused", objective: "OUTCOME_SALES", dailyBudgetCents: 5000 },
    });
  });

  it.each([
    ["USD", 5000, 5000],
    ["JPY", 5000, 5000],
    ["KWD", 12340, 1234],
  ])("lifetime budget %s %d → %d", (currency, minor, meta) => {
    const plan = planMetaWrite({ operation: "create_campaign", currency, params: createParams({ dailyBudgetCents: undefined, lifetimeBudgetCents: minor }) });
    expect(plan.fields.lifetime_budget).toBe(meta);
    expect(plan.fields.daily_budget).toBeUndefined();
    expect(plan.row.lifetimeBudgetCents).toBe(minor);
  });

  it.each([
    ["unknown outcome", "USD", createParams({ outcome: "mindshare" }), "unsupported_outcome"],
    ["3-decimal amount Meta cannot hold", "KWD", createParams({ dailyBudgetCents: 12345 }), "unrepresentable_amount"],
    ["params that break the contract", "USD", createParams({ name: "" }), "invalid_params"],
    ["unknown param", "USD", createParams({ surprise: 1 }), "invalid_params"],
  ])("refuses %s", (_n, currency, params, code) => {
    expect(permanentCode(() => planMetaWrite({ operation: "create_campaign", currency, params }))).toBe(code);
  });
});

describe("planMetaWrite: updates", () => {
  it.each([
    ["pause_campaign", "PAUSED", "paused"],
    ["resume_campaign", "ACTIVE", "active"],
    ["archive_campaign", "ARCHIVED", "archived"],
    ["delete_campaign", "DELETED", "deleted"],
  ] as const)("%s sets status %s", (operation, status, layers) => {
    expect(planMetaWrite({ operation, currency: "USD", params: { campaignId } })).toEqual({
      kind: "update",
      campaignId,
      fields: { status },
      row: { status: layers },
    });
  });

  it.each([
    ["USD", { dailyBudgetCents: 7500 }, { daily_budget: 7500 }],
    ["JPY", { dailyBudgetCents: 7500 }, { daily_budget: 7500 }],
    ["BHD", { lifetimeBudgetCents: 20000 }, { lifetime_budget: 2000 }],
  ])("update_budget in %s: %j → %j", (currency, budget, fields) => {
    const plan = planMetaWrite({ operation: "update_budget", currency, params: { campaignId, ...budget } });
    expect(plan).toEqual({ kind: "update", campaignId, fields, row: budget });
  });

  it.each([
    ["update_budget", { campaignId }, "invalid_params", "USD"],
    ["update_budget", { campaignId, dailyBudgetCents: 1005 }, "unrepresentable_amount", "KWD"],
    ["pause_campaign", { campaignId: "cmp_nope" }, "invalid_params", "USD"],
    ["update_bid", { campaignId }, "unsupported_operation", "USD"],
    ["create_adset", { campaignId }, "unsupported_operation", "USD"],
  ] as const)("%s with %j → %s (%s)", (operation, params, code, currency) => {
    expect(permanentCode(() => planMetaWrite({ operation, currency, params }))).toBe(code);
  });
});

describe("metaHolds", () => {
  it.each([
    [{ id: "1", status: "PAUSED" }, { status: "PAUSED" }, true],
    [{ id: "1", status: "ACTIVE" }, { status: "PAUSED" }, false],
    [{ id: "1", daily_budget: "7500" }, { daily_budget: 7500 }, true],
    [{ id: "1", daily_budget: "5000" }, { daily_budget: 7500 }, false],
    [{ id: "1" }, { daily_budget: 7500 }, false],
    [{ id: "1", status: "PAUSED", daily_budget: "7500" }, { status: "PAUSED", daily_budget: 7500 }, true],
  ])("%j holds %j: %s", (current, fields, expected) => {
    expect(metaHolds(current, fields)).toBe(expected);
  });
});

describe("Meta → Layers (sync)", () => {
  it.each([
    ["USD", { id: "9", name: "A", status: "ACTIVE", objective: "OUTCOME_SALES", daily_budget: "2000", lifetime_budget: "0" }, { dailyBudgetCents: 2000, lifetimeBudgetCents: null, status: "active" }],
    ["JPY", { id: "9", name: "A", status: "PAUSED", daily_budget: "5000" }, { dailyBudgetCents: 5000, lifetimeBudgetCents: null, status: "paused" }],
    ["KWD", { id: "9", name: "A", status: "ARCHIVED", lifetime_budget: "1234" }, { dailyBudgetCents: null, lifetimeBudgetCents: 12340, status: "archived" }],
    ["TWD", { id: "9", name: "A", status: "DELETED", daily_budget: "50" }, { dailyBudgetCents: 5000, lifetimeBudgetCents: null, status: "deleted" }],
  ])("%s %j", (currency, meta, expected) => {
    expect(campaignFromMeta(meta, currency)).toMatchObject({ platformCampaignId: "9", name: "A", ...expected });
  });

  it("lower-cases statuses and names the marker", () => {
    expect(layersStatus("WITH_ISSUES")).toBe("with_issues");
    expect(markerLabel("cmp_x")).toBe("layers:cmp_x");
  });
});
