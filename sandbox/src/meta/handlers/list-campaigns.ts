import { readCampaignFilter } from "../campaign-filter.ts";
import { assertCampaignSelection, renderCampaign } from "../campaign-view.ts";
import { readFieldSelection } from "../field-selection.ts";
import { listEdge } from "./edge-list.ts";
import type { GraphContext, GraphResult } from "./graph-context.ts";

/** `GET /act_{id}/campaigns`: newest first, cursor paged (see `listEdge`). */
export function listCampaigns(ctx: GraphContext): GraphResult {
  const { req, account, store } = ctx;
  const selection = readFieldSelection(req.params, ["id"]);
  assertCampaignSelection(selection);
  const filter = readCampaignFilter(req.params);
  const matching = store.campaignsNewestFirst(account.id).filter(filter);
  return listEdge(ctx, matching, (c) => renderCampaign(c, selection, (id) => store.label(id)));
}
