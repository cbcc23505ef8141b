import { targetOf, type Operation } from "@layers/contracts";
import type { FollowingWrite, Superseder } from "@layers/dispatch-core";

/** The budget fields a budget write sets; a later write replaces an earlier one only if it sets all of them. */
const BUDGET_FIELDS = ["dailyBudgetCents", "lifetimeBudgetCents"] as const;

/** How many open writes behind a budget write are looked at for a newer budget of its ad set. */
export const COALESCE_LOOKAHEAD = 32;

export interface AdSetBudgetWrite {
  /** The Layers ad set (one Meta ad set). */
  adSetId: string;
  fields: ReadonlyArray<(typeof BUDGET_FIELDS)[number]>;
}

/** The ad set and budget fields of an `update_budget` on a Meta ad set; undefined for any other write. */
export function adSetBudgetWrite(d: { operation: string; params: Record<string, unknown> }): AdSetBudgetWrite | undefined {
  if (d.operation !== "update_budget" || d.params.entityKind !== "adset" || typeof d.params.entityId !== "string") return undefined;
  const fields = BUDGET_FIELDS.filter((f) => d.params[f] !== undefined);
  return fields.length === 0 ? undefined : { adSetId: d.params.entityId, fields };
}

/**
 * The write that supersedes a Meta ad set budget write, if one is already waiting behind it:
 * walking the open writes after it on its entity (the campaign's tree, in order), the first one
 * that touches its ad set or its campaign decides. It supersedes when it is an allowed
 * `update_budget` of the same ad set setting every budget field this one sets; anything else
 * there (a pause, a delete, a write not yet decided by the gate, a campaign-level change that
 * may move the budget level) keeps this write. Writes to other ad sets and ads of the campaign in
 * between do not read this ad set's budget, so they are passed over.
 *
 * Landing the superseder alone leaves the platform exactly as landing both in order would: it
 * overwrites every field this write sets, and nothing between them reads those fields. A write an
 * approval queued is never superseded: its pending action expects that very write to land.
 */
export function supersederOf(d: { operation: string; params: Record<string, unknown>; pendingActionId?: string | undefined }, following: readonly FollowingWrite[]): Superseder | undefined {
  const mine = adSetBudgetWrite(d);
  if (mine === undefined || d.pendingActionId !== undefined) return undefined;
  for (const f of following) {
    const target = targetOf(f.operation as Operation, f.params);
    const touchesMine = target === undefined || target.kind === "campaign" || (target.kind === "adset" && target.id === mine.adSetId);
    if (!touchesMine) continue;
    const theirs = f.state === "allowed" ? adSetBudgetWrite(f) : undefined;
    if (theirs?.adSetId === mine.adSetId && mine.fields.every((field) => theirs.fields.includes(field))) return { intentId: f.id, jobId: f.jobId };
    return undefined;
  }
  return undefined;
}
