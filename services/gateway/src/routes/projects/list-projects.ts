import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { pageSchema, projectSchema } from "@layers/contracts";
import type { RouteContext } from "../../context.ts";
import { pageQuery, parseQuery, UUID_RE } from "../../http/parse.ts";
import { principalOf } from "../../plugins/auth.ts";
import { listProjects, rowToProject } from "../../repositories/projects.repository.ts";
import { toPage } from "../../repositories/pagination.ts";
import { routeDoc } from "../../openapi/route-doc.ts";

/** GET /v1/projects — newest first, `?limit=&cursor=` → `{data, nextCursor}`. */
export function registerListProjects(app: FastifyInstance, ctx: RouteContext): void {
  const querySchema = z.strictObject({ ...pageQuery(ctx.cursors, UUID_RE), status: z.enum(["active", "archived"]).optional() });
  app.get("/v1/projects", {
    config: {
      auth: { anyOf: ["projects:read"] },
      takesQuery: true,
      doc: routeDoc({ operationId: "listProjects", tag: "Projects", summary: "List projects, newest first", query: querySchema, responses: { 200: pageSchema(projectSchema) } }),
    },
  }, async (req) => {
    const q = parseQuery(querySchema, req.query);
    const p = principalOf(req);
    const rows = await listProjects(ctx.db, {
      organizationId: p.organizationId,
      onlyProjectId: p.kind === "customer" ? p.projectId : undefined,
      status: q.status,
      limit: q.limit,
      cursor: q.cursor,
    });
    return toPage(ctx.cursors, rows, q.limit, rowToProject);
  });
}
