import type { FastifyInstance } from "fastify";
import { appliedSchema, authorityPatchBodySchema, campaignAuthoritySchema, writeAcceptedSchema } from "@layers/contracts";
import type { RouteContext } from "../../context.ts";
import { parseBody } from "../../http/parse.ts";
import { assertActive, campaignFor, platformOf, projectFor, requestContext } from "../../http/tenancy.ts";
import { actorOf } from "../../domain/principal.ts";
import { principalOf } from "../../plugins/auth.ts";
import { answerPolicyWrite } from "../../writes/answer.ts";
import { entityKeyOfCampaign, submitWrite } from "../../writes/submit-write.ts";
import { authorityView } from "./authority-view.ts";
import { requireSomeAxis } from "./require-some-axis.ts";
import { routeDoc } from "../../openapi/route-doc.ts";

/** PATCH …/campaigns/:campaignId/authority — a policy write: the gate checks the customer's ceiling. */
export function registerPatchAuthority(app: FastifyInstance, ctx: RouteContext): void {
  app.patch<{ Params: { projectId: string; platform: string; campaignId: string } }>(
    "/v1/projects/:projectId/ads/:platform/campaigns/:campaignId/authority",
    { config: { auth: { anyOf: ["ads:write:policy"] }, idempotent: true, doc: routeDoc({
          operationId: "updateCampaignAuthority",
          tag: "Authority",
          summary: "Change the campaign's authority (within the customer's ceiling)",
          body: authorityPatchBodySchema,
          responses: { 200: appliedSchema(campaignAuthoritySchema), 202: writeAcceptedSchema },
          problems: [409],
        }) } },
    async (req, reply) => {
      const project = await projectFor(ctx, req, req.params.projectId);
      const platform = platformOf(req.params.platform);
      const campaign = await campaignFor(ctx, project, platform, req.params.campaignId);
      const body = parseBody(authorityPatchBodySchema, req.body);
      requireSomeAxis(body.authority);
      assertActive(project);
      const outcome = await submitWrite(
        ctx.writes,
        {
          organizationId: project.organization_id,
          projectId: project.id,
          layerId: campaign.layer_id,
          platform,
          operation: "update_authority",
          entityKey: entityKeyOfCampaign(campaign.id),
          params: { campaignId: campaign.id, authority: body.authority },
          actor: actorOf(principalOf(req)),
        },
        requestContext(req),
      );
      return answerPolicyWrite(
        reply,
        outcome,
        async () => authorityView(await campaignFor(ctx, project, platform, campaign.id)),
      );
    },
  );
}
