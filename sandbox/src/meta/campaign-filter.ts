import { ID_OPERATORS, readEdgeFilter, TEXT_OPERATORS, type EdgePredicate } from "./edge-filter.ts";
import { EFFECTIVE_STATUSES } from "./enums.ts";
import type { GraphParams } from "./graph-params.ts";
import type { MetaCampaign } from "./meta-types.ts";

export type CampaignPredicate = EdgePredicate<MetaCampaign>;

/**
 * Builds the edge filter for `GET /act_{id}/campaigns`: `filtering` on `id`, `name`,
 * `objective` and `effective_status` (with or without the `campaign.` prefix). Archived
 * campaigns are hidden unless asked for; deleted ones never show (see `readEdgeFilter`).
 */
export function readCampaignFilter(params: GraphParams): CampaignPredicate {
  return readEdgeFilter(params, {
    noun: "campaigns",
    prefix: "campaign.",
    fields: {
      id: { read: (c) => c.id, ops: ID_OPERATORS },
      name: { read: (c) => c.name, ops: TEXT_OPERATORS },
      objective: { read: (c) => c.objective, ops: ID_OPERATORS },
    },
    effectiveStatuses: EFFECTIVE_STATUSES,
    effectiveStatus: (c) => c.status,
  });
}
