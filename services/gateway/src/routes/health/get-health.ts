import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { healthSchema, readinessSchema, type Health, type Readiness } from "@layers/contracts";
import type { RouteContext } from "../../context.ts";
import { routeDoc } from "../../openapi/route-doc.ts";

/**
 * GET /healthz — the process is up (liveness). GET /readyz — it can take writes: Postgres answers
 * and the NATS connection is open (readiness). Both public: orchestrators probe them unauthenticated.
 */
export function registerHealth(app: FastifyInstance, ctx: RouteContext): void {
  const open = (doc: ReturnType<typeof routeDoc>) => ({ config: { auth: false as const, doc } });
  app.get("/healthz", open(routeDoc({ operationId: "getHealth", tag: "Health", summary: "Liveness", responses: { 200: healthSchema } })), async (): Promise<Health> => ({ ok: true }));
  app.get("/readyz", open(routeDoc({ operationId: "getReadiness", tag: "Health", summary: "Readiness: Postgres and NATS answer", responses: { 200: readinessSchema, 503: { schema: readinessSchema, contentType: "application/json", description: "A dependency does not answer" } } })), async (_req, reply) => {
    const checks = { postgres: false, nats: !ctx.nc.isClosed() };
    try {
      await sql`select 1`.execute(ctx.db);
      checks.postgres = true;
    } catch {
      /* reported below */
    }
    const ok = checks.postgres && checks.nats;
    const body: Readiness = { ok, checks };
    return reply.code(ok ? 200 : 503).send(body);
  });
}
