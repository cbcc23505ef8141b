import { patchFieldNames, type CampaignPatch } from "./campaign-update-input.ts";
import type { CampaignStatus } from "./enums.ts";
import { invalidParam, invalidState } from "./graph-errors.ts";
import type { MetaCampaign } from "./meta-types.ts";

/** A patch whose label refs the store has already resolved to label ids. */
export type ResolvedCampaignPatch = Omit<CampaignPatch, "adlabels"> & { adlabelIds?: string[] };

/** Once ARCHIVED, only these may change (Meta, "manage your ad object status"). */
const ARCHIVED_MUTABLE = new Set(["name", "status"]);

/**
 * Meta's status rules: live objects move freely between ACTIVE and PAUSED and may be archived
 * or deleted; ARCHIVED may only become DELETED; DELETED is final.
 */
export function canChangeStatus(from: CampaignStatus, to: CampaignStatus): boolean {
  if (from === "DELETED") return false;
  if (from === "ARCHIVED") return to === "ARCHIVED" || to === "DELETED";
  return true;
}

/** Applies an update to a campaign, or throws the GraphError Meta would answer with. */
export function applyCampaignPatch(current: MetaCampaign, patch: ResolvedCampaignPatch, now: string): MetaCampaign {
  const fields = patchFieldNames(patch);
  if (current.status === "DELETED") {
    throw invalidState(fields[0] ?? "status", "This campaign has been deleted, so it can't be edited.");
  }
  if (current.status === "ARCHIVED") {
    const blocked = fields.find((f) => !ARCHIVED_MUTABLE.has(f));
    if (blocked !== undefined) {
      throw invalidState(blocked, `This campaign is archived: only name and status can be changed, not ${blocked}.`);
    }
  }
  if (patch.status !== undefined && !canChangeStatus(current.status, patch.status)) {
    throw invalidState("status", `A campaign with status ${current.status} can't be set to ${patch.status}; an archived campaign can only be deleted.`);
  }
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
