import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import type { Health, Readiness } from "@layers/contracts";
import type { RouteContext } from "../../context.ts";

/**
 * GET /healthz — the process is up (liveness). GET /readyz — it can take writes: Postgres answers
 * and the NATS connection is open (readiness). Both public: orchestrators probe them unauthenticated.
 */
export function registerHealth(app: FastifyInstance, ctx: RouteContext): void {
  const open = { config: { auth: false as const } };
  app.get("/healthz", open, async (): Promise<Health> => ({ ok: true }));
  app.get("/readyz", open, async (_req, reply) => {
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
