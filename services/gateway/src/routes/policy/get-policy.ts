import type { FastifyInstance } from "fastify";
import { policyViewSchema } from "@layers/contracts";
import type { RouteContext } from "../../context.ts";
import { layerFor, platformOf, projectFor } from "../../http/tenancy.ts";
import { policyView } from "../../repositories/layers.repository.ts";
import { routeDoc } from "../../openapi/route-doc.ts";

export function registerGetPolicy(app: FastifyInstance, ctx: RouteContext): void {
  app.get<{ Params: { projectId: string; platform: string } }>(
    "/v1/projects/:projectId/ads/:platform/policy",
    { config: { auth: { customerOnly: true }, doc: routeDoc({ operationId: "getPolicy", tag: "Policy", summary: "What partners may do on the layer (customer only)", responses: { 200: policyViewSchema } }) } },
    async (req) => {
      const project = await projectFor(ctx, req, req.params.projectId);
      return policyView(await layerFor(ctx, project, platformOf(req.params.platform)));
    },
  );
}
