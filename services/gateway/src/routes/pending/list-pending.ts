import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { pageSchema, pendingActionSchema, pendingStatusSchema } from "@layers/contracts";
import type { RouteContext } from "../../context.ts";
import { pageQuery, parseQuery, PREFIXED_ID_RE } from "../../http/parse.ts";
import { platformOf, projectFor } from "../../http/tenancy.ts";
import { listPending, rowToPending } from "../../repositories/pending.repository.ts";
import { toPage } from "../../repositories/pagination.ts";
import { routeDoc } from "../../openapi/route-doc.ts";

/** GET …/ads/:platform/pending?status= — newest first, cursor-paginated. */
export function registerListPending(app: FastifyInstance, ctx: RouteContext): void {
  const querySchema = z.strictObject({ ...pageQuery(ctx.cursors, PREFIXED_ID_RE("pa")), status: pendingStatusSchema.optional() });
  app.get<{ Params: { projectId: string; platform: string } }>(
    "/v1/projects/:projectId/ads/:platform/pending",
    {
      config: {
        auth: { anyOf: ["ads:read"] },
        takesQuery: true,
        doc: routeDoc({ operationId: "listPendingActions", tag: "Approvals", summary: "List pending actions, newest first", query: querySchema, responses: { 200: pageSchema(pendingActionSchema) } }),
      },
    },
    async (req) => {
      const project = await projectFor(ctx, req, req.params.projectId);
      const platform = platformOf(req.params.platform);
      const q = parseQuery(querySchema, req.query);
      const rows = await listPending(ctx.db, { projectId: project.id, platform, status: q.status, limit: q.limit, cursor: q.cursor });
      return toPage(ctx.cursors, rows, q.limit, rowToPending);
    },
  );
}
