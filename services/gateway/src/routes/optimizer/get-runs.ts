import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { layerIdSchema, optimizerRunListSchema, optimizerRunSchema } from "@layers/contracts";
import type { RouteContext } from "../../context.ts";
import { notFound } from "../../errors.ts";
import { parseQuery } from "../../http/parse.ts";
import { projectFor } from "../../http/tenancy.ts";
import { readRuns } from "@layers/optimizer-store";
import { routeDoc } from "../../openapi/route-doc.ts";

const listQuerySchema = z.strictObject({ layerId: layerIdSchema.optional(), limit: z.coerce.number().int().min(1).max(100).default(20) });

/** GET …/ads/optimizer/runs/:runId and GET …/ads/optimizer/runs?layerId= (newest first). */
export function registerGetOptimizerRuns(app: FastifyInstance, ctx: RouteContext): void {
  app.get<{ Params: { projectId: string; runId: string } }>("/v1/projects/:projectId/ads/optimizer/runs/:runId", { config: { auth: { anyOf: ["ads:read"] }, doc: routeDoc({ operationId: "getOptimizerRun", tag: "Optimizer", summary: "Get an optimizer run and its proposals", responses: { 200: optimizerRunSchema } }) } }, async (req) => {
    const project = await projectFor(ctx, req, req.params.projectId);
    if (!/^opr_[0-9a-z]{26}$/.test(req.params.runId)) throw notFound("run");
    const [run] = await readRuns(ctx.db, project.id, { runId: req.params.runId, limit: 1 });
    if (run === undefined) throw notFound("run");
    return optimizerRunSchema.parse(run);
  });

  app.get<{ Params: { projectId: string } }>("/v1/projects/:projectId/ads/optimizer/runs", { config: { auth: { anyOf: ["ads:read"] }, takesQuery: true, doc: routeDoc({ operationId: "listOptimizerRuns", tag: "Optimizer", summary: "List optimizer runs, newest first", query: listQuerySchema, responses: { 200: optimizerRunListSchema } }) } }, async (req) => {
    const project = await projectFor(ctx, req, req.params.projectId);
    const q = parseQuery(listQuerySchema, req.query);
    return optimizerRunListSchema.parse({ data: await readRuns(ctx.db, project.id, { ...(q.layerId ? { layerId: q.layerId } : {}), limit: q.limit }) });
  });
}
