import { describe, expect, it } from "vitest";
import { applyCampaignPatch, canChangeStatus, deleteCampaign } from "./campaign-state.ts";
import type { CampaignStatus } from "./enums.ts";
import { GraphError } from "./graph-error.ts";
import type { MetaCampaign } from "./meta-types.ts";

const T0 = "2030-01-01T00:00:00.000Z";
const T1 = "2030-01-02T00:00:00.000Z";

function campaign(over: Partial<MetaCampaign> = {}): MetaCampaign {
  return {
    id: "1202000000000001", accountId: "77", ordinal: 1, name: "C", objective: "OUTCOME_SALES", status: "ACTIVE",
    specialAdCategories: [], specialAdCategoryCountry: [], dailyBudget: 1000, startTime: T0, buyingType: "AUCTION",
    adlabelIds: [], createdTime: T0, updatedTime: T0, ...over,
  };
}

function refusal(fn: () => unknown): GraphError {
  try {
    fn();
  } catch (err) {
    if (err instanceof GraphError) return err;
    throw err;
  }
  throw new Error("expected a refusal");
}

describe("campaign status machine", () => {
  const table: Array<[CampaignStatus, CampaignStatus, boolean]> = [
    ["ACTIVE", "PAUSED", true], ["PAUSED", "ACTIVE", true], ["ACTIVE", "ARCHIVED", true], ["PAUSED", "DELETED", true],
    ["ARCHIVED", "DELETED", true], ["ARCHIVED", "ARCHIVED", true], ["ARCHIVED", "ACTIVE", false], ["ARCHIVED", "PAUSED", false],
    ["DELETED", "ACTIVE", false], ["DELETED", "ARCHIVED", false], ["DELETED", "DELETED", false],
  ];
  it.each(table)("%s → %s allowed: %s", (from, to, allowed) => {
    expect(canChangeStatus(from, to)).toBe(allowed);
  });
});

describe("applying a campaign patch", () => {
  it("changes only the named fields and stamps updated_time", () => {
    const next = applyCampaignPatch(campaign(), { name: "Renamed", dailyBudget: 4000 }, T1);
    expect(next).toMatchObject({ name: "Renamed", dailyBudget: 4000, status: "ACTIVE", updatedTime: T1, createdTime: T0 });
  });

  it("lets an archived campaign change name and be deleted, nothing else", () => {
    const archived = campaign({ status: "ARCHIVED" });
    expect(applyCampaignPatch(archived, { name: "Old" }, T1).name).toBe("Old");
    expect(applyCampaignPatch(archived, { status: "DELETED" }, T1).status).toBe("DELETED");
    expect(refusal(() => applyCampaignPatch(archived, { dailyBudget: 5000 }, T1)).errorData).toEqual({ blame_field_specs: [["daily_budget"]] });
    expect(refusal(() => applyCampaignPatch(archived, { adlabelIds: [] }, T1)).userMsg).toContain("adlabels");
    expect(refusal(() => applyCampaignPatch(archived, { status: "ACTIVE" }, T1)).userMsg).toContain("ARCHIVED");
  });

  it("refuses every change to a deleted campaign, including deleting it again", () => {
    const deleted = campaign({ status: "DELETED" });
    expect(refusal(() => applyCampaignPatch(deleted, { name: "x" }, T1)).code).toBe(100);
    expect(refusal(() => deleteCampaign(deleted, T1)).userMsg).toContain("deleted");
  });

  it("refuses switching budget type, changing objective, and stop before start", () => {
    expect(refusal(() => applyCampaignPatch(campaign(), { lifetimeBudget: 9000 }, T1)).userMsg).toContain("budget type");
    expect(refusal(() => applyCampaignPatch(campaign({ dailyBudget: undefined, lifetimeBudget: 9000 }), { dailyBudget: 100 }, T1)).code).toBe(100);
    expect(refusal(() => applyCampaignPatch(campaign(), { objective: "OUTCOME_LEADS" }, T1)).errorData).toEqual({ blame_field_specs: [["objective"]] });
    expect(applyCampaignPatch(campaign(), { objective: "OUTCOME_SALES" }, T1).objective).toBe("OUTCOME_SALES");
    expect(refusal(() => applyCampaignPatch(campaign(), { stopTime: T0 }, T1)).userMsg).toContain("stop_time");
  });

  it("refuses a bid strategy on a campaign without a campaign budget", () => {
    const abo = campaign({ dailyBudget: undefined });
    expect(refusal(() => applyCampaignPatch(abo, { bidStrategy: "COST_CAP" }, T1)).errorData).toEqual({ blame_field_specs: [["bid_strategy"]] });
    expect(applyCampaignPatch(campaign(), { bidStrategy: "COST_CAP" }, T1).bidStrategy).toBe("COST_CAP");
  });

  it("deletes through the same rules", () => {
    expect(deleteCampaign(campaign({ status: "PAUSED" }), T1)).toMatchObject({ status: "DELETED", updatedTime: T1 });
  });
});
