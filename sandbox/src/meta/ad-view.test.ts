import { describe, expect, it } from "vitest";
import { renderAd } from "./ad-view.ts";
import { renderAdSet } from "./adset-view.ts";
import { renderCreative } from "./creative-view.ts";
import { parseFieldSelection } from "./field-selection.ts";
import type { MetaAd, MetaAdCreative, MetaAdLabel, MetaAdSet, MetaCampaign, MetaLookup } from "./meta-types.ts";

const T = "2030-01-01T00:00:00.000Z";
const campaign: MetaCampaign = {
  id: "1", accountId: "77", ordinal: 1, name: "C", objective: "OUTCOME_TRAFFIC", status: "PAUSED", specialAdCategories: [],
  specialAdCategoryCountry: [], startTime: T, buyingType: "AUCTION", adlabelIds: [], createdTime: T, updatedTime: T,
};
const adSet: MetaAdSet = {
  id: "2", accountId: "77", campaignId: "1", ordinal: 2, name: "AS", status: "ACTIVE", billingEvent: "IMPRESSIONS", optimizationGoal: "REACH",
  targeting: { geo_locations: { countries: ["US"] } }, lifetimeBudget: 90000, bidAmount: 250, startTime: T, endTime: "2030-02-01T00:00:00.000Z",
  adlabelIds: ["5"], createdTime: T, updatedTime: T,
};
const creative: MetaAdCreative = {
  id: "3", accountId: "77", ordinal: 3, name: "Cr", status: "ACTIVE", adlabelIds: [], createdTime: T, updatedTime: T,
  objectStorySpec: { page_id: "9", video_data: { video_id: "44", image_url: "https://x.example/t.jpg", title: "V", message: "Body", call_to_action: { type: "LEARN_MORE", value: { link: "https://x.example/" } } } },
};
const ad: MetaAd = { id: "4", accountId: "77", campaignId: "1", adSetId: "2", ordinal: 4, name: "Ad", status: "ACTIVE", creativeId: "3", adlabelIds: [], createdTime: T, updatedTime: T };
const label: MetaAdLabel = { id: "5", name: "layers:as", createdTime: T, updatedTime: T };
const lookup: MetaLookup = {
  label: (id) => (id === "5" ? label : undefined),
  campaign: (id) => (id === "1" ? campaign : undefined),
  adSet: (id) => (id === "2" ? adSet : undefined),
  creative: (id) => (id === "3" ? creative : undefined),
};
const sel = parseFieldSelection;

describe("ad set view", () => {
  it("reads budgets as strings, bid_amount as a number, times in Graph format, and the campaign's pause", () => {
    expect(renderAdSet(adSet, sel("lifetime_budget,daily_budget,bid_amount,end_time,effective_status,configured_status,adlabels{name},campaign"), lookup)).toEqual({
      lifetime_budget: "90000", bid_amount: 250, end_time: "2030-02-01T00:00:00+0000", effective_status: "CAMPAIGN_PAUSED",
      configured_status: "ACTIVE", adlabels: [{ id: "5", name: "layers:as" }], campaign: { id: "1" },
    });
    expect(() => renderAdSet(adSet, sel("objective"), lookup)).toThrow("(#100) Tried accessing nonexisting field (objective) on node type (AdSet)");
    expect(() => renderAdSet(adSet, sel("campaign{colour}"), lookup)).toThrow(/node type \(Campaign\)/);
  });
});

describe("ad view", () => {
  it("renders creative, adset and campaign as {id} or expanded with their own views", () => {
    expect(renderAd(ad, sel("creative,adset,campaign,effective_status"), lookup)).toEqual({
      creative: { id: "3" }, adset: { id: "2" }, campaign: { id: "1" }, effective_status: "CAMPAIGN_PAUSED",
    });
    expect(renderAd(ad, sel("creative{name},adset{name,targeting},campaign{name}"), lookup)).toEqual({
      creative: { id: "3", name: "Cr" }, adset: { id: "2", name: "AS", targeting: { geo_locations: { countries: ["US"] } } }, campaign: { id: "1", name: "C" },
    });
    expect(() => renderAd(ad, sel("creative{colour}"), lookup)).toThrow(/node type \(AdCreative\)/);
  });
});

describe("creative view", () => {
  it("derives the flat fields of a video story", () => {
    expect(renderCreative(creative, sel("object_type,video_id,title,body,link_url,image_url,call_to_action_type,actor_id,image_hash"), lookup)).toEqual({
      object_type: "VIDEO", video_id: "44", title: "V", body: "Body", link_url: "https://x.example/", image_url: "https://x.example/t.jpg",
      call_to_action_type: "LEARN_MORE", actor_id: "9",
    });
  });
});
