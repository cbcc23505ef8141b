import type { FastifyInstance } from "fastify";
import { campaignAuthoritySchema } from "@layers/contracts";
import type { RouteContext } from "../../context.ts";
import { campaignFor, platformOf, projectFor } from "../../http/tenancy.ts";
import { authorityView } from "./authority-view.ts";
import { routeDoc } from "../../openapi/route-doc.ts";

export function registerGetAuthority(app: FastifyInstance, ctx: RouteContext): void {
  app.get<{ Params: { projectId: string; platform: string; campaignId: string } }>(
    "/v1/projects/:projectId/ads/:platform/campaigns/:campaignId/authority",
    { config: { auth: { anyOf: ["ads:read"] }, doc: routeDoc({ operationId: "getCampaignAuthority", tag: "Authority", summary: "The campaign's effective authority and where it comes from", responses: { 200: campaignAuthoritySchema } }) } },
    async (req) => {
      const project = await projectFor(ctx, req, req.params.projectId);
      return authorityView(await campaignFor(ctx, project, platformOf(req.params.platform), req.params.campaignId));
    },
  );
}
