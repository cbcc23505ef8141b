import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { actorTypeSchema, auditDecisionSchema, auditEntrySchema, operationSchema, pageSchema } from "@layers/contracts";
import type { RouteContext } from "../../context.ts";
import { pageQuery, parseQuery, UUID_RE } from "../../http/parse.ts";
import { principalOf } from "../../plugins/auth.ts";
import { listAudit, rowToAudit } from "../../repositories/audit.repository.ts";
import { toPage } from "../../repositories/pagination.ts";
import { routeDoc } from "../../openapi/route-doc.ts";

/** GET /v1/audit-log — one row per gate decision (and per job cancel), newest first; customers see their project only. */
export function registerListAuditLog(app: FastifyInstance, ctx: RouteContext): void {
  const querySchema = z.strictObject({
    ...pageQuery(ctx.cursors, UUID_RE),
    projectId: z.uuid().optional(),
    operation: operationSchema.optional(),
    decision: auditDecisionSchema.optional(),
    actorType: actorTypeSchema.optional(),
    since: z.iso.datetime({ offset: true }).optional(),
    until: z.iso.datetime({ offset: true }).optional(),
  });
  app.get("/v1/audit-log", {
    config: {
      auth: { anyOf: ["audit:read"] },
      takesQuery: true,
      doc: routeDoc({ operationId: "listAuditLog", tag: "Audit log", summary: "Gate decisions, newest first", query: querySchema, responses: { 200: pageSchema(auditEntrySchema) } }),
    },
  }, async (req) => {
    const q = parseQuery(querySchema, req.query);
    const p = principalOf(req);
    const rows = await listAudit(ctx.db, {
      organizationId: p.organizationId,
      forcedProjectId: p.kind === "customer" ? p.projectId : undefined,
      projectId: q.projectId,
      operation: q.operation,
      decision: q.decision,
      actorType: q.actorType,
      since: q.since,
      until: q.until,
      limit: q.limit,
      cursor: q.cursor,
    });
    return toPage(ctx.cursors, rows, q.limit, rowToAudit);
  });
}
