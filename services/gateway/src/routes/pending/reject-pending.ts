import type { FastifyInstance } from "fastify";
import { rejectBodySchema } from "@layers/contracts";
import type { RouteContext } from "../../context.ts";
import { ApiError, notFound } from "../../errors.ts";
import { parseBody } from "../../http/parse.ts";
import { platformOf, projectFor, requestContext } from "../../http/tenancy.ts";
import { actorOf } from "../../domain/principal.ts";
import { principalOf } from "../../plugins/auth.ts";
import { lockPending, markRejected, rowToPending } from "../../repositories/pending.repository.ts";
import { publishEvent } from "../../writes/publish-event.ts";
import { pendingFor } from "./pending-for.ts";

/** POST …/pending/:id/reject — the queued write ends: action `rejected`, job `canceled`. No gate run: nothing reaches a platform. */
export function registerRejectPending(app: FastifyInstance, ctx: RouteContext): void {
  app.post<{ Params: { projectId: string; platform: string; pendingActionId: string } }>(
    "/v1/projects/:projectId/ads/:platform/pending/:pendingActionId/reject",
    { config: { auth: { anyOf: ["ads:write:pending"] }, idempotent: true } },
    async (req) => {
      const project = await projectFor(ctx, req, req.params.projectId);
      const platform = platformOf(req.params.platform);
      const found = await pendingFor(ctx, project, platform, req.params.pendingActionId);
      const body = parseBody(rejectBodySchema, req.body);
      const by = actorOf(principalOf(req));
      const updated = await ctx.db.transaction().execute(async (trx) => {
        const row = await lockPending(trx, found.id);
        if (!row) throw notFound("pending action");
        if (row.status !== "pending") throw new ApiError("CONFLICT", `the pending action is ${row.status}, not pending`);
        return markRejected(trx, row, by, body.reason);
      });
      await publishEvent(
        ctx,
        "approval.disapproved",
        found.id,
        { organizationId: project.organization_id, projectId: project.id, platform, pendingActionId: found.id, jobId: found.job_id, rejectedBy: by, reason: body.reason },
        requestContext(req),
      );
      return rowToPending(updated);
    },
  );
}
