import { describe, expect, it } from "vitest";
import { parseCampaignCreate } from "./campaign-create-input.ts";
import { GraphError } from "./graph-error.ts";

const rules = { minDailyBudget: 100 };
const valid = { name: "Spring", objective: "OUTCOME_TRAFFIC", special_ad_categories: "[]" };

function refusal(params: Record<string, unknown>): GraphError {
  try {
    parseCampaignCreate(params, rules);
  } catch (err) {
    if (err instanceof GraphError) return err;
    throw err;
  }
  throw new Error("expected the create to be refused");
}

describe("campaign create input", () => {
  it("normalises a minimal form-encoded create and applies Meta's defaults", () => {
    expect(parseCampaignCreate(valid, rules)).toEqual({
      name: "Spring",
      objective: "OUTCOME_TRAFFIC",
      status: "ACTIVE",
      specialAdCategories: [],
      specialAdCategoryCountry: [],
      buyingType: "AUCTION",
      adlabels: [],
    });
  });

  it("reads every optional field, from strings or JSON values", () => {
    const input = parseCampaignCreate(
      {
        ...valid,
        status: "PAUSED",
        daily_budget: 2500,
        bid_strategy: "COST_CAP",
        spend_cap: "100000",
        start_time: "2030-01-01T00:00:00+0000",
        stop_time: 1_900_000_000,
        buying_type: "RESERVED",
        special_ad_categories: ["HOUSING"],
        special_ad_category_country: '["US"]',
        adlabels: [{ name: "layers:cmp_1" }, { id: "42" }],
      },
      rules,
    );
    expect(input).toMatchObject({
      status: "PAUSED",
      dailyBudget: 2500,
      bidStrategy: "COST_CAP",
      spendCap: 100000,
      startTime: "2030-01-01T00:00:00.000Z",
      stopTime: new Date(1_900_000_000_000).toISOString(),
      buyingType: "RESERVED",
      specialAdCategories: ["HOUSING"],
      specialAdCategoryCountry: ["US"],
      adlabels: [{ name: "layers:cmp_1" }, { id: "42" }],
    });
  });

  it("requires name, objective and special_ad_categories, each named in the error", () => {
    for (const field of ["name", "objective", "special_ad_categories"]) {
      const params: Record<string, unknown> = { ...valid };
      delete params[field];
      const err = refusal(params);
      expect(err.code).toBe(100);
      expect(err.message).toBe(`(#100) The parameter ${field} is required`);
      expect(err.errorData).toEqual({ blame_field_specs: [[field]] });
    }
  });

  it("refuses legacy objectives with a pointer to ODAX, and unknown ones with the list", () => {
    expect(refusal({ ...valid, objective: "LINK_CLICKS" }).userTitle).toBe("Objective Is Invalid");
    expect(refusal({ ...valid, objective: "LINK_CLICKS" }).userMsg).toContain("OUTCOME_TRAFFIC");
    expect(refusal({ ...valid, objective: "WIN_BIG" }).userMsg).toContain("must be one of");
  });

  it("refuses creating with ARCHIVED or DELETED status", () => {
    expect(refusal({ ...valid, status: "ARCHIVED" }).userMsg).toContain("status");
    expect(refusal({ ...valid, status: "DELETED" }).code).toBe(100);
  });

  it("refuses both budgets at once and a budget under the account minimum", () => {
    expect(refusal({ ...valid, daily_budget: "500", lifetime_budget: "5000" }).userMsg).toContain("Only one of daily_budget or lifetime_budget");
    const low = refusal({ ...valid, daily_budget: "99" });
    expect(low.userTitle).toBe("Budget Is Too Low");
    expect(low.errorData).toEqual({ blame_field_specs: [["daily_budget"]] });
  });

  it("refuses unknown special ad categories and malformed adlabels", () => {
    expect(refusal({ ...valid, special_ad_categories: '["CASINO"]' }).userMsg).toContain("special_ad_categories");
    expect(refusal({ ...valid, adlabels: '[{"nom":"x"}]' }).userMsg).toContain("adlabels");
    expect(refusal({ ...valid, adlabels: "layers" }).userMsg).toContain("adlabels");
  });

  it("refuses unparseable times", () => {
    expect(refusal({ ...valid, start_time: "next tuesday" }).userMsg).toContain("start_time");
  });
});
