import { describe, expect, it } from "vitest";
import { createCampaignParamsSchema, newId } from "@layers/contracts";
import { PermanentError } from "@layers/runtime";
import { campaignFromMeta, layersStatus, markerLabel, OBJECTIVE_OF_OUTCOME, planCreateCampaign } from "./map-campaign.ts";
import { planMetaWrite } from "./plan-meta-write.ts";
import { paramsIssue } from "@layers/contracts";

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

/** The campaign create as planned from valid params: its Graph call and Layers row. */
function planCreate(currency: string, params: Record<string, unknown>) {
  const p = planCreateCampaign(createCampaignParamsSchema.parse(params), currency);
  if (p.call.kind !== "create_campaign") throw new Error("not a campaign create");
  return { ...p, ...p.call };
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

describe("planCreateCampaign", () => {
  it.each([
    ["conversions", "OUTCOME_SALES"],
    ["sales", "OUTCOME_SALES"],
    ["traffic", "OUTCOME_TRAFFIC"],
    ["app_installs", "OUTCOME_APP_PROMOTION"],
    ["awareness", "OUTCOME_AWARENESS"],
    ["engagement", "OUTCOME_ENGAGEMENT"],
    ["leads", "OUTCOME_LEADS"],
  ])("outcome %s → objective %s", (outcome, objective) => {
    const plan = planCreate("USD", createParams({ outcome }));
    expect(plan.fields.objective).toBe(objective);
    expect(plan.row.objective).toBe(objective);
  });

  it("covers every outcome the HTTP contract accepts", () => {
    expect(Object.keys(OBJECTIVE_OF_OUTCOME).sort()).toEqual(["app_installs", "awareness", "conversions", "engagement", "leads", "sales", "traffic"]);
  });

  it("builds the Graph create with categories, budget in Meta units and our marker adlabel", () => {
    const plan = planCreateCampaign(
      createCampaignParamsSchema.parse(createParams({ specialAdCategories: ["HOUSING"], bidStrategy: "COST_CAP", startTime: "2026-12-01T00:00:00Z" })),
      "USD",
    );
    expect(plan).toEqual({
      entity: { kind: "campaign", id: campaignId },
      created: true,
      call: {
        kind: "create_campaign",
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
      },
      row: { status: "paused", objective: "OUTCOME_SALES", dailyBudgetCents: 5000 },
    });
  });

  it.each([
    ["USD", 5000, 5000],
    ["JPY", 5000, 5000],
    ["KWD", 12340, 1234],
  ])("lifetime budget %s %d → %d", (currency, minor, meta) => {
    const plan = planCreate(currency, createParams({ dailyBudgetCents: undefined, lifetimeBudgetCents: minor }));
    expect(plan.fields.lifetime_budget).toBe(meta);
    expect(plan.fields.daily_budget).toBeUndefined();
    expect(plan.row.lifetimeBudgetCents).toBe(minor);
  });

  it.each([
    ["unknown outcome", "USD", createParams({ outcome: "mindshare" }), "unsupported_outcome"],
    ["3-decimal amount Meta cannot hold", "KWD", createParams({ dailyBudgetCents: 12345 }), "unrepresentable_amount"],
    ["params that break the contract", "USD", createParams({ name: "" }), "invalid_params"],
    ["unknown param", "USD", createParams({ surprise: 1 }), "invalid_params"],
    ["a bid strategy Meta does not know", "USD", createParams({ bidStrategy: "MANUAL_CPT" }), "invalid_params"],
  ])("refuses %s", (_n, currency, params, code) => {
    // What the dispatch contract refuses at the consumer's edge never reaches the planner (shown as invalid_params).
    const atEdge = () => {
      const issue = paramsIssue("create_campaign", params);
      if (issue) throw new PermanentError("invalid_params", issue);
      return planMetaWrite({ intentId: newId("intent"), operation: "create_campaign", currency, params });
    };
    expect(permanentCode(atEdge)).toBe(code);
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
