import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { adEntitySchema, ID_KIND_OF_ENTITY, ID_PREFIXES, pageSchema, type ChildKind, type EntityKind } from "@layers/contracts";
import type { RouteContext } from "../../context.ts";
import { pageQuery, parseQuery, PREFIXED_ID_RE } from "../../http/parse.ts";
import { assertLevel } from "../../http/surface.ts";
import { syncCampaign } from "../../http/sync-accounts.ts";
import { listEntities, rowToAdEntity } from "../../repositories/ad-entities.repository.ts";
import { toPage } from "../../repositories/pagination.ts";
import { entityPath, resolveTarget, type EntityParams } from "./entity-target.ts";
import { KIND_NAME, routeDoc } from "../../openapi/route-doc.ts";

/**
 * Reads below the campaign: one ad set / ad group / ad / keyword, and the children of a campaign
 * or an ad set / ad group (newest first, cursor pages). The first page asks the platform's
 * dispatcher to sync the campaign's tree, so entities made outside Layers are listed too.
 */
export function registerReadChildren(app: FastifyInstance, ctx: RouteContext): void {
  const opts = { config: { auth: { anyOf: ["ads:read"] as const } } };
  for (const kind of ["adset", "adgroup", "ad", "keyword"] as const) {
    const doc = routeDoc({ operationId: `get${KIND_NAME[kind]}`, tag: "Ad sets, ad groups, ads, keywords", summary: `Get a ${kind}`, responses: { 200: adEntitySchema } });
    app.get<{ Params: EntityParams }>(entityPath(kind), { config: { ...opts.config, doc } }, async (req) => {
      const t = await resolveTarget(ctx, req, kind, req.params);
      return rowToAdEntity(t.row!);
    });
  }
  const lists: Array<{ url: string; parent: EntityKind; child: ChildKind }> = [
    { url: "/v1/projects/:projectId/ads/:platform/campaigns/:campaignId/adsets", parent: "campaign", child: "adset" },
    { url: "/v1/projects/:projectId/ads/:platform/campaigns/:campaignId/adgroups", parent: "campaign", child: "adgroup" },
    { url: "/v1/projects/:projectId/ads/:platform/adsets/:id/ads", parent: "adset", child: "ad" },
    { url: "/v1/projects/:projectId/ads/:platform/adgroups/:id/ads", parent: "adgroup", child: "ad" },
    { url: "/v1/projects/:projectId/ads/:platform/adgroups/:id/keywords", parent: "adgroup", child: "keyword" },
  ];
  for (const l of lists) {
    const querySchema = z.strictObject(pageQuery(ctx.cursors, PREFIXED_ID_RE(ID_PREFIXES[ID_KIND_OF_ENTITY[l.child]])));
    const doc = routeDoc({
      operationId: `list${KIND_NAME[l.parent]}${KIND_NAME[l.child]}s`,
      tag: "Ad sets, ad groups, ads, keywords",
      summary: `List the ${l.child}s of a ${l.parent}, newest first`,
      query: querySchema,
      responses: { 200: pageSchema(adEntitySchema) },
    });
    app.get<{ Params: EntityParams }>(l.url, { config: { ...opts.config, takesQuery: true, doc } }, async (req: FastifyRequest<{ Params: EntityParams }>) => {
      const parent = await resolveTarget(ctx, req, l.parent, req.params);
      assertLevel(parent.platform, l.child);
      const q = parseQuery(querySchema, req.query);
      // The first page refreshes the campaign's tree from the platform, so entities made outside Layers show up.
      if (!q.cursor) await syncCampaign(ctx, parent.platform, parent.campaignId, req.id);
      const rows = await listEntities(ctx.db, {
        kind: l.child,
        parent: parent.entityId ? { parentId: parent.entityId } : { campaignId: parent.campaignId },
        limit: q.limit,
        cursor: q.cursor,
      });
      return toPage(ctx.cursors, rows, q.limit, rowToAdEntity);
    });
  }
}
