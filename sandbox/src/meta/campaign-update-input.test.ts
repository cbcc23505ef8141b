import { describe, expect, it } from "vitest";
import { parseCampaignUpdate, patchFieldNames } from "./campaign-update-input.ts";

describe("campaign update input", () => {
  it("keeps only the fields the request names", () => {
    const patch = parseCampaignUpdate({ name: "New", status: "ARCHIVED", access_token: "t", fields: "id" }, { minDailyBudget: 100 });
    expect(patch).toEqual({ name: "New", status: "ARCHIVED" });
    expect(patchFieldNames(patch)).toEqual(["name", "status"]);
  });

  it("spells resolved label ids as adlabels", () => {
    expect(patchFieldNames({ adlabelIds: ["1"], dailyBudget: 100, name: undefined })).toEqual(["adlabels", "daily_budget"]);
  });

  it("reads budgets, caps, times and labels", () => {
    const patch = parseCampaignUpdate(
      { daily_budget: "3000", spend_cap: 9, stop_time: "2031-01-01T00:00:00Z", adlabels: '[{"name":"m"}]', bid_strategy: "COST_CAP" },
      { minDailyBudget: 100 },
    );
    expect(patch).toEqual({
      dailyBudget: 3000,
      spendCap: 9,
      stopTime: "2031-01-01T00:00:00.000Z",
      adlabels: [{ name: "m" }],
      bidStrategy: "COST_CAP",
    });
  });
});
