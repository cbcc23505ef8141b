import { describe, expect, it } from "vitest";
import type { FollowingWrite } from "@layers/dispatch-core";
import { adSetBudgetWrite, supersederOf } from "./adset-budget-coalescing.ts";

const budget = (adSetId: string, cents: Record<string, number> = { dailyBudgetCents: 2000 }) => ({
  operation: "update_budget",
  params: { campaignId: "cmp_1", entityKind: "adset", entityId: adSetId, ...cents },
});
let n = 0;
function following(w: { operation: string; params: Record<string, unknown> }, state: FollowingWrite["state"] = "allowed", pendingActionId: string | null = null): FollowingWrite {
  n++;
  return { id: `int_${n}`, jobId: `job_${n}`, state, operation: w.operation, params: w.params, pendingActionId };
}
const mine = { ...budget("as_1"), pendingActionId: undefined };

describe("Meta ad set budget coalescing", () => {
  it("knows an ad set budget write and the fields it sets", () => {
    expect(adSetBudgetWrite(budget("as_1", { dailyBudgetCents: 1, lifetimeBudgetCents: 2 }))).toEqual({ adSetId: "as_1", fields: ["dailyBudgetCents", "lifetimeBudgetCents"] });
    expect(adSetBudgetWrite({ operation: "update_budget", params: { campaignId: "cmp_1", dailyBudgetCents: 1 } })).toBeUndefined();
    expect(adSetBudgetWrite({ operation: "pause_adset", params: { campaignId: "cmp_1", entityKind: "adset", entityId: "as_1" } })).toBeUndefined();
  });

  it("the next budget write of the same ad set, allowed and waiting, supersedes it", () => {
    const next = following(budget("as_1", { dailyBudgetCents: 3000 }));
    expect(supersederOf(mine, [next, following(budget("as_1"))])).toEqual({ intentId: next.id, jobId: next.jobId });
  });

  it("passes over writes to other ad sets and ads of the campaign", () => {
    const next = following(budget("as_1"));
    const between = [following(budget("as_2")), following({ operation: "pause_ad", params: { campaignId: "cmp_1", entityKind: "ad", entityId: "ad_1" } }, "accepted")];
    expect(supersederOf(mine, [...between, next])).toEqual({ intentId: next.id, jobId: next.jobId });
  });

  it.each([
    ["nothing waits behind it", []],
    ["the newer budget is not decided by the gate yet", [following(budget("as_1"), "accepted")]],
    ["the ad set is paused in between", [following({ operation: "pause_adset", params: { campaignId: "cmp_1", entityKind: "adset", entityId: "as_1" } }), following(budget("as_1"))]],
    ["the campaign changes in between", [following({ operation: "update_budget", params: { campaignId: "cmp_1", dailyBudgetCents: 9000 } }), following(budget("as_1"))]],
    ["the newer write sets only some of its fields", [following(budget("as_1", { lifetimeBudgetCents: 5000 }))]],
  ] as const)("keeps the write when %s", (_why, rest) => {
    expect(supersederOf(mine, rest)).toBeUndefined();
  });

  it("an approved write (pending action) or a write that is not an ad set budget is never superseded", () => {
    const next = [following(budget("as_1"))];
    expect(supersederOf({ ...mine, pendingActionId: "pa_1" }, next)).toBeUndefined();
    expect(supersederOf({ operation: "pause_adset", params: { campaignId: "cmp_1", entityKind: "adset", entityId: "as_1" }, pendingActionId: undefined }, next)).toBeUndefined();
  });

  it("a newer write that sets both budget fields supersedes one that set one of them", () => {
    const next = following(budget("as_1", { dailyBudgetCents: 1, lifetimeBudgetCents: 2 }));
    expect(supersederOf(mine, [next])).toEqual({ intentId: next.id, jobId: next.jobId });
  });
});
