import type { CreativeCreateInput } from "./creative-create-input.ts";
import type { CreativePatch } from "./creative-update-input.ts";
import { creativeInUse, invalidParam, invalidState } from "./graph-errors.ts";
import type { MetaAdCreative } from "./meta-types.ts";

export interface NewCreativeIdentity {
  id: string;
  accountId: string;
  ordinal: number;
  adlabelIds: string[];
  now: string;
}

export function buildCreative(input: CreativeCreateInput, who: NewCreativeIdentity): MetaAdCreative {
  const c: MetaAdCreative = {
    id: who.id,
    accountId: who.accountId,
    ordinal: who.ordinal,
    status: "ACTIVE",
    adlabelIds: who.adlabelIds,
    createdTime: who.now,
    updatedTime: who.now,
  };
  if (input.name !== undefined) c.name = input.name;
  if (input.objectStorySpec !== undefined) c.objectStorySpec = input.objectStorySpec;
  if (input.objectStoryId !== undefined) c.objectStoryId = input.objectStoryId;
  return c;
}

/** A rename; a deleted creative takes no changes. */
export function applyCreativePatch(current: MetaAdCreative, patch: CreativePatch, now: string): MetaAdCreative {
  if (current.status === "DELETED") throw invalidState("name", "This ad creative has been deleted, so it can't be edited.");
  return patch.name === undefined ? current : { ...current, name: patch.name, updatedTime: now };
}

/**
 * `DELETE /{creative_id}`: refused while any ad that is not deleted (by itself or with its ad set
 * or campaign) still shows the creative, and for a creative that is already deleted.
 */
export function deleteCreative(current: MetaAdCreative, liveAdIds: readonly string[], now: string): MetaAdCreative {
  if (current.status === "DELETED") throw invalidState("status", "This ad creative has already been deleted.");
  if (liveAdIds.length > 0) throw creativeInUse(current.id, liveAdIds);
  return { ...current, status: "DELETED", updatedTime: now };
}

/** An ad may only show a creative of its own account that is not deleted. */
export function assertUsableCreative(creative: MetaAdCreative | undefined, creativeId: string, accountId: string): MetaAdCreative {
  if (creative === undefined || creative.accountId !== accountId) {
    throw invalidParam("creative", `Ad creative ${creativeId} does not exist on this ad account.`);
  }
  if (creative.status === "DELETED") throw invalidParam("creative", `Ad creative ${creativeId} has been deleted and can't be used by an ad.`);
  return creative;
}
