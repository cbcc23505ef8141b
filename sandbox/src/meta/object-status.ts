import type { AdObjectStatus } from "./enums.ts";
import { invalidState } from "./graph-errors.ts";

/** The objects that share Meta's ACTIVE / PAUSED / ARCHIVED / DELETED life cycle. */
export type StatusedKind = "campaign" | "ad set" | "ad";

/** Once ARCHIVED, only these may change (Meta, "manage your ad object status"). */
const ARCHIVED_MUTABLE = new Set(["name", "status"]);

/**
 * Meta's status rules: live objects move freely between ACTIVE and PAUSED and may be archived
 * or deleted; ARCHIVED may only become DELETED; DELETED is final.
 */
export function canChangeStatus(from: AdObjectStatus, to: AdObjectStatus): boolean {
  if (from === "DELETED") return false;
  if (from === "ARCHIVED") return to === "ARCHIVED" || to === "DELETED";
  return true;
}

/**
 * Where the object stands in its life cycle: DELETED or ARCHIVED when it or any parent is (a
 * deleted campaign takes its ad sets and ads with it), otherwise its own status.
 */
export function lifecycleStatus(own: AdObjectStatus, parents: readonly AdObjectStatus[] = []): AdObjectStatus {
  const all = [own, ...parents];
  if (all.includes("DELETED")) return "DELETED";
  if (all.includes("ARCHIVED")) return "ARCHIVED";
  return own;
}

/**
 * Refuses an update (the Graph names of the fields it changes, and the status it asks for)
 * that the object's life cycle does not allow, with the GraphError Meta would answer.
 */
export function assertStatusRules(kind: StatusedKind, lifecycle: AdObjectStatus, fields: readonly string[], to?: AdObjectStatus): void {
  if (lifecycle === "DELETED") {
    throw invalidState(fields[0] ?? "status", `This ${kind} has been deleted, so it can't be edited.`);
  }
  if (lifecycle === "ARCHIVED") {
    const blocked = fields.find((f) => !ARCHIVED_MUTABLE.has(f));
    if (blocked !== undefined) {
      throw invalidState(blocked, `This ${kind} is archived: only name and status can be changed, not ${blocked}.`);
    }
  }
  if (to !== undefined && !canChangeStatus(lifecycle, to)) {
    throw invalidState("status", `A ${kind} with status ${lifecycle} can't be set to ${to}; an archived ${kind} can only be deleted.`);
  }
}
