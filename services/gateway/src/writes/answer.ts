import type { FastifyReply } from "fastify";
import type { DenyReason, WriteAccepted } from "@layers/contracts";
import { ApiError } from "../errors.ts";
import type { WriteOutcome } from "./submit-write.ts";

const DENY_DETAIL: Record<DenyReason, string> = {
  not_partner_writable: "only the customer may change this",
  kill_switch_active: "the customer's kill switch is active on this layer; no writes reach the platform until it is released",
  partner_consent_missing: "the customer has not enabled partner writes on this layer",
  exceeds_customer_policy: "this would raise authority above the ceiling the customer set",
  apple_adgroup_grain_violation: "the layer's Apple writer preset does not allow partner campaign creates",
  authority_axis_off: "the authority axis for this operation is off",
  budget_cap_exceeded: "the budget exceeds the customer's daily budget cap",
};

export function deniedError(outcome: WriteOutcome): ApiError {
  const v = outcome.verdict!;
  const reason = v.reason;
  return new ApiError("AUTHORITY_DENIED", reason ? DENY_DETAIL[reason] : "the authority gate denied this write", {
    ...(reason ? { reason } : {}),
    verdictId: v.verdictId,
  });
}

export function jobLocation(jobId: string, publicBaseUrl?: string): string {
  return `${publicBaseUrl?.replace(/\/$/, "") ?? ""}/v1/jobs/${jobId}`;
}

/**
 * Step 3 of a platform write: allow → 202 dispatching; queue → 202 pending_approval;
 * deny → 403 AUTHORITY_DENIED; no verdict in time → 202 accepted with the job to poll.
 */
export function answerWrite(
  reply: FastifyReply,
  outcome: WriteOutcome,
  extra: { campaignId?: string; publicBaseUrl?: string | undefined } = {},
): WriteAccepted {
  const { intent, verdict } = outcome;
  const campaign = extra.campaignId ? { campaignId: extra.campaignId } : {};
  if (!verdict) {
    reply.code(202).header("Location", jobLocation(intent.jobId, extra.publicBaseUrl));
    return { status: "accepted", jobId: intent.jobId, ...campaign };
  }
  if (verdict.decision === "deny") throw deniedError(outcome);
  reply.code(202);
  if (verdict.decision === "queue_for_approval") {
    return {
      status: "pending_approval",
      ...(verdict.pendingActionId ? { pendingActionId: verdict.pendingActionId } : {}),
      verdictId: verdict.verdictId,
      jobId: intent.jobId,
      ...campaign,
    };
  }
  return { status: "dispatching", jobId: intent.jobId, verdictId: verdict.verdictId, ...campaign };
}

/**
 * Policy operations (no platform call) answer 200 with the state after the change, read back
 * once the gate has committed it; deny and timeout answer as for platform writes.
 */
export async function answerPolicyWrite<T extends object>(
  reply: FastifyReply,
  outcome: WriteOutcome,
  readState: () => Promise<T>,
  publicBaseUrl?: string,
): Promise<(T & { verdictId: string }) | WriteAccepted> {
  const { verdict } = outcome;
  if (verdict && verdict.decision === "allow") {
    reply.code(200);
    return { ...(await readState()), verdictId: verdict.verdictId };
  }
  return answerWrite(reply, outcome, { publicBaseUrl });
}
