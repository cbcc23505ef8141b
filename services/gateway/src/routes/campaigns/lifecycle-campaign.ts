import type { FastifyInstance } from "fastify";
import { emptyBodySchema, type Operation } from "@layers/contracts";
import type { RouteContext } from "../../context.ts";
import { parseBody } from "../../http/parse.ts";
import { assertActive, projectAndCampaignFor, requestContext } from "../../http/tenancy.ts";
import { actorOf } from "../../domain/principal.ts";
import { principalOf } from "../../plugins/auth.ts";
import { answerWrite } from "../../writes/answer.ts";
import { entityKeyOfCampaign, submitWrite } from "../../writes/submit-write.ts";

const VERBS = { pause: "pause_campaign", resume: "resume_campaign", archive: "archive_campaign" } as const satisfies Record<string, Operation>;

/** POST …/ads/:platform/campaigns/:campaignId/{pause,resume,archive} — structural writes through the gate. */
export function registerLifecycleCampaign(app: FastifyInstance, ctx: RouteContext): void {
  for (const [verb, operation] of Object.entries(VERBS)) {
    app.post<{ Params: { projectId: string; platform: string; campaignId: string } }>(
      `/v1/projects/:projectId/ads/:platform/campaigns/:campaignId/${verb}`,
      { config: { auth: { anyOf: ["ads:write:lifecycle"] }, idempotent: true } },
      async (req, reply) => {
        const { project, platform, campaign } = await projectAndCampaignFor(ctx, req, req.params.projectId, req.params.platform, req.params.campaignId);
        parseBody(emptyBodySchema, req.body);
        assertActive(project);
        const outcome = await submitWrite(
          ctx.writes,
          {
            organizationId: project.organization_id,
            projectId: project.id,
            layerId: campaign.layer_id,
            platform,
            operation,
            entityKey: entityKeyOfCampaign(campaign.id),
            params: { campaignId: campaign.id },
            actor: actorOf(principalOf(req)),
          },
          requestContext(req),
          { campaignId: campaign.id },
        );
        return answerWrite(reply, outcome);
      },
    );
  }
}
