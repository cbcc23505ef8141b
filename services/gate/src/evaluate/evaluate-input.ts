import { authorityFromModes, type AuthorityPatch, type EvaluateRequest } from "@layers/contracts";
import type { GateInput } from "../domain/decide.ts";

/**
 * The rule inputs of a described write, built the way `gateInputOf` builds them for a real intent:
 * a create asks for the modes of the simplified create (or an explicit block), policy operations for
 * their patch; a dry run is never an approved re-run.
 */
export function evaluateInputOf(req: EvaluateRequest): GateInput {
  const { operation, params } = req;
  let requestedAuthority: AuthorityPatch | undefined;
  if (operation === "create_campaign") {
    requestedAuthority =
      params.campaignManagementMode !== undefined && params.creativeMode !== undefined
        ? authorityFromModes(params.campaignManagementMode, params.creativeMode)
        : params.authority;
  } else if (operation === "update_authority" || operation === "update_defaults") {
    requestedAuthority = params.authority;
  }
  return {
    operation,
    actorType: req.actor.type,
    approvedRerun: false,
    ...(requestedAuthority ? { requestedAuthority } : {}),
    ...(params.dailyBudgetCents !== undefined ? { dailyBudgetCents: params.dailyBudgetCents } : {}),
  };
}
