import type { SyncedChild } from "@layers/dispatch-core";
import { layersStatusOfApple } from "./apple-status.ts";
import { fromAppleMoney, type AppleAdGroup, type AppleKeyword } from "./apple/index.ts";

/*
 * Apple objects as Layers child rows: money in minor units of the account currency (a foreign
 * currency throws RangeError, as for campaigns), Layers status words. Apple keeps no marker Layers
 * could set, so `markerId` stays unset: a Layers-made object is matched by its platform id, which
 * the dispatcher recorded when the create landed.
 */

/** An ad group (level 2): its default bid is the Layers bid; Apple ad groups have no budget. */
export function adGroupChildFromApple(g: AppleAdGroup, currency: string): SyncedChild {
  return {
    kind: "adgroup",
    platformId: g.id,
    parentPlatformId: null,
    markerId: undefined,
    name: g.name,
    status: layersStatusOfApple(g),
    dailyBudgetCents: null,
    lifetimeBudgetCents: null,
    bidCents: g.defaultBidAmount ? fromAppleMoney(g.defaultBidAmount, currency) : null,
  };
}

/** A targeting keyword (level 3) of ad group `adGroupId`; no bid of its own means it bids the ad group's default. */
export function keywordChildFromApple(k: AppleKeyword, adGroupId: string, currency: string): SyncedChild {
  return {
    kind: "keyword",
    platformId: k.id,
    parentPlatformId: adGroupId,
    markerId: undefined,
    name: k.text,
    status: layersStatusOfApple(k),
    dailyBudgetCents: null,
    lifetimeBudgetCents: null,
    bidCents: k.bidAmount ? fromAppleMoney(k.bidAmount, currency) : null,
    matchType: matchTypeOf(k.matchType),
  };
}

/** Targeting keywords are BROAD or EXACT; anything else Apple may add is left out rather than guessed. */
function matchTypeOf(raw: string): SyncedChild["matchType"] {
  return raw === "BROAD" || raw === "EXACT" ? raw : undefined;
}
