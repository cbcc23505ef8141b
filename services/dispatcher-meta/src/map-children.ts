import { ID_PREFIXES, type IdKind } from "@layers/contracts";
import type { SyncedChild } from "@layers/dispatch-core";
import { nonZeroAmount } from "./map-campaign.ts";
import type { MetaAd, MetaAdSet } from "./meta/index.ts";
import { layersStatus } from "./plan-fields.ts";

/** What sync reads of each ad set and ad: enough for the Layers row and the marker that adopts a lost create. */
export const ADSET_SYNC_FIELDS = ["id", "name", "status", "daily_budget", "lifetime_budget", "bid_amount", "adlabels"] as const;
export const AD_SYNC_FIELDS = ["id", "name", "status", "adlabels"] as const;

type AdLabels = MetaAdSet["adlabels"];

/**
 * The Layers id a `layers:<id>` adlabel names, when it is of the expected kind. Another kind's id
 * (say a campaign marker copied onto an ad set in Ads Manager) is not this object's, so it is ignored.
 */
export function markerIdIn(labels: AdLabels, kind: IdKind): string | undefined {
  const marker = new RegExp(`^layers:(${ID_PREFIXES[kind]}_[0-9a-z]{26})$`);
  return labels?.map((l) => marker.exec(l.name)?.[1]).find((id) => id !== undefined);
}

/** A Meta ad set, in Layers terms (level 2: no parent). Budgets and bid arrive in Meta units. */
export function adSetFromMeta(a: MetaAdSet, currency: string): SyncedChild {
  return {
    kind: "adset",
    platformId: a.id,
    parentPlatformId: null,
    markerId: markerIdIn(a.adlabels, "adSet"),
    name: a.name ?? a.id,
    status: layersStatus(a.status ?? "UNKNOWN"),
    dailyBudgetCents: nonZeroAmount(a.daily_budget, currency),
    lifetimeBudgetCents: nonZeroAmount(a.lifetime_budget, currency),
    bidCents: nonZeroAmount(a.bid_amount, currency),
  };
}

/** A Meta ad under the ad set `adSetPlatformId`, in Layers terms. Ads carry no money on Meta. */
export function adFromMeta(ad: MetaAd, adSetPlatformId: string): SyncedChild {
  return {
    kind: "ad",
    platformId: ad.id,
    parentPlatformId: adSetPlatformId,
    markerId: markerIdIn(ad.adlabels, "ad"),
    name: ad.name ?? ad.id,
    status: layersStatus(ad.status ?? "UNKNOWN"),
    dailyBudgetCents: null,
    lifetimeBudgetCents: null,
    bidCents: null,
  };
}
