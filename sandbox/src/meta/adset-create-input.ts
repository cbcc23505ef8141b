import { readAdLabelRefs } from "./adlabel-refs.ts";
import { readBidAmount, readBillingEvent, readOptimizationGoal, readPromotedObject } from "./adset-fields-input.ts";
import { readBidStrategy, readBudgets, readName, readTime, type BudgetRules } from "./campaign-fields-input.ts";
import { CREATE_STATUSES } from "./enums.ts";
import { missingParam } from "./graph-errors.ts";
import { readEnum, readId, type GraphParams } from "./graph-params.ts";
import type { AdLabelRef } from "./meta-types.ts";
import { readTargeting } from "./targeting-input.ts";

/** A validated `POST /act_{id}/adsets`, before the rules that need its campaign. */
export interface AdSetCreateInput {
  name: string;
  campaignId: string;
  billingEvent: string;
  optimizationGoal: string;
  targeting: Record<string, unknown>;
  status: "ACTIVE" | "PAUSED";
  dailyBudget?: number;
  lifetimeBudget?: number;
  bidAmount?: number;
  bidStrategy?: string;
  promotedObject?: Record<string, unknown>;
  startTime?: string;
  endTime?: string;
  adlabels: AdLabelRef[];
}

/**
 * Required: name, campaign_id, billing_event, optimization_goal, targeting. Meta's reference
 * leaves some of these optional with objective-dependent defaults; the sandbox asks for them so a
 * client never relies on a default it cannot see. Status defaults to ACTIVE, as on Meta.
 */
export function parseAdSetCreate(params: GraphParams, rules: BudgetRules): AdSetCreateInput {
  const name = readName(params);
  if (name === undefined) throw missingParam("name");
  const campaignId = readId(params, "campaign_id");
  if (campaignId === undefined) throw missingParam("campaign_id");
  const billingEvent = readBillingEvent(params);
  if (billingEvent === undefined) throw missingParam("billing_event");
  const optimizationGoal = readOptimizationGoal(params);
  if (optimizationGoal === undefined) throw missingParam("optimization_goal");
  const targeting = readTargeting(params);
  if (targeting === undefined) throw missingParam("targeting");
  const input: AdSetCreateInput = {
    name,
    campaignId,
    billingEvent,
    optimizationGoal,
    targeting,
    status: readEnum(params, "status", CREATE_STATUSES) ?? "ACTIVE",
    ...readBudgets(params, rules, "an ad set"),
    adlabels: readAdLabelRefs(params) ?? [],
  };
  const bidAmount = readBidAmount(params);
  if (bidAmount !== undefined) input.bidAmount = bidAmount;
  const bidStrategy = readBidStrategy(params);
  if (bidStrategy !== undefined) input.bidStrategy = bidStrategy;
  const promotedObject = readPromotedObject(params);
  if (promotedObject !== undefined) input.promotedObject = promotedObject;
  const startTime = readTime(params, "start_time");
  if (startTime !== undefined) input.startTime = startTime;
  const endTime = readTime(params, "end_time");
  if (endTime !== undefined) input.endTime = endTime;
  return input;
}
