import { describe, expect, it } from "vitest";
import { renderCampaign } from "./campaign-view.ts";
import { parseFieldSelection } from "./field-selection.ts";
import type { MetaAdLabel, MetaCampaign } from "./meta-types.ts";

const label: MetaAdLabel = { id: "555", name: "layers:cmp_1", createdTime: "2030-01-01T00:00:00.000Z", updatedTime: "2030-01-01T00:00:00.000Z" };
const c: MetaCampaign = {
  id: "1202", accountId: "77", ordinal: 1, name: "C", objective: "OUTCOME_SALES", status: "PAUSED", specialAdCategories: [],
  specialAdCategoryCountry: [], dailyBudget: 2000, startTime: "2030-01-01T00:00:00.000Z", buyingType: "AUCTION",
  adlabelIds: ["555"], createdTime: "2030-01-01T00:00:00.000Z", updatedTime: "2030-01-02T00:00:00.000Z",
};
const render = (fields: string) => renderCampaign(c, parseFieldSelection(fields), (id) => (id === label.id ? label : undefined));

describe("campaign view", () => {
  it("reads money back as strings and the account id bare", () => {
    expect(render("id,account_id,daily_budget,budget_remaining,effective_status,configured_status,updated_time")).toEqual({
      id: "1202", account_id: "77", daily_budget: "2000", budget_remaining: "2000", effective_status: "PAUSED",
      configured_status: "PAUSED", updated_time: "2030-01-02T00:00:00+0000",
    });
  });

  it("omits fields that have no value", () => {
    expect(render("lifetime_budget,stop_time,bid_strategy,spend_cap")).toEqual({});
  });

  it("renders labels with the requested sub-fields, always with their id", () => {
    expect(render("adlabels")).toEqual({ adlabels: [{ id: "555", name: "layers:cmp_1", created_time: "2030-01-01T00:00:00+0000", updated_time: "2030-01-01T00:00:00+0000" }] });
    expect(render("adlabels{name}")).toEqual({ adlabels: [{ id: "555", name: "layers:cmp_1" }] });
  });

  it("refuses fields Campaign does not have", () => {
    expect(() => render("id,colour")).toThrow("(#100) Tried accessing nonexisting field (colour) on node type (Campaign)");
    expect(() => render("adlabels{colour}")).toThrow(/node type \(AdLabel\)/);
  });
});
