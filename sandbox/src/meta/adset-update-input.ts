import { readAdLabelRefs } from "./adlabel-refs.ts";
import { readBidAmount, readBillingEvent, readOptimizationGoal, readPromotedObject } from "./adset-fields-input.ts";
import { readBidStrategy, readBudgets, readName, readTime, type BudgetRules } from "./campaign-fields-input.ts";
import { CAMPAIGN_STATUSES, type AdObjectStatus } from "./enums.ts";
import { readEnum, readId, type GraphParams } from "./graph-params.ts";
import type { AdLabelRef } from "./meta-types.ts";
import { readTargeting } from "./targeting-input.ts";

/** The fields a `POST /{adset_id}` asked to change; absent keys stay as they are. */
export interface AdSetPatch {
  name?: string;
  status?: AdObjectStatus;
  dailyBudget?: number;
  lifetimeBudget?: number;
  bidAmount?: number;
  bidStrategy?: string;
  billingEvent?: string;
  optimizationGoal?: string;
  targeting?: Record<string, unknown>;
  startTime?: string;
  endTime?: string;
  adlabels?: AdLabelRef[];
  /** Sent but fixed after create; kept so the state rules can refuse a different value. */
  campaignId?: string;
  promotedObject?: Record<string, unknown>;
}

export function parseAdSetUpdate(params: GraphParams, rules: BudgetRules): AdSetPatch {
  const patch: AdSetPatch = { ...readBudgets(params, rules, "an ad set") };
  const set = <K extends keyof AdSetPatch>(key: K, value: AdSetPatch[K] | undefined) => {
    if (value !== undefined) patch[key] = value;
  };
  set("name", readName(params));
  set("status", readEnum(params, "status", CAMPAIGN_STATUSES));
  set("bidAmount", readBidAmount(params));
  set("bidStrategy", readBidStrategy(params));
  set("billingEvent", readBillingEvent(params));
  set("optimizationGoal", readOptimizationGoal(params));
  set("targeting", readTargeting(params));
  set("startTime", readTime(params, "start_time"));
  set("endTime", readTime(params, "end_time"));
  set("adlabels", readAdLabelRefs(params));
  set("campaignId", readId(params, "campaign_id"));
  set("promotedObject", readPromotedObject(params));
  return patch;
}

const GRAPH_NAMES: Readonly<Record<string, string>> = {
  name: "name", status: "status", dailyBudget: "daily_budget", lifetimeBudget: "lifetime_budget", bidAmount: "bid_amount",
  bidStrategy: "bid_strategy", billingEvent: "billing_event", optimizationGoal: "optimization_goal", targeting: "targeting",
  startTime: "start_time", endTime: "end_time", adlabels: "adlabels", adlabelIds: "adlabels", campaignId: "campaign_id",
  promotedObject: "promoted_object",
};

/** Keys of a patch (raw or label-resolved) that carry a value, in Graph spelling. */
export function adSetPatchFieldNames(patch: object): string[] {
  return Object.entries(patch)
    .filter(([k, v]) => v !== undefined && GRAPH_NAMES[k] !== undefined)
    .map(([k]) => GRAPH_NAMES[k] as string);
}
