import { renderAdAccount } from "../ad-account-view.ts";
import { renderAd } from "../ad-view.ts";
import { renderAdSet } from "../adset-view.ts";
import { renderCampaign } from "../campaign-view.ts";
import { renderCreative } from "../creative-view.ts";
import { readFieldSelection } from "../field-selection.ts";
import { requireNode, type GraphContext, type GraphResult } from "./graph-context.ts";

/** Deleted objects stay readable by id. Default fields for every node: id and name. */
const NODE_DEFAULTS = ["id", "name"];

/** `GET /{campaign_id}`. */
export function readCampaign(ctx: GraphContext): GraphResult {
  const c = requireNode(ctx, "campaign").campaign;
  return { body: renderCampaign(c, readFieldSelection(ctx.req.params, NODE_DEFAULTS), (id) => ctx.store.label(id)) };
}

/** `GET /{adset_id}`. */
export function readAdSet(ctx: GraphContext): GraphResult {
  const a = requireNode(ctx, "adSet").adSet;
  return { body: renderAdSet(a, readFieldSelection(ctx.req.params, NODE_DEFAULTS), ctx.store) };
}

/** `GET /{ad_id}`. */
export function readAd(ctx: GraphContext): GraphResult {
  const a = requireNode(ctx, "ad").ad;
  return { body: renderAd(a, readFieldSelection(ctx.req.params, NODE_DEFAULTS), ctx.store) };
}

/** `GET /{creative_id}`; an unnamed creative answers just its id. */
export function readCreative(ctx: GraphContext): GraphResult {
  const c = requireNode(ctx, "creative").creative;
  return { body: renderCreative(c, readFieldSelection(ctx.req.params, NODE_DEFAULTS), ctx.store) };
}

/** `GET /act_{id}`. Default fields: account_id and id. */
export function readAdAccount(ctx: GraphContext): GraphResult {
  return { body: renderAdAccount(ctx.account, readFieldSelection(ctx.req.params, ["account_id", "id"])) };
}
