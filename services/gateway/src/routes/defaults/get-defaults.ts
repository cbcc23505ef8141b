import type { FastifyInstance } from "fastify";
import type { RouteContext } from "../../context.ts";
import { layerFor, platformOf, projectFor } from "../../http/tenancy.ts";
import { defaultsView } from "../../repositories/layers.repository.ts";

export function registerGetDefaults(app: FastifyInstance, ctx: RouteContext): void {
  app.get<{ Params: { projectId: string; platform: string } }>(
    "/v1/projects/:projectId/ads/:platform/defaults",
    { config: { auth: { anyOf: ["ads:read"] } } },
    async (req) => {
      const project = await projectFor(ctx, req, req.params.projectId);
      return defaultsView(await layerFor(ctx, project, platformOf(req.params.platform)));
    },
  );
}
