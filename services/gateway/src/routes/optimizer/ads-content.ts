import type { FastifyInstance } from "fastify";
import { adsContentItemSchema, adsContentListSchema, creativeIdOf, creativeSpecSchema, patchAdsContentBodySchema, type AdsContentItem, type Platform } from "@layers/contracts";
import type { Db } from "@layers/db";
import { sql } from "kysely";
import type { RouteContext } from "../../context.ts";
import { notFound } from "../../errors.ts";
import { parseBody } from "../../http/parse.ts";
import { projectFor } from "../../http/tenancy.ts";
import { routeDoc } from "../../openapi/route-doc.ts";

/** The project's creative pool: one item per distinct creative of the ads Layers knows, scored by CTR over 30 days. */
async function readPool(db: Db, projectId: string): Promise<AdsContentItem[]> {
  const ads = await db.selectFrom("ad_entities").select(["id", "platform", "creative"]).where("project_id", "=", projectId).where("kind", "=", "ad").where("creative", "is not", null).orderBy("id").execute();
  const metrics = await db
    .selectFrom("ad_metrics_daily")
    .select(["entity_id", sql<string>`sum(impressions)`.as("impressions"), sql<string>`sum(clicks)`.as("clicks")])
    .where("project_id", "=", projectId)
    .where("level", "=", "ad")
    .where("date", ">=", sql<string>`current_date - 30`)
    .groupBy("entity_id")
    .execute();
  const byAd = new Map(metrics.map((m) => [m.entity_id, m]));
  const overrides = new Map((await db.selectFrom("creative_overrides").select(["creative_id", "override"]).where("project_id", "=", projectId).execute()).map((o) => [o.creative_id, o.override]));
  const pool = new Map<string, AdsContentItem>();
  for (const ad of ads) {
    const spec = creativeSpecSchema.safeParse(ad.creative);
    if (!spec.success) continue;
    const id = creativeIdOf(ad.creative);
    const item = pool.get(id) ?? { id, platform: ad.platform as Platform, creative: spec.data, adIds: [], impressions: 0, clicks: 0, score: null, override: overrides.get(id) ?? null };
    item.adIds.push(ad.id);
    item.impressions += Number(byAd.get(ad.id)?.impressions ?? 0);
    item.clicks += Number(byAd.get(ad.id)?.clicks ?? 0);
    item.score = item.impressions === 0 ? null : item.clicks / item.impressions;
    pool.set(id, item);
  }
  return [...pool.values()];
}

/**
 * GET /v1/projects/:projectId/ads-content — the creative pool the optimizer picks replacements
 * from; PATCH …/ads-content/:id `{override: "include"|"exclude"|null}` — excluded creatives are
 * never proposed and ads showing them are never touched; included ones are eligible whatever their score.
 */
export function registerAdsContent(app: FastifyInstance, ctx: RouteContext): void {
  app.get<{ Params: { projectId: string } }>("/v1/projects/:projectId/ads-content", { config: { auth: { anyOf: ["ads:read"] }, doc: routeDoc({ operationId: "listAdsContent", tag: "Optimizer", summary: "The project's creative pool", responses: { 200: adsContentListSchema } }) } }, async (req) => {
    const project = await projectFor(ctx, req, req.params.projectId);
    return adsContentListSchema.parse({ data: await readPool(ctx.db, project.id) });
  });

  app.patch<{ Params: { projectId: string; id: string } }>("/v1/projects/:projectId/ads-content/:id", { config: { auth: { anyOf: ["ads:write:override"] }, doc: routeDoc({ operationId: "updateAdsContent", tag: "Optimizer", summary: "Include or exclude a creative from the optimizer's pool", body: patchAdsContentBodySchema, responses: { 200: adsContentItemSchema } }) } }, async (req) => {
    const project = await projectFor(ctx, req, req.params.projectId);
    const body = parseBody(patchAdsContentBodySchema, req.body ?? {});
    const pool = await readPool(ctx.db, project.id);
    const item = pool.find((c) => c.id === req.params.id);
    if (item === undefined) throw notFound("creative");
    if (body.override === null) {
      await ctx.db.deleteFrom("creative_overrides").where("project_id", "=", project.id).where("creative_id", "=", item.id).execute();
    } else {
      await ctx.db
        .insertInto("creative_overrides")
        .values({ project_id: project.id, creative_id: item.id, override: body.override })
        .onConflict((oc) => oc.columns(["project_id", "creative_id"]).doUpdateSet({ override: body.override!, updated_at: sql<Date>`now()` }))
        .execute();
    }
    return adsContentItemSchema.parse({ ...item, override: body.override });
  });
}
