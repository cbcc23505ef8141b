import { readCampaignFilter } from "../campaign-filter.ts";
import { assertCampaignSelection, renderCampaign } from "../campaign-view.ts";
import { readFieldSelection } from "../field-selection.ts";
import { readPositiveInt, readString } from "../graph-params.ts";
import { paginate } from "../paging.ts";
import type { GraphContext, GraphResult } from "./graph-context.ts";

const DEFAULT_LIMIT = 25;

/**
 * `GET /act_{id}/campaigns`: newest first, cursor paged. The last page has no `next`; an empty
 * result has no `paging` at all, as on Meta.
 */
export function listCampaigns(ctx: GraphContext): GraphResult {
  const { req, account, store } = ctx;
  const selection = readFieldSelection(req.params, ["id"]);
  assertCampaignSelection(selection);
  const filter = readCampaignFilter(req.params);
  const limit = readPositiveInt(req.params, "limit") ?? DEFAULT_LIMIT;
  const after = readString(req.params, "after");
  const before = readString(req.params, "before");
  const matching = store.campaignsNewestFirst(account.id).filter(filter);
  const page = paginate(matching, { limit, ...(after === undefined ? {} : { after }), ...(before === undefined ? {} : { before }) });

  const body: Record<string, unknown> = { data: page.items.map((c) => renderCampaign(c, selection, (id) => store.label(id))) };
  if (page.cursors) {
    const paging: Record<string, unknown> = { cursors: page.cursors };
    if (page.hasNext) paging.next = pageLink(ctx, limit, "after", page.cursors.after);
    if (page.hasPrevious) paging.previous = pageLink(ctx, limit, "before", page.cursors.before);
    body.paging = paging;
  }
  const summary = readString(req.params, "summary");
  if (summary !== undefined && summary !== "false" && summary !== "0") body.summary = { total_count: matching.length };
  return { body };
}

/** The same query with the cursor swapped; it keeps `access_token` when the client sent it there. */
function pageLink(ctx: GraphContext, limit: number, key: "after" | "before", cursor: string): string {
  const q = new URLSearchParams(ctx.req.query);
  q.delete("after");
  q.delete("before");
  q.set("limit", String(limit));
  q.set(key, cursor);
  return `${ctx.req.origin}${ctx.req.path}?${q.toString()}`;
}
