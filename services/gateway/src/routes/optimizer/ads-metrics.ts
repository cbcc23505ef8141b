import type { FastifyInstance } from "fastify";
import { adsMetricsQuerySchema, adsMetricsResponseSchema, type AdsMetricsResponse, type Platform } from "@layers/contracts";
import { readMetrics } from "@layers/optimizer-store";
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
    const data = (
      await readMetrics(ctx.db, {
        projectId: project.id,
        ...(q.platform !== undefined ? { platform: q.platform.replace(/_ads$/, "") as Platform } : {}),
        ...(q.level !== undefined ? { level: q.level } : {}),
        ...(q.entityId !== undefined ? { entityId: q.entityId } : {}),
        ...(q.since !== undefined ? { since: q.since } : {}),
        ...(q.until !== undefined ? { until: q.until } : {}),
        limit: MAX_ROWS,
      })
    ).map((r) => ({ entityId: r.entityId, level: r.level, date: r.date, spendCents: r.spendCents, impressions: r.impressions, clicks: r.clicks, conversions: r.conversions }));
    const totals = data.reduce((t, r) => ({ spendCents: t.spendCents + r.spendCents, impressions: t.impressions + r.impressions, clicks: t.clicks + r.clicks, conversions: t.conversions + r.conversions }), { spendCents: 0, impressions: 0, clicks: 0, conversions: 0 });
    const out: AdsMetricsResponse = { data, totals };
    return adsMetricsResponseSchema.parse(out);
  });
}
