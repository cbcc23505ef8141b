import type { FastifyInstance } from "fastify";
import { campaignSchema } from "@layers/contracts";
import type { RouteContext } from "../../context.ts";
import { campaignFor, platformOf, projectFor } from "../../http/tenancy.ts";
import { rowToCampaign } from "../../repositories/campaigns.repository.ts";
import { routeDoc } from "../../openapi/route-doc.ts";

export function registerGetCampaign(app: FastifyInstance, ctx: RouteContext): void {
  app.get<{ Params: { projectId: string; platform: string; campaignId: string } }>(
    "/v1/projects/:projectId/ads/:platform/campaigns/:campaignId",
    { config: { auth: { anyOf: ["ads:read"] }, doc: routeDoc({ operationId: "getCampaign", tag: "Campaigns", summary: "Get a campaign", responses: { 200: campaignSchema } }) } },
    async (req) => {
      const project = await projectFor(ctx, req, req.params.projectId);
      return rowToCampaign(await campaignFor(ctx, project, platformOf(req.params.platform), req.params.campaignId));
    },
  );
}
