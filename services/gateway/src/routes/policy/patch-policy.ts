import type { FastifyInstance } from "fastify";
import { appliedSchema, policyPatchBodySchema, policyViewSchema, writeAcceptedSchema } from "@layers/contracts";
import type { RouteContext } from "../../context.ts";
import { isCustomer, partnerAttemptRefused } from "../../http/customer-only.ts";
import { parseBody } from "../../http/parse.ts";
import { assertActive, layerFor, platformOf, projectFor } from "../../http/tenancy.ts";
import { policyView } from "../../repositories/layers.repository.ts";
import { answerPolicyWrite } from "../../writes/answer.ts";
import { submitLayerWrite } from "../../writes/submit-layer-write.ts";
import { routeDoc } from "../../openapi/route-doc.ts";

/**
 * PATCH …/ads/:platform/policy — the customer's: ceiling, partner consent, budget cap, Apple writer
 * preset. A partner's attempt is submitted to the gate (denied `not_partner_writable`, audited) and
 * answered `403 CUSTOMER_ONLY`, archived project or not.
 */
export function registerPatchPolicy(app: FastifyInstance, ctx: RouteContext): void {
  app.patch<{ Params: { projectId: string; platform: string } }>(
    "/v1/projects/:projectId/ads/:platform/policy",
    { config: { auth: {}, idempotent: true, doc: routeDoc({ operationId: "updatePolicy", tag: "Policy", summary: "Change what partners may do on the layer (a partner gets 403 CUSTOMER_ONLY)", body: policyPatchBodySchema, responses: { 200: appliedSchema(policyViewSchema), 202: writeAcceptedSchema }, problems: [409] }) } },
    async (req, reply) => {
      const project = await projectFor(ctx, req, req.params.projectId);
      const platform = platformOf(req.params.platform);
      const layer = await layerFor(ctx, project, platform);
      const body = parseBody(policyPatchBodySchema, req.body);
      const partner = !isCustomer(req);
      if (!partner) assertActive(project);
      const outcome = await submitLayerWrite(ctx, req, { project, layer, platform }, "update_policy", body);
      if (partner) {
        const refused = partnerAttemptRefused(outcome);
        if (refused) throw refused;
      }
      return answerPolicyWrite(reply, outcome, async () => policyView(await layerFor(ctx, project, platform)));
    },
  );
}
