import { ID_OPERATORS, readEdgeFilter, TEXT_OPERATORS, type EdgePredicate } from "./edge-filter.ts";
import { adSetEffectiveStatus } from "./effective-status.ts";
import { ADSET_EFFECTIVE_STATUSES } from "./enums.ts";
import type { GraphParams } from "./graph-params.ts";
import type { MetaAdSet, MetaLookup } from "./meta-types.ts";

/**
 * The filter of the ad set edges (`/act_{id}/adsets`, `/{campaign_id}/adsets`): `filtering` on
 * `id`, `name`, `campaign.id` and `effective_status`. Status filters read the effective status,
 * so an ad set under an archived campaign counts as archived and one under a deleted campaign
 * never shows.
 */
export function readAdSetFilter(params: GraphParams, lookup: Pick<MetaLookup, "campaign">): EdgePredicate<MetaAdSet> {
  return readEdgeFilter(params, {
    noun: "ad sets",
    prefix: "adset.",
    fields: {
      id: { read: (a) => a.id, ops: ID_OPERATORS },
      name: { read: (a) => a.name, ops: TEXT_OPERATORS },
      "campaign.id": { read: (a) => a.campaignId, ops: ID_OPERATORS },
      campaign_id: { read: (a) => a.campaignId, ops: ID_OPERATORS },
    },
    effectiveStatuses: ADSET_EFFECTIVE_STATUSES,
    effectiveStatus: (a) => adSetEffectiveStatus(a.status, lookup.campaign(a.campaignId)?.status),
  });
}
