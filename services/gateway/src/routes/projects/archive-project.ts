import type { FastifyInstance } from "fastify";
import { emptyBodySchema, projectSchema } from "@layers/contracts";
import type { RouteContext } from "../../context.ts";
import { parseBody } from "../../http/parse.ts";
import { projectFor } from "../../http/tenancy.ts";
import { archiveProject, rowToProject } from "../../repositories/projects.repository.ts";
import { routeDoc } from "../../openapi/route-doc.ts";

/** POST /v1/projects/:projectId/archive — idempotent by nature: archiving twice changes nothing. */
export function registerArchiveProject(app: FastifyInstance, ctx: RouteContext): void {
  app.post<{ Params: { projectId: string } }>(
    "/v1/projects/:projectId/archive",
    {
      config: {
        auth: { anyOf: ["projects:write"] },
        idempotent: true,
        doc: routeDoc({ operationId: "archiveProject", tag: "Projects", summary: "Archive a project (read-only afterwards)", body: emptyBodySchema, responses: { 200: projectSchema } }),
      },
    },
    async (req) => {
      const project = await projectFor(ctx, req, req.params.projectId);
      parseBody(emptyBodySchema, req.body);
      const archived = await archiveProject(ctx.db, project.id);
      ctx.projects.invalidate(project.id); // read our own write at once; other gateways hear the NOTIFY
      return rowToProject(archived);
    },
  );
}
