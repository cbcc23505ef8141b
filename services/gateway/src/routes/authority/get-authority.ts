import type { FastifyInstance } from "fastify";
import type { RouteContext } from "../../context.ts";
import { campaignFor, platformOf, projectFor } from "../../http/tenancy.ts";
import { authorityView } from "./authority-view.ts";

export function registerGetAuthority(app: FastifyInstance, ctx: RouteContext): void {
  app.get<{ Params: { projectId: string; platform: string; campaignId: string } }>(
    "/v1/projects/:projectId/ads/:platform/campaigns/:campaignId/authority",
    { config: { auth: { anyOf: ["ads:read"] } } },
    async (req) => {
      const project = await projectFor(ctx, req, req.params.projectId);
      return authorityView(await campaignFor(ctx, project, platformOf(req.params.platform), req.params.campaignId));
    },
  );
}
