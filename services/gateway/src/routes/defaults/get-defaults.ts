import type { FastifyInstance } from "fastify";
import { defaultsViewSchema } from "@layers/contracts";
import type { RouteContext } from "../../context.ts";
import { layerFor, platformOf, projectFor } from "../../http/tenancy.ts";
import { defaultsView } from "../../repositories/layers.repository.ts";
import { routeDoc } from "../../openapi/route-doc.ts";

export function registerGetDefaults(app: FastifyInstance, ctx: RouteContext): void {
  app.get<{ Params: { projectId: string; platform: string } }>(
    "/v1/projects/:projectId/ads/:platform/defaults",
    { config: { auth: { anyOf: ["ads:read"] }, doc: routeDoc({ operationId: "getDefaults", tag: "Policy", summary: "The layer's default authority", responses: { 200: defaultsViewSchema } }) } },
    async (req) => {
      const project = await projectFor(ctx, req, req.params.projectId);
      return defaultsView(await layerFor(ctx, project, platformOf(req.params.platform)));
    },
  );
}
