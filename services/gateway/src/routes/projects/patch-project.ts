import type { FastifyInstance } from "fastify";
import { patchProjectBodySchema, projectSchema } from "@layers/contracts";
import type { RouteContext } from "../../context.ts";
import { parseBody } from "../../http/parse.ts";
import { assertActive, projectFor } from "../../http/tenancy.ts";
import { rowToProject, updateProject } from "../../repositories/projects.repository.ts";
import { routeDoc } from "../../openapi/route-doc.ts";

export function registerPatchProject(app: FastifyInstance, ctx: RouteContext): void {
  app.patch<{ Params: { projectId: string } }>(
    "/v1/projects/:projectId",
    {
      config: {
        auth: { anyOf: ["projects:write"] },
        idempotent: true,
        doc: routeDoc({ operationId: "updateProject", tag: "Projects", summary: "Rename a project or change its settings", body: patchProjectBodySchema, responses: { 200: projectSchema } }),
      },
    },
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
