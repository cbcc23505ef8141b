import type { FastifyInstance } from "fastify";
import { patchProjectBodySchema } from "@layers/contracts";
import type { RouteContext } from "../../context.ts";
import { parseBody } from "../../http/parse.ts";
import { assertActive, projectFor } from "../../http/tenancy.ts";
import { rowToProject, updateProject } from "../../repositories/projects.repository.ts";

export function registerPatchProject(app: FastifyInstance, ctx: RouteContext): void {
  app.patch<{ Params: { projectId: string } }>(
    "/v1/projects/:projectId",
    { config: { auth: { anyOf: ["projects:write"] }, idempotent: true } },
    async (req) => {
      const project = await projectFor(ctx, req, req.params.projectId);
      const body = parseBody(patchProjectBodySchema, req.body);
      assertActive(project);
      const updated = await updateProject(ctx.db, project.id, body);
      ctx.projects.invalidate(project.id); // read our own write at once; other gateways hear the NOTIFY
      return rowToProject(updated);
    },
  );
}
