import type { WriteAccepted } from "@layers/contracts";
import type { HttpAnswer } from "./hold-answer.ts";

/** The ids every answer of one write repeats besides its job: the campaign, the pending action. */
export interface WriteIds {
  campaignId?: string | undefined;
  /** The ad set / ad group / ad / keyword written. */
  entityId?: string | undefined;
  pendingActionId?: string | undefined;
}

export function jobLocation(jobId: string, publicBaseUrl?: string): string {
  return `${publicBaseUrl?.replace(/\/$/, "") ?? ""}/v1/jobs/${jobId}`;
}

/**
 * `202 {status: "accepted", jobId, …}` + `Location` of the job: the answer of a stored write whose
 * verdict is not known yet. The gateway sends it when the gate is slow, and holds it on the
 * idempotency key from the moment the write is stored (a retry after a crash gets it).
 */
export function acceptedAnswer(jobId: string, ids: WriteIds, publicBaseUrl?: string): HttpAnswer<WriteAccepted> {
  return {
    statusCode: 202,
    headers: { location: jobLocation(jobId, publicBaseUrl) },
    body: {
      status: "accepted",
      jobId,
      ...(ids.campaignId ? { campaignId: ids.campaignId } : {}),
      ...(ids.entityId ? { entityId: ids.entityId } : {}),
      ...(ids.pendingActionId ? { pendingActionId: ids.pendingActionId } : {}),
    },
  };
}
