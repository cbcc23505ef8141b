import type { SyncedCampaign, SyncedChild } from "@layers/dispatch-core";
import { LAYERS_STATUS_OF } from "./plan-tiktok-write.ts";
import { fromTikTokAmount, type TikTokAd, type TikTokAdgroup, type TikTokCampaign } from "./tiktok/index.ts";

/**
 * TikTok objects as sync reads them, in Layers terms: lower-case status words, money in contract
 * minor units. TikTok keeps no marker on any level, so Layers creates are matched by platform id only.
 */

/** Budget modes whose `budget` is per day; BUDGET_MODE_TOTAL is for the object's life, INFINITE has none. */
const DAILY_MODES: ReadonlySet<string> = new Set(["BUDGET_MODE_DAY", "BUDGET_MODE_DYNAMIC_DAILY_BUDGET"]);

export function campaignFromTikTok(c: TikTokCampaign, currency: string): SyncedCampaign {
  return {
    platformCampaignId: c.campaign_id,
    markerCampaignId: undefined,
    name: c.campaign_name ?? c.campaign_id,
    status: layersStatusOf(c.operation_status),
    objective: c.objective_type ?? null,
    ...budgetsOf(c, currency),
  };
}

/** An ad group: level 2, so no parent; `bid_price` is its bid. */
export function adgroupFromTikTok(g: TikTokAdgroup, currency: string): SyncedChild {
  return {
    kind: "adgroup",
    platformId: g.adgroup_id,
    parentPlatformId: null,
    markerId: undefined,
    name: g.adgroup_name ?? g.adgroup_id,
    status: layersStatusOf(g.operation_status),
    ...budgetsOf(g, currency),
    // No custom bid (BID_TYPE_NO_BID) reads back as 0 or not at all; Layers bids are positive.
    bidCents: g.bid_price === undefined || g.bid_price === null || g.bid_price === 0 ? null : fromTikTokAmount(g.bid_price, currency),
  };
}

/** An ad: level 3 under its ad group. Undefined when TikTok did not name the ad group: it cannot be placed. */
export function adFromTikTok(a: TikTokAd): SyncedChild | undefined {
  if (!a.adgroup_id) return undefined;
  return {
    kind: "ad",
    platformId: a.ad_id,
    parentPlatformId: a.adgroup_id,
    markerId: undefined,
    name: a.ad_name ?? a.ad_id,
    status: layersStatusOf(a.operation_status),
    dailyBudgetCents: null,
    lifetimeBudgetCents: null,
    bidCents: null,
  };
}

/** ENABLE/DISABLE/DELETE as Layers words; a status Layers has no word for is kept, lower-cased. */
function layersStatusOf(operationStatus: string | null | undefined): string {
  const status = operationStatus ?? "UNKNOWN";
  return (LAYERS_STATUS_OF as Record<string, string>)[status] ?? status.toLowerCase();
}

function budgetsOf(o: { budget_mode?: string | null; budget?: number | null }, currency: string): { dailyBudgetCents: number | null; lifetimeBudgetCents: number | null } {
  const mode = o.budget_mode ?? "BUDGET_MODE_INFINITE";
  // TikTok reads an unbudgeted object (and an ad group under budget optimisation) back as budget 0; Layers keeps that as "no budget".
  const amount = o.budget === undefined || o.budget === null || o.budget === 0 || mode === "BUDGET_MODE_INFINITE" ? null : fromTikTokAmount(o.budget, currency);
  return {
    dailyBudgetCents: amount !== null && DAILY_MODES.has(mode) ? amount : null,
    lifetimeBudgetCents: amount !== null && mode === "BUDGET_MODE_TOTAL" ? amount : null,
  };
}
