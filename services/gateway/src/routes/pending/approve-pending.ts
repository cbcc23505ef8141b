import type { FastifyInstance } from "fastify";
import { approveAnswerSchema, approveBodySchema, type ApproveAnswer, type Operation } from "@layers/contracts";
import { acceptWrite, approvePending, lockPendingAction } from "@layers/lifecycle";
import type { RouteContext } from "../../context.ts";
import { ApiError, notFound } from "../../errors.ts";
import { parseBody } from "../../http/parse.ts";
import { platformOf, projectFor, requestContext } from "../../http/tenancy.ts";
import { actorOf } from "../../domain/principal.ts";
import { principalOf } from "../../plugins/auth.ts";
import { findIntentPayload } from "../../repositories/pending.repository.ts";
import { acceptedAnswer } from "../../writes/accepted-answer.ts";
import { answerWrite } from "../../writes/answer.ts";
import { holdAnswer } from "../../writes/hold-answer.ts";
import { stageEvent } from "../../writes/stage-event.ts";
import { intentInput, publishAndWait } from "../../writes/submit-write.ts";
import { pendingFor } from "./pending-for.ts";
import { campaignAccountStatus } from "../../repositories/connect.repository.ts";
import { assertAccountConnected } from "../ad-accounts/account-conflict.ts";
import { routeDoc } from "../../openapi/route-doc.ts";

/**
 * POST …/pending/:id/approve — in one transaction: the action becomes approved, its re-run intent is
 * stored (an approval is never recorded without its re-run), the `approval.approved` event is
 * staged, and the `202 accepted` answer is held on the idempotency key (a retry after a crash gets
 * it instead of approving again). Then the gate decides the re-run on the policy as it is now and
 * the caller is answered like any write.
 */
export function registerApprovePending(app: FastifyInstance, ctx: RouteContext): void {
  app.post<{ Params: { projectId: string; platform: string; pendingActionId: string } }>(
    "/v1/projects/:projectId/ads/:platform/pending/:pendingActionId/approve",
    {
      config: {
        auth: { anyOf: ["ads:write:pending"] },
        idempotent: true,
        doc: routeDoc({
          operationId: "approvePendingAction",
          tag: "Approvals",
          summary: "Approve a pending action: its write is decided again and dispatched",
          body: approveBodySchema,
          examples: { comment: { value: { comment: "OK for the spring sale" } } },
          responses: { 202: approveAnswerSchema },
          problems: [409],
        }),
      },
    },
    async (req, reply): Promise<ApproveAnswer> => {
      const project = await projectFor(ctx, req, req.params.projectId);
      const platform = platformOf(req.params.platform);
      const found = await pendingFor(ctx, project, platform, req.params.pendingActionId);
      const body = parseBody(approveBodySchema, req.body);
      // The re-run would write to the campaign's ad account: one that is not connected is a 409 before anything is stored.
      if (found.campaign_id) assertAccountConnected((await campaignAccountStatus(ctx.db, found.campaign_id)) ?? "connected");
      const approver = actorOf(principalOf(req));
      const rc = requestContext(req);
      const stored = await ctx.db.transaction().execute(async (trx) => {
        const row = await lockPendingAction(trx, found.id);
        if (!row) throw notFound("pending action");
        if (row.status !== "pending") throw new ApiError("CONFLICT", `the pending action is ${row.status}, not pending`);
        const original = await findIntentPayload(trx, row.intent_id);
        if (!original) throw new Error(`pending action ${row.id} has no stored intent ${row.intent_id}`);
        const intent = await acceptWrite(
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
        await approvePending(trx, row, approver, body.comment, intent.intentId);
        await stageEvent(
          trx,
          "approval.approved",
          row.id,
          { organizationId: project.organization_id, projectId: project.id, platform, pendingActionId: row.id, jobId: row.job_id, approvedBy: approver, comment: body.comment ?? null },
          rc,
        );
        const accepted = acceptedAnswer(intent.jobId, { campaignId: row.campaign_id ?? undefined, pendingActionId: row.id }, ctx.writes.publicBaseUrl);
        await holdAnswer(trx, rc.idem, accepted);
        return { intent, accepted };
      });
      const outcome = await publishAndWait(ctx.writes, stored.intent, stored.accepted, rc);
      return { ...answerWrite(reply, outcome), pendingActionId: found.id };
    },
  );
}
