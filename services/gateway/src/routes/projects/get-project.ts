import type { FastifyInstance } from "fastify";
import { projectSchema } from "@layers/contracts";
import type { RouteContext } from "../../context.ts";
import { projectFor } from "../../http/tenancy.ts";
import { rowToProject } from "../../repositories/projects.repository.ts";
import { routeDoc } from "../../openapi/route-doc.ts";

export function registerGetProject(app: FastifyInstance, ctx: RouteContext): void {
  app.get<{ Params: { projectId: string } }>("/v1/projects/:projectId", { config: { auth: { anyOf: ["projects:read"] }, doc: routeDoc({ operationId: "getProject", tag: "Projects", summary: "Get a project", responses: { 200: projectSchema } }) } }, async (req) => {
    return rowToProject(await projectFor(ctx, req, req.params.projectId));
  });
}
