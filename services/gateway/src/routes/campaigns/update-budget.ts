import type { FastifyInstance } from "fastify";
import { budgetBodySchema } from "@layers/contracts";
import type { RouteContext } from "../../context.ts";
import { assertRepresentable } from "../../http/money.ts";
import { parseBody } from "../../http/parse.ts";
import { assertActive, projectAndCampaignFor, requestContext } from "../../http/tenancy.ts";
import { actorOf } from "../../domain/principal.ts";
import { principalOf } from "../../plugins/auth.ts";
import { answerWrite } from "../../writes/answer.ts";
import { entityKeyOfCampaign, submitWrite } from "../../writes/submit-write.ts";

/** PATCH …/ads/:platform/campaigns/:campaignId/budget — a tactical write through the gate. */
export function registerUpdateBudget(app: FastifyInstance, ctx: RouteContext): void {
  app.patch<{ Params: { projectId: string; platform: string; campaignId: string } }>(
    "/v1/projects/:projectId/ads/:platform/campaigns/:campaignId/budget",
    { config: { auth: { anyOf: ["ads:write:budgets"] }, idempotent: true } },
    async (req, reply) => {
      const { project, platform, campaign } = await projectAndCampaignFor(ctx, req, req.params.projectId, req.params.platform, req.params.campaignId);
      const body = parseBody(budgetBodySchema, req.body);
      assertActive(project);
      assertRepresentable(platform, campaign.layer_currency, body);
      const outcome = await submitWrite(
        ctx.writes,
        {
          organizationId: project.organization_id,
          projectId: project.id,
          layerId: campaign.layer_id,
          platform,
          operation: "update_budget",
          entityKey: entityKeyOfCampaign(campaign.id),
          params: { campaignId: campaign.id, ...body },
          actor: actorOf(principalOf(req)),
        },
        requestContext(req),
        { campaignId: campaign.id },
      );
      return answerWrite(reply, outcome);
    },
  );
}
