import type { FastifyInstance } from "fastify";
import { appliedSchema, killSwitchBodySchema, killSwitchViewSchema, writeAcceptedSchema } from "@layers/contracts";
import type { RouteContext } from "../../context.ts";
import { isCustomer, partnerAttemptRefused } from "../../http/customer-only.ts";
import { parseBody } from "../../http/parse.ts";
import { layerFor, platformOf, projectFor } from "../../http/tenancy.ts";
import { assertOrgMayWrite, principalOf } from "../../plugins/auth.ts";
import { killSwitchView } from "../../repositories/layers.repository.ts";
import { answerPolicyWrite } from "../../writes/answer.ts";
import { submitLayerWrite } from "../../writes/submit-layer-write.ts";
import { routeDoc } from "../../openapi/route-doc.ts";

/**
 * PUT …/ads/:platform/kill-switch — the customer's (there is no kill-switch scope). It still goes
 * through the gate so the change is audited and ordered with the layer's other policy writes; a
 * partner's attempt goes there too, to be denied `not_partner_writable` and audited, and is answered
 * `403 CUSTOMER_ONLY`. Allowed on archived projects and in suspended or archived orgs too: stopping
 * spend must always be possible (releasing the switch there is refused like any write).
 */
export function registerPutKillSwitch(app: FastifyInstance, ctx: RouteContext): void {
  app.put<{ Params: { projectId: string; platform: string } }>(
    "/v1/projects/:projectId/ads/:platform/kill-switch",
    { config: { auth: { stopsSpend: true }, idempotent: true, doc: routeDoc({ operationId: "setKillSwitch", tag: "Policy", summary: "Stop (or release) every write to the layer's platform", body: killSwitchBodySchema, examples: { stop: { value: { active: true, reason: "Paused for the audit" } } }, responses: { 200: appliedSchema(killSwitchViewSchema), 202: writeAcceptedSchema }, problems: [409] }) } },
    async (req, reply) => {
      const project = await projectFor(ctx, req, req.params.projectId);
      const platform = platformOf(req.params.platform);
      const layer = await layerFor(ctx, project, platform);
      const body = parseBody(killSwitchBodySchema, req.body);
      // Stopping spend stays possible in a suspended or archived org; releasing the switch is a write like any other.
      if (!body.active) assertOrgMayWrite(principalOf(req), req.method);
      const outcome = await submitLayerWrite(ctx, req, { project, layer, platform }, "set_kill_switch", body);
      if (!isCustomer(req)) {
        const refused = partnerAttemptRefused(outcome);
        if (refused) throw refused;
      }
      return answerPolicyWrite(reply, outcome, async () => killSwitchView(await layerFor(ctx, project, platform)));
    },
  );
}
