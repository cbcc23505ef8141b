import type { FastifyInstance } from "fastify";
import { layerListSchema, type LayerList } from "@layers/contracts";
import type { RouteContext } from "../../context.ts";
import { projectFor } from "../../http/tenancy.ts";
import { listLayers, rowToLayer } from "../../repositories/layers.repository.ts";
import { routeDoc } from "../../openapi/route-doc.ts";

export function registerListLayers(app: FastifyInstance, ctx: RouteContext): void {
  app.get<{ Params: { projectId: string } }>(
    "/v1/projects/:projectId/layers",
    { config: { auth: { anyOf: ["projects:read", "ads:read"] }, doc: routeDoc({ operationId: "listLayers", tag: "Projects", summary: "The project's layers (one per platform)", responses: { 200: layerListSchema } }) } },
    async (req): Promise<LayerList> => {
      const project = await projectFor(ctx, req, req.params.projectId);
      return { data: (await listLayers(ctx.db, project.id)).map(rowToLayer) };
    },
  );
}
