import { PermanentError } from "@layers/runtime";

/**
 * Apple has no client request id, so a create whose answer was lost is found again by its name,
 * which Apple keeps unique among an org's live campaigns (and Layers among a campaign's ad groups).
 * Deleted objects stay listed under v5's soft delete and never count. Two live matches mean the
 * name is not a key any more: guessing could adopt the wrong object, so that is refused.
 */
export function pickLiveByName<T extends { id: string; name: string; deleted?: boolean | undefined }>(items: readonly T[], name: string, what: string): T | undefined {
  const live = items.filter((o) => o.name === name && o.deleted !== true);
  if (live.length > 1) {
    throw new PermanentError("ambiguous_platform_object", `${live.length} live Apple ${what}s are named ${JSON.stringify(name)} (ids ${live.map((o) => o.id).join(", ")})`);
  }
  return live[0];
}
