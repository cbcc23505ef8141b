import { describe, expect, it } from "vitest";
import { parseAdSetCreate } from "./adset-create-input.ts";
import { adSetPatchFieldNames, parseAdSetUpdate } from "./adset-update-input.ts";
import { GraphError } from "./graph-error.ts";

const rules = { minDailyBudget: 100 };
const base = {
  name: "AS", campaign_id: "120200000000000001", billing_event: "IMPRESSIONS", optimization_goal: "REACH",
  targeting: '{"geo_locations":{"countries":["US"]}}',
};

function blamed(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof GraphError) return JSON.stringify(err.errorData);
    throw err;
  }
  throw new Error("expected a refusal");
}

describe("ad set create input", () => {
  it("normalises a form body: ints, ISO times, status default ACTIVE", () => {
    const input = parseAdSetCreate({ ...base, daily_budget: "2500", bid_amount: "40", start_time: "1893456000", adlabels: '[{"name":"x"}]' }, rules);
    expect(input).toEqual({
      name: "AS", campaignId: "120200000000000001", billingEvent: "IMPRESSIONS", optimizationGoal: "REACH",
      targeting: { geo_locations: { countries: ["US"] } }, status: "ACTIVE", dailyBudget: 2500, bidAmount: 40,
      startTime: "2030-01-01T00:00:00.000Z", adlabels: [{ name: "x" }],
    });
  });

  it("requires name, campaign_id, billing_event, optimization_goal and targeting", () => {
    for (const key of ["name", "campaign_id", "billing_event", "optimization_goal", "targeting"] as const) {
      const { [key]: _, ...rest } = base;
      expect(blamed(() => parseAdSetCreate(rest, rules))).toBe(JSON.stringify({ blame_field_specs: [[key]] }));
    }
  });

  it("refuses bad enums, fractional or too-low budgets, zero bids, two budgets and ARCHIVED on create", () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ billing_event: "CPM" }, "billing_event"],
      [{ optimization_goal: "SALES" }, "optimization_goal"],
      [{ daily_budget: "19.99" }, "daily_budget"],
      [{ daily_budget: 99 }, "daily_budget"],
      [{ daily_budget: 1000, lifetime_budget: 5000 }, "lifetime_budget"],
      [{ bid_amount: 0 }, "bid_amount"],
      [{ status: "ARCHIVED" }, "status"],
      [{ campaign_id: "act_1" }, "campaign_id"],
      [{ end_time: "next week" }, "end_time"],
    ];
    for (const [over, field] of cases) {
      expect(blamed(() => parseAdSetCreate({ ...base, ...over }, rules)), field).toBe(JSON.stringify({ blame_field_specs: [[field]] }));
    }
  });
});

describe("ad set update input", () => {
  it("reads only what was sent and names it in Graph spelling", () => {
    const patch = parseAdSetUpdate({ name: "n", status: "ARCHIVED", daily_budget: 300, targeting: { geo_locations: { countries: ["FR"] } } }, rules);
    expect(patch).toEqual({ name: "n", status: "ARCHIVED", dailyBudget: 300, targeting: { geo_locations: { countries: ["FR"] } } });
    expect(adSetPatchFieldNames(patch)).toEqual(["daily_budget", "name", "status", "targeting"]);
    expect(adSetPatchFieldNames(parseAdSetUpdate({ access_token: "x", id: "1" }, rules))).toEqual([]);
  });
});
