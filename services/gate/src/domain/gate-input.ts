import type { WriteIntent } from "@layers/contracts";
import type { GateInput } from "./decide.ts";
import type { IntentParams } from "./intent-params.ts";

/** The rule inputs of one intent. */
export function gateInputOf(intent: WriteIntent, params: IntentParams, approvedRerun: boolean): GateInput {
  const requestedAuthority = intent.operation === "create_campaign" ? params.create?.authority : params.authorityPatch;
  return {
    operation: intent.operation,
    actorType: intent.actor.type,
    approvedRerun,
    ...(requestedAuthority ? { requestedAuthority } : {}),
    ...(params.dailyBudgetCents !== undefined ? { dailyBudgetCents: params.dailyBudgetCents } : {}),
  };
}
