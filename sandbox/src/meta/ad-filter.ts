import { ID_OPERATORS, readEdgeFilter, TEXT_OPERATORS, type EdgePredicate } from "./edge-filter.ts";
import { adEffectiveStatus } from "./effective-status.ts";
import { AD_EFFECTIVE_STATUSES } from "./enums.ts";
import type { GraphParams } from "./graph-params.ts";
import type { MetaAd, MetaLookup } from "./meta-types.ts";

/**
 * The filter of the ad edges (`/act_{id}/ads`, `/{campaign_id}/ads`, `/{adset_id}/ads`):
 * `filtering` on `id`, `name`, `campaign.id`, `adset.id` and `effective_status` (read through
 * the parents, like the ad set edges).
 */
export function readAdFilter(params: GraphParams, lookup: Pick<MetaLookup, "campaign" | "adSet">): EdgePredicate<MetaAd> {
  return readEdgeFilter(params, {
    noun: "ads",
    prefix: "ad.",
    fields: {
      id: { read: (a) => a.id, ops: ID_OPERATORS },
      name: { read: (a) => a.name, ops: TEXT_OPERATORS },
      "campaign.id": { read: (a) => a.campaignId, ops: ID_OPERATORS },
      campaign_id: { read: (a) => a.campaignId, ops: ID_OPERATORS },
      "adset.id": { read: (a) => a.adSetId, ops: ID_OPERATORS },
      adset_id: { read: (a) => a.adSetId, ops: ID_OPERATORS },
    },
    effectiveStatuses: AD_EFFECTIVE_STATUSES,
    effectiveStatus: (a) => adEffectiveStatus(a.status, lookup.adSet(a.adSetId)?.status, lookup.campaign(a.campaignId)?.status),
  });
}
