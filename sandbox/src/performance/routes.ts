import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { appleReport } from "./apple-reports.ts";
import { putPerformanceBodySchema } from "./daily.ts";
import { metaInsights } from "./meta-insights.ts";
import type { PerformanceBook, PerformancePlatform } from "./performance-book.ts";
import { tiktokReport } from "./tiktok-report.ts";
import { treeFor, type PerformanceStores } from "./trees.ts";

export interface PerformanceDeps extends PerformanceStores {
  book: PerformanceBook;
  now?: () => Date;
}

const platformSchema = z.enum(["meta", "tiktok", "apple"]);
const header = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * The reporting surfaces (Meta insights, TikTok integrated report, Apple v5 reports) and the
 * `/_sandbox/performance/{platform}/{platformObjectId}` control calls that script them.
 */
export function registerPerformanceRoutes(app: FastifyInstance, deps: PerformanceDeps): void {
  const now = deps.now ?? (() => new Date());
  const today = () => now().toISOString().slice(0, 10);

  const target = (params: unknown) => {
    const p = params as { platform: string; objectId: string };
    const platform = platformSchema.safeParse(p.platform);
    if (!platform.success) return { error: `platform must be one of meta, tiktok, apple` } as const;
    if (!treeFor(platform.data, deps).exists(p.objectId)) return { notFound: `unknown ${platform.data} object ${p.objectId}` } as const;
    return { platform: platform.data as PerformancePlatform, id: p.objectId } as const;
  };

  app.put("/_sandbox/performance/:platform/:objectId", async (request, reply) => {
    const t = target(request.params);
    if ("error" in t) return reply.code(400).send({ error: { message: t.error } });
    if ("notFound" in t) return reply.code(404).send({ error: { message: t.notFound } });
    const body = putPerformanceBodySchema.safeParse(request.body ?? {});
    if (!body.success) {
      return reply.code(400).send({ error: { message: "invalid request", issues: body.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) } });
    }
    deps.book.script(t.platform, t.id, body.data.daily);
    return { platform: t.platform, platformObjectId: t.id, daily: deps.book.scripted(t.platform, t.id) };
  });

  app.get("/_sandbox/performance/:platform/:objectId", async (request, reply) => {
    const t = target(request.params);
    if ("error" in t) return reply.code(400).send({ error: { message: t.error } });
    if ("notFound" in t) return reply.code(404).send({ error: { message: t.notFound } });
    return { platform: t.platform, platformObjectId: t.id, scripted: deps.book.scripted(t.platform, t.id) ?? null };
  });

  app.delete("/_sandbox/performance/:platform/:objectId", async (request, reply) => {
    const p = request.params as { platform: string; objectId: string };
    const platform = platformSchema.safeParse(p.platform);
    if (!platform.success) return reply.code(400).send({ error: { message: "platform must be one of meta, tiktok, apple" } });
    // Clearing is idempotent: an object never scripted (or gone) is already clear.
    return { cleared: deps.book.clear(platform.data, p.objectId) };
  });

  // Static segments outrank the platforms' catch-all routes in Fastify's router.
  app.get("/:version/:objectId/insights", async (request, reply) => {
    const { objectId } = request.params as { objectId: string };
    const out = metaInsights(deps.meta, deps.book, { objectId, query: request.query as Record<string, unknown>, authorization: request.headers.authorization, today: today() });
    return reply.code(out.status).send(out.body);
  });

  app.get("/open_api/v1.3/report/integrated/get/", async (request, reply) => {
    const out = tiktokReport(deps.tiktok, deps.book, { token: header(request.headers["access-token"]), query: request.query as Record<string, unknown>, now: now() });
    return reply.code(200).send(out);
  });

  const apple = (kindOf: (params: Record<string, string>) => Parameters<typeof appleReport>[2]["kind"]) => async (request: { params: unknown; headers: Record<string, string | string[] | undefined>; body: unknown }, reply: import("fastify").FastifyReply) => {
    const out = appleReport(deps.apple, deps.book, {
      authorization: header(request.headers.authorization),
      apContext: header(request.headers["x-ap-context"]),
      body: request.body,
      kind: kindOf(request.params as Record<string, string>),
      today: today(),
    });
    return reply.code(out.status).send(out.body);
  };
  app.post("/api/v5/reports/campaigns", apple(() => ({ level: "campaigns" })));
  app.post("/api/v5/reports/campaigns/:campaignId/adgroups", apple((p) => ({ level: "adgroups", campaignId: p.campaignId ?? "" })));
  app.post("/api/v5/reports/campaigns/:campaignId/keywords", apple((p) => ({ level: "keywords", campaignId: p.campaignId ?? "" })));
  app.post("/api/v5/reports/campaigns/:campaignId/adgroups/:adGroupId/keywords", apple((p) => ({ level: "keywords", campaignId: p.campaignId ?? "", adGroupId: p.adGroupId ?? "" })));
}
