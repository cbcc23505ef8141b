import type { FastifyInstance } from "fastify";
import { adsMetricsQuerySchema, adsMetricsResponseSchema, type AdsMetricsResponse } from "@layers/contracts";
import { sql } from "kysely";
import type { RouteContext } from "../../context.ts";
import { parseQuery } from "../../http/parse.ts";
import { projectFor } from "../../http/tenancy.ts";
import { routeDoc } from "../../openapi/route-doc.ts";

const MAX_ROWS = 10_000;

/**
 * GET /v1/projects/:projectId/ads-metrics?platform=&level=&since=&until=&entityId= — the daily
 * metrics the optimizer synced (read only), money in contract minor units, with their totals.
 */
export function registerGetAdsMetrics(app: FastifyInstance, ctx: RouteContext): void {
  app.get<{ Params: { projectId: string } }>("/v1/projects/:projectId/ads-metrics", { config: { auth: { anyOf: ["ads:read"] }, takesQuery: true, doc: routeDoc({ operationId: "getAdsMetrics", tag: "Optimizer", summary: "Metrics of the project's ads", query: adsMetricsQuerySchema, responses: { 200: adsMetricsResponseSchema } }) } }, async (req) => {
    const project = await projectFor(ctx, req, req.params.projectId);
    const q = parseQuery(adsMetricsQuerySchema, req.query);
    let query = ctx.db
      .selectFrom("ad_metrics_daily")
      .select(["entity_id", "level", sql<string>`to_char(date, 'YYYY-MM-DD')`.as("day"), "spend_cents", "impressions", "clicks", "conversions"])
      .where("project_id", "=", project.id);
    if (q.platform !== undefined) query = query.where("platform", "=", q.platform.replace(/_ads$/, "") as "meta" | "tiktok" | "apple");
    if (q.level !== undefined) query = query.where("level", "=", q.level);
    if (q.entityId !== undefined) query = query.where("entity_id", "=", q.entityId);
    if (q.since !== undefined) query = query.where("date", ">=", q.since);
    if (q.until !== undefined) query = query.where("date", "<=", q.until);
    const rows = await query.orderBy("entity_id").orderBy("date").limit(MAX_ROWS).execute();
    const data = rows.map((r) => ({ entityId: r.entity_id, level: r.level, date: r.day, spendCents: Number(r.spend_cents), impressions: Number(r.impressions), clicks: Number(r.clicks), conversions: Number(r.conversions) }));
    const totals = data.reduce((t, r) => ({ spendCents: t.spendCents + r.spendCents, impressions: t.impressions + r.impressions, clicks: t.clicks + r.clicks, conversions: t.conversions + r.conversions }), { spendCents: 0, impressions: 0, clicks: 0, conversions: 0 });
    const out: AdsMetricsResponse = { data, totals };
    return adsMetricsResponseSchema.parse(out);
  });
}
