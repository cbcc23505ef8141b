import { renderAdAccount } from "../ad-account-view.ts";
import { renderCampaign } from "../campaign-view.ts";
import { readFieldSelection } from "../field-selection.ts";
import type { GraphContext, GraphResult } from "./graph-context.ts";

/** `GET /{campaign_id}`: deleted campaigns stay readable by id. Default fields: id and name. */
export function readCampaign(ctx: GraphContext): GraphResult {
  const c = ctx.campaign;
  if (c === undefined) throw new Error("readCampaign needs a campaign");
  return { body: renderCampaign(c, readFieldSelection(ctx.req.params, ["id", "name"]), (id) => ctx.store.label(id)) };
}

/** `GET /act_{id}`. Default fields: account_id and id. */
export function readAdAccount(ctx: GraphContext): GraphResult {
  return { body: renderAdAccount(ctx.account, readFieldSelection(ctx.req.params, ["account_id", "id"])) };
}
