import { assertCreativeSelection, renderCreative } from "../creative-view.ts";
import { readFieldSelection } from "../field-selection.ts";
import { listEdge } from "./edge-list.ts";
import type { GraphContext, GraphResult } from "./graph-context.ts";

/** `GET /act_{id}/adcreatives`: the account's creative library, deleted creatives left out. */
export function listCreatives(ctx: GraphContext): GraphResult {
  const { req, account, store } = ctx;
  const selection = readFieldSelection(req.params, ["id"]);
  assertCreativeSelection(selection);
  const matching = store.creativesNewestFirst(account.id).filter((c) => c.status !== "DELETED");
  return listEdge(ctx, matching, (c) => renderCreative(c, selection, store));
}
