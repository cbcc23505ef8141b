import type { FastifyRequest } from "fastify";
import { ApiError } from "../errors.ts";
import { principalOf } from "../plugins/auth.ts";
import type { WriteOutcome } from "../writes/submit-write.ts";

/** Customer-only controls: kill switch and policy (consent, ceiling, budget cap, Apple writer preset). */
export function isCustomer(req: FastifyRequest): boolean {
  return principalOf(req).kind === "customer";
}

/**
 * A partner's (well-formed) attempt on a customer-only control is a decision like any other write
 * (SPEC §4 rule 1): it goes through the gate, which denies it `not_partner_writable` and audits it
 * with the partner's attribution. The answer stays `403 CUSTOMER_ONLY`, now with the `reason` and
 * the `verdictId` to quote. If the gate has not answered in time the outcome is still certain
 * (rule 1 has no exception): the same 403 without a `verdictId`; the verdict lands on the job.
 */
export function partnerAttemptRefused(outcome: WriteOutcome): ApiError | null {
  const { verdict } = outcome;
  // The gate never allows these for a non-customer; should it ever, the caller answers as for any write.
  if (verdict && verdict.decision !== "deny") return null;
  return new ApiError("CUSTOMER_ONLY", "only the customer can do this; partner keys never can, whatever their scopes", {
    reason: verdict?.reason ?? "not_partner_writable",
    ...(verdict ? { verdictId: verdict.verdictId } : {}),
  });
}
