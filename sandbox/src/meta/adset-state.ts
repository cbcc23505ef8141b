import type { AdSetCreateInput } from "./adset-create-input.ts";
import { adSetPatchFieldNames, type AdSetPatch } from "./adset-update-input.ts";
import { budgetLevelConflict, invalidParam } from "./graph-errors.ts";
import type { MetaAdSet, MetaCampaign } from "./meta-types.ts";
import { assertStatusRules, lifecycleStatus } from "./object-status.ts";

/** A patch whose label refs the store has already resolved to label ids. */
export type ResolvedAdSetPatch = Omit<AdSetPatch, "adlabels"> & { adlabelIds?: string[] };

export interface NewAdSetIdentity {
  id: string;
  accountId: string;
  ordinal: number;
  adlabelIds: string[];
  /** ISO 8601 creation time; also the start time when the request names none. */
  now: string;
}

/** Bid strategies that bid a stated amount, so Meta needs `bid_amount` with them. */
const BID_AMOUNT_STRATEGIES: ReadonlySet<string> = new Set(["LOWEST_COST_WITH_BID_CAP", "COST_CAP"]);

/** Turns a validated create into a stored ad set, or throws if the combination or the campaign refuses it. */
export function buildAdSet(input: AdSetCreateInput, campaign: MetaCampaign, who: NewAdSetIdentity): MetaAdSet {
  assertLiveCampaign(campaign);
  assertBudgetLevel(input, campaign);
  if (!hasBudget(campaign) && !hasBudget(input)) {
    throw invalidParam("daily_budget", "An ad set needs a daily_budget or lifetime_budget when its campaign has no campaign budget.");
  }
  const a: MetaAdSet = {
    id: who.id,
    accountId: who.accountId,
    campaignId: campaign.id,
    ordinal: who.ordinal,
    name: input.name,
    status: input.status,
    billingEvent: input.billingEvent,
    optimizationGoal: input.optimizationGoal,
    targeting: input.targeting,
    startTime: input.startTime ?? who.now,
    adlabelIds: who.adlabelIds,
    createdTime: who.now,
    updatedTime: who.now,
  };
  if (input.dailyBudget !== undefined) a.dailyBudget = input.dailyBudget;
  if (input.lifetimeBudget !== undefined) a.lifetimeBudget = input.lifetimeBudget;
  if (input.bidAmount !== undefined) a.bidAmount = input.bidAmount;
  if (input.bidStrategy !== undefined) a.bidStrategy = input.bidStrategy;
  if (input.promotedObject !== undefined) a.promotedObject = input.promotedObject;
  if (input.endTime !== undefined) a.endTime = input.endTime;
  assertAdSetInvariants(a);
  return a;
}

/** Applies an update to an ad set under `campaign`, or throws the GraphError Meta would answer with. */
export function applyAdSetPatch(current: MetaAdSet, campaign: MetaCampaign, patch: ResolvedAdSetPatch, now: string): MetaAdSet {
  assertStatusRules("ad set", lifecycleStatus(current.status, [campaign.status]), adSetPatchFieldNames(patch), patch.status);
  if (patch.campaignId !== undefined && patch.campaignId !== current.campaignId) {
    throw invalidParam("campaign_id", "An ad set can't be moved to another campaign.");
  }
  if (patch.promotedObject !== undefined && JSON.stringify(patch.promotedObject) !== JSON.stringify(current.promotedObject)) {
    throw invalidParam("promoted_object", "The promoted_object of an ad set can't be changed after it is created.");
  }
  if (patch.lifetimeBudget !== undefined && current.dailyBudget !== undefined) {
    throw invalidParam("lifetime_budget", "This ad set has a daily budget; its budget type can't be switched to lifetime.");
  }
  if (patch.dailyBudget !== undefined && current.lifetimeBudget !== undefined) {
    throw invalidParam("daily_budget", "This ad set has a lifetime budget; its budget type can't be switched to daily.");
  }
  assertBudgetLevel(patch, campaign);
  const next: MetaAdSet = { ...current, updatedTime: now };
  if (patch.name !== undefined) next.name = patch.name;
  if (patch.status !== undefined) next.status = patch.status;
  if (patch.dailyBudget !== undefined) next.dailyBudget = patch.dailyBudget;
  if (patch.lifetimeBudget !== undefined) next.lifetimeBudget = patch.lifetimeBudget;
  if (patch.bidAmount !== undefined) next.bidAmount = patch.bidAmount;
  if (patch.bidStrategy !== undefined) next.bidStrategy = patch.bidStrategy;
  if (patch.billingEvent !== undefined) next.billingEvent = patch.billingEvent;
  if (patch.optimizationGoal !== undefined) next.optimizationGoal = patch.optimizationGoal;
  if (patch.targeting !== undefined) next.targeting = patch.targeting;
  if (patch.startTime !== undefined) next.startTime = patch.startTime;
  if (patch.endTime !== undefined) next.endTime = patch.endTime;
  if (patch.adlabelIds !== undefined) next.adlabelIds = patch.adlabelIds;
  assertAdSetInvariants(next);
  return next;
}

