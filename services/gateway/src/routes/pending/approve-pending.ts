import type { FastifyInstance } from "fastify";
import { approveBodySchema, type Operation, type WriteIntent } from "@layers/contracts";
import { acceptWrite } from "@layers/db";
import type { RouteContext } from "../../context.ts";
import { ApiError, notFound } from "../../errors.ts";
import { parseBody } from "../../http/parse.ts";
import { platformOf, projectFor, requestContext } from "../../http/tenancy.ts";
import { actorOf } from "../../domain/principal.ts";
import { principalOf } from "../../plugins/auth.ts";
import { findIntentPayload, lockPending, markApproved } from "../../repositories/pending.repository.ts";
import { answerWrite } from "../../writes/answer.ts";
import { publishEvent } from "../../writes/publish-event.ts";
import { intentInput, publishAndWait } from "../../writes/submit-write.ts";
import { pendingFor } from "./pending-for.ts";

/**
 * POST …/pending/:id/approve — marks the action approved and stores a re-run intent in the same
 * transaction (so an approval is never recorded without its re-run), then the gate decides the
 * re-run on the policy as it is now and the caller is answered like any write.
 */
export function registerApprovePending(app: FastifyInstance, ctx: RouteContext): void {
  app.post<{ Params: { projectId: string; platform: string; pendingActionId: string } }>(
    "/v1/projects/:projectId/ads/:platform/pending/:pendingActionId/approve",
    { config: { auth: { anyOf: ["ads:write:pending"] }, idempotent: true } },
    async (req, reply) => {
      const project = await projectFor(ctx, req, req.params.projectId);
      const platform = platformOf(req.params.platform);
      const found = await pendingFor(ctx, project, platform, req.params.pendingActionId);
      const body = parseBody(approveBodySchema, req.body);
      const approver = actorOf(principalOf(req));
      const rc = requestContext(req);
      const intent: WriteIntent = await ctx.db.transaction().execute(async (trx) => {
        const row = await lockPending(trx, found.id);
        if (!row) throw notFound("pending action");
        if (row.status !== "pending") throw new ApiError("CONFLICT", `the pending action is ${row.status}, not pending`);
        const original = await findIntentPayload(trx, row.intent_id);
        if (!original) throw new Error(`pending action ${row.id} has no stored intent ${row.intent_id}`);
        const rerun = await acceptWrite(
          trx,
          intentInput(
            {
              organizationId: row.organization_id,
              projectId: row.project_id,
              layerId: row.layer_id,
              platform,
              operation: original.operation as Operation,
              entityKey: original.entityKey,
              params: original.params,
              actor: approver,
              source: "approval",
              pendingActionId: row.id,
              existingJobId: row.job_id,
            },
            rc,
            ctx.writes.waiter,
          ),
        );
        await markApproved(trx, row.id, approver, body.comment, rerun.intentId);
        return rerun;
      });
      await publishEvent(
        ctx,
        "approval.approved",
        found.id,
        { organizationId: project.organization_id, projectId: project.id, platform, pendingActionId: found.id, jobId: found.job_id, approvedBy: approver, comment: body.comment ?? null },
        rc,
      );
      const outcome = await publishAndWait(ctx.writes, intent, rc);
      const campaign = found.campaign_id ? { campaignId: found.campaign_id } : {};
      const answer = answerWrite(reply, outcome, { ...campaign, publicBaseUrl: ctx.publicBaseUrl });
      return { ...answer, pendingActionId: found.id };
    },
  );
}
