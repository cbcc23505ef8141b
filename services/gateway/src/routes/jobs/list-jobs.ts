import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { jobSchema, jobStatusSchema, pageSchema } from "@layers/contracts";
import type { RouteContext } from "../../context.ts";
import { pageQuery, parseQuery, PREFIXED_ID_RE } from "../../http/parse.ts";
import { projectFor } from "../../http/tenancy.ts";
import { principalOf } from "../../plugins/auth.ts";
import { listJobs, rowToJob } from "../../repositories/jobs.repository.ts";
import { toPage } from "../../repositories/pagination.ts";
import { routeDoc } from "../../openapi/route-doc.ts";

/**
 * GET /v1/jobs — the org's jobs, newest first, with cursor pagination. `projectId` names one of the
 * caller's projects (another org's is 404, as everywhere); a customer sees their project's jobs only.
 */
export function registerListJobs(app: FastifyInstance, ctx: RouteContext): void {
  const querySchema = z.strictObject({
    ...pageQuery(ctx.cursors, PREFIXED_ID_RE("job")),
    projectId: z.uuid().optional(),
    status: jobStatusSchema.optional(),
  });
  const doc = routeDoc({ operationId: "listJobs", tag: "Jobs", summary: "List jobs, newest first", query: querySchema, responses: { 200: pageSchema(jobSchema) } });
  app.get("/v1/jobs", { config: { takesQuery: true, doc } }, async (req) => {
    const q = parseQuery(querySchema, req.query);
    const p = principalOf(req);
    if (q.projectId) await projectFor(ctx, req, q.projectId);
    const rows = await listJobs(ctx.db, {
      organizationId: p.organizationId,
      forcedProjectId: p.kind === "customer" ? p.projectId : undefined,
      projectId: q.projectId?.toLowerCase(),
      status: q.status,
      limit: q.limit,
      cursor: q.cursor,
    });
    return toPage(ctx.cursors, rows, q.limit, rowToJob);
  });
}
