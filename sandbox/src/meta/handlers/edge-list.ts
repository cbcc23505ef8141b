import { readPositiveInt, readString } from "../graph-params.ts";
import { paginate } from "../paging.ts";
import type { GraphContext, GraphResult } from "./graph-context.ts";

const DEFAULT_LIMIT = 25;

/**
 * One page of an edge (`GET /act_{id}/campaigns`, `/{campaign_id}/adsets`…): `items` newest
 * first and already filtered, cursor paged with `limit`, `after`, `before`. The last page has no
 * `next`; an empty result has no `paging` at all, as on Meta. `summary=true` adds the total.
 */
export function listEdge<T extends { ordinal: number }>(ctx: GraphContext, items: readonly T[], render: (item: T) => Record<string, unknown>): GraphResult {
  const { req } = ctx;
  const limit = readPositiveInt(req.params, "limit") ?? DEFAULT_LIMIT;
  const after = readString(req.params, "after");
  const before = readString(req.params, "before");
  const page = paginate(items, { limit, ...(after === undefined ? {} : { after }), ...(before === undefined ? {} : { before }) });

  const body: Record<string, unknown> = { data: page.items.map(render) };
  if (page.cursors) {
    const paging: Record<string, unknown> = { cursors: page.cursors };
    if (page.hasNext) paging.next = pageLink(ctx, limit, "after", page.cursors.after);
    if (page.hasPrevious) paging.previous = pageLink(ctx, limit, "before", page.cursors.before);
    body.paging = paging;
  }
  const summary = readString(req.params, "summary");
  if (summary !== undefined && summary !== "false" && summary !== "0") body.summary = { total_count: items.length };
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