/** The DELETE verb: same rules as `status=DELETED`. */
export function deleteAdSet(current: MetaAdSet, campaign: MetaCampaign, now: string): MetaAdSet {
  return applyAdSetPatch(current, campaign, { status: "DELETED" }, now);
}

/** Rules that hold for any stored ad set, checked after create and after every update. */
export function assertAdSetInvariants(a: MetaAdSet): void {
  if (a.endTime !== undefined && Date.parse(a.endTime) <= Date.parse(a.startTime)) {
    throw invalidParam("end_time", "The ad set's end_time must be after its start_time.");
  }
  if (a.lifetimeBudget !== undefined && a.endTime === undefined) {
    throw invalidParam("end_time", "An ad set with a lifetime_budget needs an end_time.");
  }
  if (a.bidStrategy !== undefined && BID_AMOUNT_STRATEGIES.has(a.bidStrategy) && a.bidAmount === undefined) {
    throw invalidParam("bid_amount", `bid_amount is required with bid_strategy ${a.bidStrategy}.`);
  }
  // Paying per result only works for the result being optimised for; impressions go with anything.
  if (a.billingEvent !== "IMPRESSIONS" && a.billingEvent !== a.optimizationGoal) {
    throw invalidParam("billing_event", `billing_event ${a.billingEvent} can't be used with optimization_goal ${a.optimizationGoal}; use IMPRESSIONS.`);
  }
}

/** True when the campaign owns the budget (Advantage campaign budget, formerly CBO). */
export function hasBudget(o: { dailyBudget?: number | undefined; lifetimeBudget?: number | undefined }): boolean {
  return o.dailyBudget !== undefined || o.lifetimeBudget !== undefined;
}

/** A budget on an ad set whose campaign already has one is refused: budgets live at one level. */
function assertBudgetLevel(adSetBudget: { dailyBudget?: number; lifetimeBudget?: number }, campaign: MetaCampaign): void {
  const field = adSetBudget.dailyBudget !== undefined ? "daily_budget" : adSetBudget.lifetimeBudget !== undefined ? "lifetime_budget" : undefined;
  if (field !== undefined && hasBudget(campaign)) {
    throw budgetLevelConflict(field, `Campaign ${campaign.id} has a campaign budget, so its ad sets can't have their own ${field}.`);
  }
}

function assertLiveCampaign(campaign: MetaCampaign): void {
  if (campaign.status === "ARCHIVED" || campaign.status === "DELETED") {
    throw invalidParam("campaign_id", `Campaign ${campaign.id} is ${campaign.status}; ad sets can only be added to an active or paused campaign.`);
  }
}

/**
 * The other side of the budget-level rule: a campaign can't take a campaign budget while ad sets
 * under it that are not deleted have their own.
 */
export function assertCampaignBudgetAllowed(before: MetaCampaign, after: MetaCampaign, adSets: readonly MetaAdSet[]): void {
  if (hasBudget(before) || !hasBudget(after)) return;
  const budgeted = adSets.find((a) => a.campaignId === after.id && a.status !== "DELETED" && hasBudget(a));
  if (budgeted !== undefined) {
    const field = after.dailyBudget !== undefined ? "daily_budget" : "lifetime_budget";
    throw budgetLevelConflict(field, `Ad set ${budgeted.id} of this campaign has its own budget, so the campaign can't take a ${field}.`);
  }
}
