import { readAdFilter } from "../ad-filter.ts";
import { assertAdSelection, renderAd } from "../ad-view.ts";
import { readFieldSelection } from "../field-selection.ts";
import type { MetaAd } from "../meta-types.ts";
import { listEdge } from "./edge-list.ts";
import type { GraphContext, GraphResult } from "./graph-context.ts";

/** `GET /act_{id}/ads`, `GET /{campaign_id}/ads` and `GET /{adset_id}/ads`. */
export function listAds(ctx: GraphContext): GraphResult {
  const { req, account, store, node } = ctx;
  const selection = readFieldSelection(req.params, ["id"]);
  assertAdSelection(selection);
  const filter = readAdFilter(req.params, store);
  const under: (a: MetaAd) => boolean =
    node?.type === "campaign" ? (a) => a.campaignId === node.campaign.id
    : node?.type === "adSet" ? (a) => a.adSetId === node.adSet.id
    : () => true;
  const matching = store.adsNewestFirst(account.id).filter(under).filter(filter);
  return listEdge(ctx, matching, (a) => renderAd(a, selection, store));
}
