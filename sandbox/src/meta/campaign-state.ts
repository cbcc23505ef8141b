import { patchFieldNames, type CampaignPatch } from "./campaign-update-input.ts";
import { invalidParam } from "./graph-errors.ts";
import type { MetaCampaign } from "./meta-types.ts";
import { assertStatusRules } from "./object-status.ts";

/** A patch whose label refs the store has already resolved to label ids. */
export type ResolvedCampaignPatch = Omit<CampaignPatch, "adlabels"> & { adlabelIds?: string[] };

export { canChangeStatus } from "./object-status.ts";

/** Applies an update to a campaign, or throws the GraphError Meta would answer with. */
export function applyCampaignPatch(current: MetaCampaign, patch: ResolvedCampaignPatch, now: string): MetaCampaign {
  assertStatusRules("campaign", current.status, patchFieldNames(patch), patch.status);
  if (patch.objective !== undefined && patch.objective !== current.objective) {
    throw invalidParam("objective", "The objective of a campaign can't be changed after it is created.");
  }
  if (patch.lifetimeBudget !== undefined && current.dailyBudget !== undefined) {
    throw invalidParam("lifetime_budget", "This campaign has a daily budget; its budget type can't be switched to lifetime.");
  }
  if (patch.dailyBudget !== undefined && current.lifetimeBudget !== undefined) {
    throw invalidParam("daily_budget", "This campaign has a lifetime budget; its budget type can't be switched to daily.");
  }
  const next: MetaCampaign = { ...current, updatedTime: now };
  if (patch.name !== undefined) next.name = patch.name;
  if (patch.status !== undefined) next.status = patch.status;
  if (patch.dailyBudget !== undefined) next.dailyBudget = patch.dailyBudget;
  if (patch.lifetimeBudget !== undefined) next.lifetimeBudget = patch.lifetimeBudget;
  if (patch.bidStrategy !== undefined) next.bidStrategy = patch.bidStrategy;
  if (patch.spendCap !== undefined) next.spendCap = patch.spendCap;
  if (patch.startTime !== undefined) next.startTime = patch.startTime;
  if (patch.stopTime !== undefined) next.stopTime = patch.stopTime;
  if (patch.specialAdCategories !== undefined) next.specialAdCategories = patch.specialAdCategories;
  if (patch.adlabelIds !== undefined) next.adlabelIds = patch.adlabelIds;
  assertCampaignInvariants(next);
  return next;
}

/** The DELETE verb: same rules as `status=DELETED`. */
export function deleteCampaign(current: MetaCampaign, now: string): MetaCampaign {
  return applyCampaignPatch(current, { status: "DELETED" }, now);
}

/** Rules that hold for any stored campaign, checked after create and after every update. */
export function assertCampaignInvariants(c: MetaCampaign): void {
  if (c.stopTime !== undefined && Date.parse(c.stopTime) <= Date.parse(c.startTime)) {
    throw invalidParam("stop_time", "The campaign's stop_time must be after its start_time.");
  }
  if (c.bidStrategy !== undefined && c.dailyBudget === undefined && c.lifetimeBudget === undefined) {
    throw invalidParam("bid_strategy", "bid_strategy can only be set on a campaign that has a daily_budget or lifetime_budget.");
  }
}
