import type { FastifyInstance } from "fastify";
import { optimizerRunAcceptedSchema, optimizerRunBodySchema, optimizerRunReplySchema, PLATFORM_OF_OPTIMIZER_PLATFORM, type OptimizerRunRequest } from "@layers/contracts";
import { hopHeaders } from "@layers/runtime";
import type { RouteContext } from "../../context.ts";
import { ApiError, notFound } from "../../errors.ts";
import { parseBody } from "../../http/parse.ts";
import { layerFor, projectFor } from "../../http/tenancy.ts";
import { routeDoc } from "../../openapi/route-doc.ts";

/**
 * POST /v1/projects/:projectId/ads/optimizer/run — asks the optimizer (core NATS request; it owns
 * its runs) to queue a run of the layer. 202 `{jobId, runId}` (the run's job: `GET /v1/jobs/:jobId`);
 * a layer with a run queued or running is 409 naming that run in `runId`; no optimizer answering
 * in time is 503.
 */
export function registerRunOptimizer(app: FastifyInstance, ctx: RouteContext): void {
  app.post<{ Params: { projectId: string } }>("/v1/projects/:projectId/ads/optimizer/run", { config: { auth: { anyOf: ["ads:write:optimizer_trigger"] }, doc: routeDoc({ operationId: "runOptimizer", tag: "Optimizer", summary: "Start an optimizer run", body: optimizerRunBodySchema, responses: { 202: optimizerRunAcceptedSchema }, problems: [409] }) } }, async (req, reply) => {
    const project = await projectFor(ctx, req, req.params.projectId);
    const body = parseBody(optimizerRunBodySchema, req.body ?? {});
    const platform = PLATFORM_OF_OPTIMIZER_PLATFORM[body.platform];
    const layer = await layerFor(ctx, project, platform);
    if (layer.id !== body.layerId) throw notFound("layer");
    const request: OptimizerRunRequest = { organizationId: project.organization_id, projectId: project.id, layerId: layer.id, platform, dryRun: body.dryRun, requestId: req.id };
    let raw: unknown;
    try {
      const msg = await ctx.nc.request(ctx.names.subjects.optimizerRun, JSON.stringify(request), { timeout: ctx.writes.verdictTimeoutMs, headers: hopHeaders({ requestId: req.id, traceparent: req.traceparent }) });
      raw = msg.json();
    } catch (err) {
      req.log.warn({ err }, "the optimizer did not answer a run request");
      throw new ApiError("UNAVAILABLE", "the optimizer did not answer in time; try again", { headers: { "Retry-After": "1" } });
    }
    const answer = optimizerRunReplySchema.parse(raw);
    if (!answer.ok) {
      if (answer.code === "CONFLICT") {
        throw new ApiError("CONFLICT", answer.runId ? `run ${answer.runId} of this layer is already queued or running` : answer.message, { reason: "open_run", ...(answer.runId ? { runId: answer.runId } : {}) });
      }
      if (answer.code === "NOT_FOUND") throw notFound("layer");
      throw new Error(`optimizer refused a run (${answer.code}): ${answer.message}`);
    }
    return reply.code(202).header("Location", `/v1/projects/${project.id}/ads/optimizer/runs/${answer.runId}`).send(optimizerRunAcceptedSchema.parse({ jobId: answer.jobId, runId: answer.runId }));
  });
}
