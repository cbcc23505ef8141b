import type { FastifyInstance } from "fastify";
import { adsContentItemSchema, adsContentListSchema, patchAdsContentBodySchema, type AdsContentItem } from "@layers/contracts";
import type { Db } from "@layers/db";
import { poolRows, setCreativeOverride } from "@layers/optimizer-store";
import type { RouteContext } from "../../context.ts";
import { notFound } from "../../errors.ts";
import { parseBody } from "../../http/parse.ts";
import { projectFor } from "../../http/tenancy.ts";
import { routeDoc } from "../../openapi/route-doc.ts";

const DAY_MS = 86_400_000;

/** The project's creative pool: one item per distinct creative of the ads Layers knows, scored by CTR over the last 30 days. */
async function readPool(db: Db, projectId: string): Promise<AdsContentItem[]> {
  const today = new Date();
  const window = { since: new Date(today.getTime() - 30 * DAY_MS).toISOString().slice(0, 10), until: today.toISOString().slice(0, 10) };
  const rows = await poolRows(db, projectId, undefined, window);
  return rows.map((r) => ({ id: r.id, platform: r.platform, creative: r.spec, adIds: r.adIds, impressions: r.impressions, clicks: r.clicks, score: r.impressions === 0 ? null : r.clicks / r.impressions, override: r.override }));
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
    await setCreativeOverride(ctx.db, project.id, item.id, body.override);
    return adsContentItemSchema.parse({ ...item, override: body.override });
  });
}
