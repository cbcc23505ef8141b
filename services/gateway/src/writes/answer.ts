import type { FastifyReply } from "fastify";
import type { DenyReason, WriteAccepted } from "@layers/contracts";
import { ApiError } from "../errors.ts";
import { sendAnswer } from "./hold-answer.ts";
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

/**
 * Step 3 of a platform write: allow → 202 dispatching; queue → 202 pending_approval;
 * deny → 403 AUTHORITY_DENIED; no verdict in time → the write's 202 accepted with the job to poll.
 */
export function answerWrite(reply: FastifyReply, outcome: WriteOutcome): WriteAccepted {
  const { verdict, accepted } = outcome;
  if (!verdict) return sendAnswer(reply, accepted);
  if (verdict.decision === "deny") throw deniedError(outcome);
  reply.code(202);
  const { status: _accepted, ...ids } = accepted.body;
  if (verdict.decision === "queue_for_approval") {
    const pendingActionId = verdict.pendingActionId ?? ids.pendingActionId;
    return { status: "pending_approval", ...ids, ...(pendingActionId ? { pendingActionId } : {}), verdictId: verdict.verdictId };
  }
  return { status: "dispatching", ...ids, verdictId: verdict.verdictId };
}

/**
 * Policy operations (no platform call) answer 200 with the state after the change, read back
 * once the gate has committed it; deny and timeout answer as for platform writes.
 */
export async function answerPolicyWrite<T extends object>(
  reply: FastifyReply,
  outcome: WriteOutcome,
  readState: () => Promise<T>,
): Promise<(T & { verdictId: string }) | WriteAccepted> {
  const { verdict } = outcome;
  if (verdict && verdict.decision === "allow") {
    reply.code(200);
    return { ...(await readState()), verdictId: verdict.verdictId };
  }
  return answerWrite(reply, outcome);
}
