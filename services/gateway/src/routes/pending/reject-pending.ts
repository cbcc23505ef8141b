import type { FastifyInstance } from "fastify";
import { rejectAnswerSchema, rejectBodySchema, type PendingActionBody } from "@layers/contracts";
import type { RouteContext } from "../../context.ts";
import { ApiError, notFound } from "../../errors.ts";
import { parseBody } from "../../http/parse.ts";
import { platformOf, projectFor, requestContext } from "../../http/tenancy.ts";
import { actorOf } from "../../domain/principal.ts";
import { principalOf } from "../../plugins/auth.ts";
import { lockPendingAction, rejectPending } from "@layers/lifecycle";
import { rowToPending } from "../../repositories/pending.repository.ts";
import { holdAnswer, sendAnswer } from "../../writes/hold-answer.ts";
import { stageEvent } from "../../writes/stage-event.ts";
import { pendingFor } from "./pending-for.ts";
import { routeDoc } from "../../openapi/route-doc.ts";

/**
 * POST …/pending/:id/reject — the queued write ends: action `rejected` (keeping the reason), job
 * `canceled` (with `job.canceled`), the entity of a rejected create `rejected`. No gate run:
 * nothing reaches a platform. The `approval.disapproved` event and the answer are stored in the
 * same transaction (event outbox; idempotency key), then the event is published.
 */
export function registerRejectPending(app: FastifyInstance, ctx: RouteContext): void {
  app.post<{ Params: { projectId: string; platform: string; pendingActionId: string } }>(
    "/v1/projects/:projectId/ads/:platform/pending/:pendingActionId/reject",
    {
      config: {
        auth: { anyOf: ["ads:write:pending"] },
        idempotent: true,
        doc: routeDoc({
          operationId: "rejectPendingAction",
          tag: "Approvals",
          summary: "Reject a pending action (its job is canceled)",
          body: rejectBodySchema,
          examples: { reason: { value: { reason: "Budget too high for this week" } } },
          responses: { 200: rejectAnswerSchema },
          problems: [409],
        }),
      },
    },
    async (req, reply): Promise<PendingActionBody> => {
      const project = await projectFor(ctx, req, req.params.projectId);
      const platform = platformOf(req.params.platform);
      const found = await pendingFor(ctx, project, platform, req.params.pendingActionId);
      const body = parseBody(rejectBodySchema, req.body);
      const by = actorOf(principalOf(req));
      const rc = requestContext(req);
      const stored = await ctx.db.transaction().execute(async (trx) => {
        const row = await lockPendingAction(trx, found.id);
        if (!row) throw notFound("pending action");
        if (row.status !== "pending") throw new ApiError("CONFLICT", `the pending action is ${row.status}, not pending`);
        const updated = await rejectPending(trx, row, by, body.reason, rc);
        await stageEvent(
          trx,
          "approval.disapproved",
          row.id,
          { organizationId: project.organization_id, projectId: project.id, platform, pendingActionId: row.id, jobId: row.job_id, rejectedBy: by, reason: body.reason },
          rc,
        );
        const answer = { statusCode: 200, body: rowToPending(updated), headers: {} };
        await holdAnswer(trx, rc.idem, answer);
        return { answer };
      });
      return sendAnswer(reply, stored.answer);
    },
  );
}
