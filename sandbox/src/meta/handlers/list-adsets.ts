import { readAdSetFilter } from "../adset-filter.ts";
import { assertAdSetSelection, renderAdSet } from "../adset-view.ts";
import { readFieldSelection } from "../field-selection.ts";
import { listEdge } from "./edge-list.ts";
import type { GraphContext, GraphResult } from "./graph-context.ts";

/** `GET /act_{id}/adsets` and `GET /{campaign_id}/adsets` (the node route narrows to the campaign). */
export function listAdSets(ctx: GraphContext): GraphResult {
  const { req, account, store, node } = ctx;
  const selection = readFieldSelection(req.params, ["id"]);
  assertAdSetSelection(selection);
  const filter = readAdSetFilter(req.params, store);
  const campaignId = node?.type === "campaign" ? node.campaign.id : undefined;
  const matching = store
    .adSetsNewestFirst(account.id)
    .filter((a) => campaignId === undefined || a.campaignId === campaignId)
    .filter(filter);
  return listEdge(ctx, matching, (a) => renderAdSet(a, selection, store));
}
