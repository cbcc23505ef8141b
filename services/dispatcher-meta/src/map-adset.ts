import { PLATFORM_SURFACE, type CreateAdGroupParams } from "@layers/contracts";
import { PermanentError } from "@layers/runtime";
import type { EntityRowPatch } from "@layers/dispatch-core";
import { OBJECTIVE_OF_OUTCOME } from "./map-campaign.ts";
import type { MetaPlan } from "./meta-plan.ts";
import { metaTargeting, toMetaAmount } from "./meta/index.ts";
import { budgetFields, checkBidStrategy, layersStatus, markerLabel } from "./plan-fields.ts";

/**
 * The ad set `optimization_goal` each campaign objective is built for, when the write names none:
 * what Meta's own ODAX defaults optimise for (purchases for sales, link clicks for traffic…).
 */
export const OPTIMIZATION_GOAL_OF_OBJECTIVE: Readonly<Record<string, string>> = {
  OUTCOME_SALES: "OFFSITE_CONVERSIONS",
  OUTCOME_TRAFFIC: "LINK_CLICKS",
  OUTCOME_AWARENESS: "REACH",
  OUTCOME_ENGAGEMENT: "POST_ENGAGEMENT",
  OUTCOME_LEADS: "LEAD_GENERATION",
  OUTCOME_APP_PROMOTION: "APP_INSTALLS",
};

/** Every ad set bills per impression unless the write says otherwise: it goes with any goal. */
export const DEFAULT_BILLING_EVENT = "IMPRESSIONS";

/** What planning knows of the campaign an ad set goes under. */
export interface AdSetParent {
  /** The campaign's id on Meta. */
  platformId: string;
  /** Its Meta objective, or failing that its Layers outcome; either gives the default goal. */
  objective: string | null;
  outcome: string | null;
}

/** `POST /act_{id}/adsets` under the campaign `parent`, carrying the ad set's marker adlabel. */
export function planCreateAdSet(p: CreateAdGroupParams, parent: AdSetParent, currency: string): MetaPlan {
  for (const foreign of ["pricingModel", "pacing", "automatedKeywordsOptIn"] as const) {
    if (p[foreign] !== undefined) throw new PermanentError("invalid_params", `${foreign} is not a Meta ad set field`);
  }
  if (p.targeting === undefined) throw new PermanentError("invalid_params", "a Meta ad set needs targeting with countries");
  checkBidStrategy(p.bidStrategy, PLATFORM_SURFACE.meta.adset?.bidStrategies);
  const optimizationGoal = p.optimizationGoal ?? defaultGoal(parent);
  const billingEvent = p.billingEvent ?? DEFAULT_BILLING_EVENT;
  const budget = budgetFields(p, currency);
  const marker = markerLabel(p.entityId);
  const row: EntityRowPatch = {
    status: layersStatus(p.status),
    ...budget.row,
    targeting: p.targeting,
    attributes: { billingEvent, optimizationGoal },
  };
  if (p.bidCents !== undefined) row.bidCents = p.bidCents;
  if (p.bidStrategy !== undefined) row.bidStrategy = p.bidStrategy;
  if (p.startTime !== undefined) row.startTime = p.startTime;
  if (p.endTime !== undefined) row.endTime = p.endTime;
  return {
    call: {
      kind: "create_adset",
      campaignId: parent.platformId,
      marker,
      fields: {
        name: p.name,
        campaign_id: parent.platformId,
        billing_event: billingEvent,
        optimization_goal: optimizationGoal,
        targeting: metaTargeting(p.targeting),
        status: p.status,
        ...budget.fields,
        bid_amount: p.bidCents === undefined ? undefined : toMetaAmount(p.bidCents, currency),
        bid_strategy: p.bidStrategy,
        start_time: p.startTime,
        end_time: p.endTime,
        adlabels: [{ name: marker }],
      },
    },
    entity: { kind: "adset", id: p.entityId },
    created: true,
    row,
  };
}

function defaultGoal(parent: AdSetParent): string {
  const objective = parent.objective ?? (parent.outcome === null ? undefined : OBJECTIVE_OF_OUTCOME[parent.outcome]);
  const goal = objective === undefined ? undefined : OPTIMIZATION_GOAL_OF_OBJECTIVE[objective];
  if (goal === undefined) {
    throw new PermanentError("invalid_params", `no default optimization goal for campaign objective ${objective ?? "(unknown)"}; name optimizationGoal`);
  }
  return goal;
}
