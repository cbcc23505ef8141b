import { BILLING_EVENTS, OPTIMIZATION_GOALS } from "./enums.ts";
import { invalidParam } from "./graph-errors.ts";
import { readEnum, readJsonObject, readUnsignedInt, type GraphParams } from "./graph-params.ts";

/** Readers for the ad set parameters that create and update share; budgets and times reuse the campaign readers. */

export function readBillingEvent(params: GraphParams): string | undefined {
  return readEnum(params, "billing_event", BILLING_EVENTS);
}

export function readOptimizationGoal(params: GraphParams): string | undefined {
  return readEnum(params, "optimization_goal", OPTIMIZATION_GOALS);
}

/** A bid in the account currency's minimum unit; Meta refuses a zero bid. */
export function readBidAmount(params: GraphParams): number | undefined {
  const v = readUnsignedInt(params, "bid_amount");
  if (v === 0) throw invalidParam("bid_amount", "Param bid_amount must be a positive integer in the account currency's minimum unit");
  return v;
}

/** `promoted_object={"application_id":…,"object_store_url":…}`: kept as sent, the sandbox resolves no ids. */
export function readPromotedObject(params: GraphParams): Record<string, unknown> | undefined {
  return readJsonObject(params, "promoted_object");
}
