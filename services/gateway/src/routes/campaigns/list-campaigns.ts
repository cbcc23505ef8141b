import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { campaignSchema, pageSchema, type Platform } from "@layers/contracts";
import type { RouteContext } from "../../context.ts";
import { pageQuery, parseQuery, PREFIXED_ID_RE } from "../../http/parse.ts";
import { platformOf, projectFor } from "../../http/tenancy.ts";
import { syncAccounts } from "../../http/sync-accounts.ts";
import { listConnectedAccounts } from "../../repositories/ad-accounts.repository.ts";
import { listCampaigns, rowToCampaign } from "../../repositories/campaigns.repository.ts";
import { toPage } from "../../repositories/pagination.ts";
import { routeDoc } from "../../openapi/route-doc.ts";

/**
 * GET …/ads/campaigns (every platform) and GET …/ads/:platform/campaigns. The first page asks
 * the dispatchers to sync the connected accounts, so campaigns made outside Layers show up too.
 */
export function registerListCampaigns(app: FastifyInstance, ctx: RouteContext): void {
  const querySchema = z.strictObject(pageQuery(ctx.cursors, PREFIXED_ID_RE("cmp")));
  const handler = async (req: FastifyRequest<{ Params: { projectId: string; platform?: string } }>) => {
    const project = await projectFor(ctx, req, req.params.projectId);
    const platform: Platform | null = req.params.platform === undefined ? null : platformOf(req.params.platform);
    const q = parseQuery(querySchema, req.query);
    if (!q.cursor) await syncAccounts(ctx, await listConnectedAccounts(ctx.db, project.id, platform), req.id);
    const rows = await listCampaigns(ctx.db, { projectId: project.id, platform, limit: q.limit, cursor: q.cursor });
    return toPage(ctx.cursors, rows, q.limit, rowToCampaign);
  };
  const opts = (operationId: string, summary: string) => ({
    config: { auth: { anyOf: ["ads:read"] as const }, takesQuery: true, doc: routeDoc({ operationId, tag: "Campaigns", summary, query: querySchema, responses: { 200: pageSchema(campaignSchema) } }) },
  });
  app.get("/v1/projects/:projectId/ads/campaigns", opts("listAllCampaigns", "List the campaigns of every platform, newest first"), handler);
  app.get("/v1/projects/:projectId/ads/:platform/campaigns", opts("listCampaigns", "List a platform's campaigns, newest first"), handler);
}
