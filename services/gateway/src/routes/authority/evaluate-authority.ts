import type { FastifyInstance } from "fastify";
import { evaluateBodySchema, evaluateReplySchema, evaluateResponseSchema, type EvaluateRequest, type EvaluateResponse } from "@layers/contracts";
import { hopHeaders } from "@layers/runtime";
import type { RouteContext } from "../../context.ts";
import { ApiError, notFound } from "../../errors.ts";
import { assertRepresentable } from "../../http/money.ts";
import { parseBody } from "../../http/parse.ts";
import { campaignFor, layerFor, platformOf, projectFor } from "../../http/tenancy.ts";
import { actorOf } from "../../domain/principal.ts";
import { principalOf } from "../../plugins/auth.ts";
import { routeDoc } from "../../openapi/route-doc.ts";

/**
 * POST …/ads/:platform/authority/evaluate — the dry run (SPEC §4): asks the gate (core NATS request,
 * no stream) what it would decide for the described write by the caller. Nothing is written and
 * nothing is published: no job, intent, audit row or event. No answer in time → 503.
 */
export function registerEvaluateAuthority(app: FastifyInstance, ctx: RouteContext): void {
  app.post<{ Params: { projectId: string; platform: string } }>(
    "/v1/projects/:projectId/ads/:platform/authority/evaluate",
    { config: { auth: { anyOf: ["ads:read"] }, doc: routeDoc({ operationId: "evaluateAuthority", tag: "Authority", summary: "What the gate would decide for a write (nothing is written)", body: evaluateBodySchema, responses: { 200: evaluateResponseSchema } }) } },
    async (req, reply) => {
      const project = await projectFor(ctx, req, req.params.projectId);
      const platform = platformOf(req.params.platform);
      const body = parseBody(evaluateBodySchema, req.body);
      const campaign = body.campaignId !== undefined ? await campaignFor(ctx, project, platform, body.campaignId) : null;
      const layer = await layerFor(ctx, project, platform);
      const params = body.params ?? {};
      // The real write would be refused at the edge for money its platform cannot take; so is its dry run.
      assertRepresentable(platform, layer.currency, { dailyBudgetCents: params.dailyBudgetCents, lifetimeBudgetCents: params.lifetimeBudgetCents }, "/params");
      const request: EvaluateRequest = {
        organizationId: project.organization_id,
        projectId: project.id,
        layerId: layer.id,
        platform,
        operation: body.operation,
        ...(campaign ? { campaignId: campaign.id } : {}),
        actor: actorOf(principalOf(req)),
        params,
        requestId: req.id,
      };
      let raw: unknown;
      try {
        const msg = await ctx.nc.request(ctx.names.subjects.evaluate(platform), JSON.stringify(request), {
          timeout: ctx.writes.verdictTimeoutMs,
          headers: hopHeaders({ requestId: req.id, traceparent: req.traceparent }),
        });
        raw = msg.json();
      } catch (err) {
        req.log.warn({ err }, "the gate did not answer an evaluate request");
        throw new ApiError("UNAVAILABLE", "the gate did not answer in time; try again", { headers: { "Retry-After": "1" } });
      }
      const answer = evaluateReplySchema.safeParse(raw);
      if (!answer.success) throw new Error(`malformed evaluate reply: ${answer.error.message.slice(0, 300)}`);
      if (!answer.data.ok) {
        if (answer.data.code === "NOT_FOUND") throw notFound(campaign ? "campaign" : "layer");
        throw new Error(`evaluate refused (${answer.data.code}): ${answer.data.message}`);
      }
      const { ok: _ok, ...verdict } = answer.data;
      const out: EvaluateResponse = evaluateResponseSchema.parse(verdict);
      return reply.code(200).send(out);
    },
  );
}
