import { adLabelRefToJson } from "./adlabel-refs.ts";
import type { AdSetCreateInput } from "./adset-create-input.ts";
import type { AdSetPatch } from "./adset-update-input.ts";

/** What an ad set create applied, in Graph spelling, for the ledger. Defaults the client left out are included. */
export function adSetCreateLedgerFields(input: AdSetCreateInput): Record<string, unknown> {
  const f: Record<string, unknown> = {
    name: input.name,
    campaign_id: input.campaignId,
    billing_event: input.billingEvent,
    optimization_goal: input.optimizationGoal,
    targeting: input.targeting,
    status: input.status,
  };
  if (input.dailyBudget !== undefined) f.daily_budget = input.dailyBudget;
  if (input.lifetimeBudget !== undefined) f.lifetime_budget = input.lifetimeBudget;
  if (input.bidAmount !== undefined) f.bid_amount = input.bidAmount;
  if (input.bidStrategy !== undefined) f.bid_strategy = input.bidStrategy;
  if (input.promotedObject !== undefined) f.promoted_object = input.promotedObject;
  if (input.startTime !== undefined) f.start_time = input.startTime;
  if (input.endTime !== undefined) f.end_time = input.endTime;
  if (input.adlabels.length > 0) f.adlabels = input.adlabels.map(adLabelRefToJson);
  return f;
}

/** What an ad set update applied, in Graph spelling, for the ledger. */
export function adSetPatchLedgerFields(patch: AdSetPatch): Record<string, unknown> {
  const f: Record<string, unknown> = {};
  if (patch.name !== undefined) f.name = patch.name;
  if (patch.status !== undefined) f.status = patch.status;
  if (patch.dailyBudget !== undefined) f.daily_budget = patch.dailyBudget;
  if (patch.lifetimeBudget !== undefined) f.lifetime_budget = patch.lifetimeBudget;
  if (patch.bidAmount !== undefined) f.bid_amount = patch.bidAmount;
  if (patch.bidStrategy !== undefined) f.bid_strategy = patch.bidStrategy;
  if (patch.billingEvent !== undefined) f.billing_event = patch.billingEvent;
  if (patch.optimizationGoal !== undefined) f.optimization_goal = patch.optimizationGoal;
  if (patch.targeting !== undefined) f.targeting = patch.targeting;
  if (patch.startTime !== undefined) f.start_time = patch.startTime;
  if (patch.endTime !== undefined) f.end_time = patch.endTime;
  if (patch.adlabels !== undefined) f.adlabels = patch.adlabels.map(adLabelRefToJson);
  if (patch.campaignId !== undefined) f.campaign_id = patch.campaignId;
  if (patch.promotedObject !== undefined) f.promoted_object = patch.promotedObject;
  return f;
}
