import { describe, expect, it } from "vitest";
import { readAdFilter } from "./ad-filter.ts";
import { readAdSetFilter } from "./adset-filter.ts";
import type { AdObjectStatus } from "./enums.ts";
import type { MetaAd, MetaAdSet, MetaCampaign } from "./meta-types.ts";

const T = "2030-01-01T00:00:00.000Z";
const campaigns = new Map<string, MetaCampaign>(
  ([["c1", "ACTIVE"], ["c2", "PAUSED"], ["c3", "DELETED"]] as const).map(([id, status]) => [id, {
    id, accountId: "1", ordinal: 0, name: id, objective: "OUTCOME_SALES", status, specialAdCategories: [], specialAdCategoryCountry: [],
    startTime: T, buyingType: "AUCTION", adlabelIds: [], createdTime: T, updatedTime: T,
  }]),
);
const set = (id: string, campaignId: string, status: AdObjectStatus): MetaAdSet => ({
  id, accountId: "1", campaignId, ordinal: Number(id.slice(1)), name: `set ${id}`, status, billingEvent: "IMPRESSIONS",
  optimizationGoal: "REACH", targeting: {}, startTime: T, adlabelIds: [], createdTime: T, updatedTime: T,
});
const sets = [set("s1", "c1", "ACTIVE"), set("s2", "c2", "ACTIVE"), set("s3", "c1", "ARCHIVED"), set("s4", "c3", "ACTIVE"), set("s5", "c1", "PAUSED")];
const lookup = { campaign: (id: string) => campaigns.get(id), adSet: (id: string) => sets.find((s) => s.id === id) };
const setIds = (params: Record<string, unknown>) => sets.filter(readAdSetFilter(params, lookup)).map((s) => s.id);

const ad = (id: string, adSetId: string, status: AdObjectStatus): MetaAd => ({
  id, accountId: "1", campaignId: lookup.adSet(adSetId)?.campaignId ?? "", adSetId, ordinal: 0, name: id, status, creativeId: "9",
  adlabelIds: [], createdTime: T, updatedTime: T,
});
const ads = [ad("a1", "s1", "ACTIVE"), ad("a2", "s5", "ACTIVE"), ad("a3", "s2", "ACTIVE"), ad("a4", "s4", "ACTIVE")];
const adIds = (params: Record<string, unknown>) => ads.filter(readAdFilter(params, lookup)).map((a) => a.id);

describe("ad set edge filter", () => {
  it("reads effective status: archived hidden by default, children of deleted campaigns never shown", () => {
    expect(setIds({})).toEqual(["s1", "s2", "s5"]);
    expect(setIds({ effective_status: '["CAMPAIGN_PAUSED"]' })).toEqual(["s2"]);
    expect(setIds({ effective_status: '["ACTIVE","ARCHIVED"]' })).toEqual(["s1", "s3"]);
    expect(() => setIds({ effective_status: '["DELETED"]' })).toThrow(/by their id/);
    expect(() => setIds({ effective_status: '["ADSET_PAUSED"]' })).toThrow(/effective_status/);
  });

  it("filters by campaign.id, name and id, with or without the adset. prefix", () => {
    expect(setIds({ filtering: '[{"field":"campaign.id","operator":"EQUAL","value":"c1"}]' })).toEqual(["s1", "s5"]);
    expect(setIds({ filtering: '[{"field":"adset.name","operator":"CONTAIN","value":"S5"}]' })).toEqual(["s5"]);
    expect(setIds({ filtering: '[{"field":"id","operator":"NOT_IN","value":["s1"]}]' })).toEqual(["s2", "s5"]);
    expect(() => setIds({ filtering: '[{"field":"objective","operator":"EQUAL","value":"x"}]' })).toThrow(/not supported on ad sets/);
  });
});

describe("ad edge filter", () => {
  it("reads parents into effective status and filters by adset.id", () => {
    expect(adIds({})).toEqual(["a1", "a2", "a3"]);
    expect(adIds({ effective_status: "ADSET_PAUSED" })).toEqual(["a2"]);
    expect(adIds({ effective_status: '["CAMPAIGN_PAUSED"]' })).toEqual(["a3"]);
    expect(adIds({ filtering: '[{"field":"adset.id","operator":"IN","value":["s1","s4"]}]' })).toEqual(["a1"]);
  });
});
