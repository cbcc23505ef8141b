import { describe, expect, it } from "vitest";
import type { AdSetCreateInput } from "./adset-create-input.ts";
import { applyAdSetPatch, assertCampaignBudgetAllowed, buildAdSet, deleteAdSet } from "./adset-state.ts";
import { GraphError } from "./graph-error.ts";
import type { MetaAdSet, MetaCampaign } from "./meta-types.ts";

const T0 = "2030-01-01T00:00:00.000Z";
const T1 = "2030-01-02T00:00:00.000Z";
const who = { id: "120200000000000002", accountId: "77", ordinal: 2, adlabelIds: [], now: T0 };

function campaign(over: Partial<MetaCampaign> = {}): MetaCampaign {
  return {
    id: "120200000000000001", accountId: "77", ordinal: 1, name: "C", objective: "OUTCOME_TRAFFIC", status: "ACTIVE",
    specialAdCategories: [], specialAdCategoryCountry: [], startTime: T0, buyingType: "AUCTION", adlabelIds: [], createdTime: T0, updatedTime: T0, ...over,
  };
}
const input = (over: Partial<AdSetCreateInput> = {}): AdSetCreateInput => ({
  name: "AS", campaignId: "120200000000000001", billingEvent: "IMPRESSIONS", optimizationGoal: "LINK_CLICKS",
  targeting: { geo_locations: { countries: ["US"] } }, status: "PAUSED", dailyBudget: 1000, adlabels: [], ...over,
});
const adSet = (over: Partial<MetaAdSet> = {}): MetaAdSet => ({ ...buildAdSet(input(), campaign(), who), ...over });

function refusal(fn: () => unknown): GraphError {
  try {
    fn();
  } catch (err) {
    if (err instanceof GraphError) return err;
    throw err;
  }
  throw new Error("expected a refusal");
}

describe("building an ad set", () => {
  it("starts at creation time when no start_time is given", () => {
    expect(buildAdSet(input(), campaign(), who)).toMatchObject({ id: who.id, campaignId: "120200000000000001", startTime: T0, dailyBudget: 1000, status: "PAUSED" });
  });

  it("keeps the budget at one level: refused under a campaign budget (1885621), required without one", () => {
    const both = refusal(() => buildAdSet(input(), campaign({ lifetimeBudget: 90000 }), who));
    expect(both).toMatchObject({ code: 100, subcode: 1885621, errorData: { blame_field_specs: [["daily_budget"]] } });
    expect(buildAdSet(input({ dailyBudget: undefined }), campaign({ dailyBudget: 5000 }), who).dailyBudget).toBeUndefined();
    expect(refusal(() => buildAdSet(input({ dailyBudget: undefined }), campaign(), who)).errorData).toEqual({ blame_field_specs: [["daily_budget"]] });
  });

  it("refuses archived and deleted campaigns", () => {
    for (const status of ["ARCHIVED", "DELETED"] as const) {
      expect(refusal(() => buildAdSet(input(), campaign({ status }), who)).errorData).toEqual({ blame_field_specs: [["campaign_id"]] });
    }
  });

  it("checks end_time, bid_amount for bid-cap strategies and billing against optimisation", () => {
    expect(refusal(() => buildAdSet(input({ dailyBudget: undefined, lifetimeBudget: 9000 }), campaign(), who)).userMsg).toContain("end_time");
    expect(refusal(() => buildAdSet(input({ endTime: T0 }), campaign(), who)).userMsg).toContain("after its start_time");
    expect(refusal(() => buildAdSet(input({ bidStrategy: "COST_CAP" }), campaign(), who)).errorData).toEqual({ blame_field_specs: [["bid_amount"]] });
    expect(buildAdSet(input({ bidStrategy: "LOWEST_COST_WITHOUT_CAP" }), campaign(), who).bidStrategy).toBe("LOWEST_COST_WITHOUT_CAP");
    expect(refusal(() => buildAdSet(input({ billingEvent: "THRUPLAY" }), campaign(), who)).errorData).toEqual({ blame_field_specs: [["billing_event"]] });
    expect(buildAdSet(input({ billingEvent: "LINK_CLICKS" }), campaign(), who).billingEvent).toBe("LINK_CLICKS");
  });
});

describe("updating an ad set", () => {
  it("changes only the named fields and stamps updated_time", () => {
    expect(applyAdSetPatch(adSet(), campaign(), { name: "B", dailyBudget: 4000, status: "ACTIVE" }, T1)).toMatchObject({
      name: "B", dailyBudget: 4000, status: "ACTIVE", updatedTime: T1, createdTime: T0,
    });
  });

  it("follows the campaign state machine, through the campaign too", () => {
    const archived = adSet({ status: "ARCHIVED" });
    expect(applyAdSetPatch(archived, campaign(), { name: "x" }, T1).name).toBe("x");
    expect(refusal(() => applyAdSetPatch(archived, campaign(), { targeting: { geo_locations: { countries: ["DE"] } } }, T1)).errorData).toEqual({ blame_field_specs: [["targeting"]] });
    expect(refusal(() => applyAdSetPatch(archived, campaign(), { status: "ACTIVE" }, T1)).userMsg).toContain("ARCHIVED");
    expect(refusal(() => deleteAdSet(adSet({ status: "DELETED" }), campaign(), T1)).userMsg).toContain("deleted");
    // A deleted campaign takes its ad sets with it.
    expect(refusal(() => applyAdSetPatch(adSet(), campaign({ status: "DELETED" }), { name: "x" }, T1)).userMsg).toContain("ad set has been deleted");
    expect(refusal(() => applyAdSetPatch(adSet(), campaign({ status: "ARCHIVED" }), { status: "ACTIVE" }, T1)).code).toBe(100);
  });

  it("refuses a budget type switch, a move to another campaign and a budget under a campaign budget", () => {
    expect(refusal(() => applyAdSetPatch(adSet(), campaign(), { lifetimeBudget: 9000 }, T1)).userMsg).toContain("budget type");
    expect(refusal(() => applyAdSetPatch(adSet(), campaign(), { campaignId: "1" }, T1)).errorData).toEqual({ blame_field_specs: [["campaign_id"]] });
    expect(applyAdSetPatch(adSet(), campaign(), { campaignId: "120200000000000001" }, T1).campaignId).toBe("120200000000000001");
    const cbo = adSet({ dailyBudget: undefined });
    expect(refusal(() => applyAdSetPatch(cbo, campaign({ dailyBudget: 1 }), { dailyBudget: 500 }, T1)).subcode).toBe(1885621);
  });
});

describe("a campaign taking a campaign budget", () => {
  it("is refused while an ad set under it that is not deleted has its own budget", () => {
    const before = campaign();
    const after = campaign({ dailyBudget: 5000 });
    expect(refusal(() => assertCampaignBudgetAllowed(before, after, [adSet()])).subcode).toBe(1885621);
    expect(() => assertCampaignBudgetAllowed(before, after, [adSet({ status: "DELETED" })])).not.toThrow();
    expect(() => assertCampaignBudgetAllowed(before, after, [adSet({ campaignId: "9" })])).not.toThrow();
    expect(() => assertCampaignBudgetAllowed(after, campaign({ dailyBudget: 6000 }), [adSet()])).not.toThrow();
  });
});
