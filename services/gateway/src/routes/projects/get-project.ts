import type { FastifyInstance } from "fastify";
import type { RouteContext } from "../../context.ts";
import { projectFor } from "../../http/tenancy.ts";
import { rowToProject } from "../../repositories/projects.repository.ts";

export function registerGetProject(app: FastifyInstance, ctx: RouteContext): void {
  app.get<{ Params: { projectId: string } }>("/v1/projects/:projectId", { config: { auth: { anyOf: ["projects:read"] } } }, async (req) => {
    return rowToProject(await projectFor(ctx, req, req.params.projectId));
  });
}
