import { describe, expect, it } from "vitest";
import { applyAdPatch, buildAd, deleteAd, type AdParents } from "./ad-state.ts";
import { assertUsableCreative, deleteCreative } from "./creative-state.ts";
import { GraphError } from "./graph-error.ts";
import type { MetaAdCreative, MetaAdSet, MetaCampaign } from "./meta-types.ts";

const T0 = "2030-01-01T00:00:00.000Z";
const T1 = "2030-01-02T00:00:00.000Z";
const campaign: MetaCampaign = {
  id: "1", accountId: "77", ordinal: 1, name: "C", objective: "OUTCOME_TRAFFIC", status: "ACTIVE", specialAdCategories: [],
  specialAdCategoryCountry: [], startTime: T0, buyingType: "AUCTION", adlabelIds: [], createdTime: T0, updatedTime: T0,
};
const adSet: MetaAdSet = {
  id: "2", accountId: "77", campaignId: "1", ordinal: 2, name: "AS", status: "ACTIVE", billingEvent: "IMPRESSIONS",
  optimizationGoal: "REACH", targeting: {}, dailyBudget: 1000, startTime: T0, adlabelIds: [], createdTime: T0, updatedTime: T0,
};
const creative: MetaAdCreative = { id: "3", accountId: "77", ordinal: 3, status: "ACTIVE", objectStoryId: "1_2", adlabelIds: [], createdTime: T0, updatedTime: T0 };
const parents = (over: { adSet?: Partial<MetaAdSet>; campaign?: Partial<MetaCampaign> } = {}): AdParents => ({
  adSet: { ...adSet, ...over.adSet }, campaign: { ...campaign, ...over.campaign },
});
const who = { id: "4", accountId: "77", ordinal: 4, adlabelIds: [], now: T0 };
const ad = buildAd({ name: "Ad", adSetId: "2", creativeId: "3", status: "PAUSED", adlabels: [] }, parents(), who);

function refusal(fn: () => unknown): GraphError {
  try {
    fn();
  } catch (err) {
    if (err instanceof GraphError) return err;
    throw err;
  }
  throw new Error("expected a refusal");
}

describe("ads", () => {
  it("take their campaign from the ad set and refuse archived or deleted parents", () => {
    expect(ad).toMatchObject({ campaignId: "1", adSetId: "2", creativeId: "3", status: "PAUSED" });
    const input = { name: "Ad", adSetId: "2", creativeId: "3", status: "PAUSED" as const, adlabels: [] };
    expect(refusal(() => buildAd(input, parents({ adSet: { status: "ARCHIVED" } }), who)).errorData).toEqual({ blame_field_specs: [["adset_id"]] });
    expect(refusal(() => buildAd(input, parents({ campaign: { status: "DELETED" } }), who)).code).toBe(100);
  });

  it("swap creatives and follow the status machine through their parents", () => {
    expect(applyAdPatch(ad, parents(), { creativeId: "9", status: "ACTIVE" }, T1)).toMatchObject({ creativeId: "9", status: "ACTIVE", updatedTime: T1 });
    expect(refusal(() => applyAdPatch(ad, parents({ adSet: { status: "ARCHIVED" } }), { creativeId: "9" }, T1)).errorData).toEqual({ blame_field_specs: [["creative"]] });
    expect(applyAdPatch(ad, parents({ adSet: { status: "ARCHIVED" } }), { status: "DELETED" }, T1).status).toBe("DELETED");
    expect(refusal(() => deleteAd({ ...ad, status: "DELETED" }, parents(), T1)).userMsg).toContain("ad has been deleted");
    expect(refusal(() => applyAdPatch(ad, parents(), { adSetId: "99" }, T1)).errorData).toEqual({ blame_field_specs: [["adset_id"]] });
  });
});

describe("creatives", () => {
  it("can be deleted only when no ad that is not deleted shows them, and only once", () => {
    const err = refusal(() => deleteCreative(creative, ["4", "5"], T1));
    expect(err).toMatchObject({ code: 100, userTitle: "Creative In Use" });
    expect(err.message).toContain("4, 5");
    const deleted = deleteCreative(creative, [], T1);
    expect(deleted).toMatchObject({ status: "DELETED", updatedTime: T1 });
    expect(refusal(() => deleteCreative(deleted, [], T1)).code).toBe(100);
  });

  it("are usable by ads of their own account while not deleted", () => {
    expect(assertUsableCreative(creative, "3", "77")).toBe(creative);
    expect(refusal(() => assertUsableCreative(creative, "3", "78")).errorData).toEqual({ blame_field_specs: [["creative"]] });
    expect(refusal(() => assertUsableCreative(undefined, "3", "77")).userMsg).toContain("does not exist");
    expect(refusal(() => assertUsableCreative({ ...creative, status: "DELETED" }, "3", "77")).userMsg).toContain("deleted");
  });
});
