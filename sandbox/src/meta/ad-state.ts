import type { AdCreateInput } from "./ad-create-input.ts";
import { adPatchFieldNames, type AdPatch } from "./ad-update-input.ts";
import { invalidParam } from "./graph-errors.ts";
import type { MetaAd, MetaAdSet, MetaCampaign } from "./meta-types.ts";
import { assertStatusRules, lifecycleStatus } from "./object-status.ts";

/** A patch whose label refs the store has already resolved to label ids. */
export type ResolvedAdPatch = Omit<AdPatch, "adlabels"> & { adlabelIds?: string[] };

/** An ad's parents, for the rules a deleted or archived parent imposes. */
export interface AdParents {
  adSet: MetaAdSet;
  campaign: MetaCampaign;
}

export interface NewAdIdentity {
  id: string;
  accountId: string;
  ordinal: number;
  adlabelIds: string[];
  now: string;
}

/**
 * Turns a validated create into a stored ad. The creative must already be checked usable; the
 * ad set (and its campaign) must be live: ads can't be added under archived or deleted parents.
 */
export function buildAd(input: AdCreateInput, parents: AdParents, who: NewAdIdentity): MetaAd {
  const parentLifecycle = lifecycleStatus(parents.adSet.status, [parents.campaign.status]);
  if (parentLifecycle === "ARCHIVED" || parentLifecycle === "DELETED") {
    throw invalidParam("adset_id", `Ad set ${parents.adSet.id} is ${parentLifecycle}; ads can only be added to an active or paused ad set.`);
  }
  return {
    id: who.id,
    accountId: who.accountId,
    campaignId: parents.adSet.campaignId,
    adSetId: parents.adSet.id,
    ordinal: who.ordinal,
    name: input.name,
    status: input.status,
    creativeId: input.creativeId,
    adlabelIds: who.adlabelIds,
    createdTime: who.now,
    updatedTime: who.now,
  };
}

/** Applies an update to an ad, or throws the GraphError Meta would answer with. */
export function applyAdPatch(current: MetaAd, parents: AdParents, patch: ResolvedAdPatch, now: string): MetaAd {
  const lifecycle = lifecycleStatus(current.status, [parents.adSet.status, parents.campaign.status]);
  assertStatusRules("ad", lifecycle, adPatchFieldNames(patch), patch.status);
  if (patch.adSetId !== undefined && patch.adSetId !== current.adSetId) {
    throw invalidParam("adset_id", "An ad can't be moved to another ad set.");
  }
  const next: MetaAd = { ...current, updatedTime: now };
  if (patch.name !== undefined) next.name = patch.name;
  if (patch.status !== undefined) next.status = patch.status;
  if (patch.creativeId !== undefined) next.creativeId = patch.creativeId;
  if (patch.adlabelIds !== undefined) next.adlabelIds = patch.adlabelIds;
  return next;
}

/** The DELETE verb: same rules as `status=DELETED`. */
export function deleteAd(current: MetaAd, parents: AdParents, now: string): MetaAd {
  return applyAdPatch(current, parents, { status: "DELETED" }, now);
}
