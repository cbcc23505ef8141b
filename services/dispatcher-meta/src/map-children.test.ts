import { describe, expect, it } from "vitest";
import { newId } from "@layers/contracts";
import { adFromMeta, adSetFromMeta, markerIdIn } from "./map-children.ts";
import type { MetaAd, MetaAdSet } from "./meta/index.ts";

const adSetId = newId("adSet");
const adId = newId("ad");

describe("Meta ad set → SyncedChild", () => {
  it.each<[string, string, MetaAdSet, Record<string, unknown>]>([
    [
      "USD daily budget and bid, with our marker",
      "USD",
      { id: "11", name: "Made here", status: "ACTIVE", daily_budget: "2500", lifetime_budget: "0", bid_amount: 150, adlabels: [{ id: "9", name: `layers:${adSetId}` }] },
      { name: "Made here", status: "active", dailyBudgetCents: 2500, lifetimeBudgetCents: null, bidCents: 150, markerId: adSetId },
    ],
    [
      "JPY counts whole yen, as Meta does",
      "JPY",
      { id: "11", name: "Yen", status: "PAUSED", daily_budget: "5000" },
      { status: "paused", dailyBudgetCents: 5000, lifetimeBudgetCents: null, bidCents: null, markerId: undefined },
    ],
    [
      "KWD lifetime budget and a bid read as a string (Meta offset 100, 3 decimals)",
      "KWD",
      { id: "11", name: "Fils", status: "ARCHIVED", lifetime_budget: "1234", bid_amount: "50" },
      { status: "archived", dailyBudgetCents: null, lifetimeBudgetCents: 12340, bidCents: 500 },
    ],
    [
      "TWD counts whole dollars on Meta",
      "TWD",
      { id: "11", name: "NT", status: "DELETED", daily_budget: "50", bid_amount: 0 },
      { status: "deleted", dailyBudgetCents: 5000, bidCents: null },
    ],
    [
      "no name or status read back",
      "USD",
      { id: "11" },
      { name: "11", status: "unknown", dailyBudgetCents: null, lifetimeBudgetCents: null, bidCents: null },
    ],
  ])("%s", (_n, currency, meta, expected) => {
    expect(adSetFromMeta(meta, currency)).toMatchObject({ kind: "adset", platformId: "11", parentPlatformId: null, ...expected });
  });
});

describe("Meta ad → SyncedChild", () => {
  it.each<[string, MetaAd, Record<string, unknown>]>([
    ["an ad we made", { id: "21", name: "Spring", status: "PAUSED", adlabels: [{ name: `layers:${adId}` }] }, { name: "Spring", status: "paused", markerId: adId }],
    ["an ad made in Ads Manager", { id: "21", name: "Theirs", status: "ACTIVE", adlabels: [{ name: "summer" }] }, { name: "Theirs", status: "active", markerId: undefined }],
    ["an archived ad without a name", { id: "21", status: "ARCHIVED" }, { name: "21", status: "archived" }],
  ])("%s", (_n, meta, expected) => {
    expect(adFromMeta(meta, "11")).toEqual({
      kind: "ad",
      platformId: "21",
      parentPlatformId: "11",
      markerId: undefined,
      dailyBudgetCents: null,
      lifetimeBudgetCents: null,
      bidCents: null,
      ...expected,
    });
  });
});

describe("markerIdIn", () => {
  const campaignId = newId("campaign");
  it.each<[string, { name: string }[] | undefined, Parameters<typeof markerIdIn>[1], string | undefined]>([
    ["no labels", undefined, "adSet", undefined],
    ["the first marker of the kind asked for", [{ name: "team-a" }, { name: `layers:${adSetId}` }], "adSet", adSetId],
    ["another kind's marker is not this object's", [{ name: `layers:${campaignId}` }], "adSet", undefined],
    ["an ad set marker on an ad is ignored", [{ name: `layers:${adSetId}` }], "ad", undefined],
    ["a campaign marker", [{ name: `layers:${campaignId}` }], "campaign", campaignId],
    ["a malformed id", [{ name: "layers:as_short" }], "adSet", undefined],
    ["text around the marker", [{ name: `x layers:${adSetId}` }], "adSet", undefined],
  ])("%s", (_n, labels, kind, expected) => {
    expect(markerIdIn(labels, kind)).toBe(expected);
  });
});
