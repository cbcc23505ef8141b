import { describe, expect, it } from "vitest";
import type { SyncedChild } from "@layers/dispatch-core";
import { adFromTikTok, adgroupFromTikTok, campaignFromTikTok } from "./from-tiktok.ts";
import type { TikTokAdgroup } from "./tiktok/index.ts";

describe("campaignFromTikTok", () => {
  it.each([
    [{ campaign_id: "1", campaign_name: "Day", operation_status: "ENABLE", objective_type: "TRAFFIC", budget_mode: "BUDGET_MODE_DAY", budget: 50.5 }, "USD",
      { name: "Day", status: "active", objective: "TRAFFIC", dailyBudgetCents: 5050, lifetimeBudgetCents: null }],
    [{ campaign_id: "2", campaign_name: "Total", operation_status: "DISABLE", objective_type: "REACH", budget_mode: "BUDGET_MODE_TOTAL", budget: 9000 }, "JPY",
      { name: "Total", status: "paused", dailyBudgetCents: null, lifetimeBudgetCents: 9000 }],
    [{ campaign_id: "3", campaign_name: "Dinar", operation_status: "ENABLE", budget_mode: "BUDGET_MODE_DYNAMIC_DAILY_BUDGET", budget: 1.23 }, "BHD",
      { dailyBudgetCents: 1230, lifetimeBudgetCents: null, objective: null }],
    [{ campaign_id: "4", campaign_name: "Open", operation_status: "DELETE", budget_mode: "BUDGET_MODE_INFINITE", budget: 0 }, "USD",
      { status: "deleted", dailyBudgetCents: null, lifetimeBudgetCents: null }],
    [{ campaign_id: "5", operation_status: "FROZEN" }, "USD", { name: "5", status: "frozen", dailyBudgetCents: null }],
  ])("%j in %s", (c, currency, want) => {
    expect(campaignFromTikTok(c, currency)).toMatchObject({ platformCampaignId: c.campaign_id, markerCampaignId: undefined, ...want });
  });
});

describe("adgroupFromTikTok", () => {
  const money = { dailyBudgetCents: null, lifetimeBudgetCents: null, bidCents: null };
  it.each<[TikTokAdgroup, string, Partial<SyncedChild>]>([
    [{ adgroup_id: "11", adgroup_name: "Daily", operation_status: "ENABLE", budget_mode: "BUDGET_MODE_DAY", budget: 20.5, bid_price: 0.35 }, "USD",
      { name: "Daily", status: "active", dailyBudgetCents: 2050, lifetimeBudgetCents: null, bidCents: 35 }],
    [{ adgroup_id: "12", adgroup_name: "Life", operation_status: "DISABLE", budget_mode: "BUDGET_MODE_TOTAL", budget: 30000, bid_price: 12 }, "JPY",
      { name: "Life", status: "paused", dailyBudgetCents: null, lifetimeBudgetCents: 30000, bidCents: 12 }],
    [{ adgroup_id: "13", adgroup_name: "Fils", operation_status: "ENABLE", budget_mode: "BUDGET_MODE_DYNAMIC_DAILY_BUDGET", budget: 7.125, bid_price: 0.005 }, "BHD",
      { dailyBudgetCents: 7125, bidCents: 5 }],
    // Under campaign budget optimisation TikTok reads the ad group back as INFINITE / 0; no custom bid reads 0.
    [{ adgroup_id: "14", adgroup_name: "CBO", operation_status: "ENABLE", budget_mode: "BUDGET_MODE_INFINITE", budget: 0, bid_price: 0 }, "USD", { ...money }],
    [{ adgroup_id: "15", adgroup_name: "Day but zero", budget_mode: "BUDGET_MODE_DAY", budget: 0, bid_price: null }, "USD", { ...money, status: "unknown" }],
    [{ adgroup_id: "16", operation_status: "DELETE" }, "USD", { name: "16", status: "deleted", ...money }],
    [{ adgroup_id: "17", adgroup_name: "Odd", operation_status: "FROZEN" }, "EUR", { status: "frozen" }],
  ])("%j in %s", (g, currency, want) => {
    expect(adgroupFromTikTok(g, currency)).toEqual({
      kind: "adgroup", platformId: g.adgroup_id, parentPlatformId: null, markerId: undefined, name: g.adgroup_name ?? g.adgroup_id,
      status: "active", dailyBudgetCents: null, lifetimeBudgetCents: null, bidCents: null, ...want,
    });
  });

  it("refuses a bid in more decimals than the currency has rather than rounding it", () => {
    expect(() => adgroupFromTikTok({ adgroup_id: "18", bid_price: 0.5 }, "JPY")).toThrow(RangeError);
  });
});

describe("adFromTikTok", () => {
  it.each([
    [{ ad_id: "21", adgroup_id: "11", ad_name: "Hook A", operation_status: "ENABLE" }, { name: "Hook A", status: "active" }],
    [{ ad_id: "22", adgroup_id: "11", ad_name: "Hook B", operation_status: "DISABLE" }, { name: "Hook B", status: "paused" }],
    [{ ad_id: "23", adgroup_id: "12", operation_status: "DELETE" }, { name: "23", status: "deleted" }],
  ])("%j", (a, want) => {
    expect(adFromTikTok(a)).toEqual({
      kind: "ad", platformId: a.ad_id, parentPlatformId: a.adgroup_id, markerId: undefined,
      dailyBudgetCents: null, lifetimeBudgetCents: null, bidCents: null, ...want,
    });
  });

  it.each([{ ad_id: "24" }, { ad_id: "25", adgroup_id: null }, { ad_id: "26", adgroup_id: "" }])("cannot place %j without its ad group", (a) => {
    expect(adFromTikTok(a)).toBeUndefined();
  });
});
