import { describe, expect, it } from "vitest";
import { BudgetChangeMeter, META_ADSET_BUDGET_RULE } from "./budget-change-meter.ts";

describe("BudgetChangeMeter (Meta's ad set budget change limit)", () => {
  it("defaults to Meta's 4 changes per ad set per hour", () => {
    const m = new BudgetChangeMeter();
    expect(META_ADSET_BUDGET_RULE).toEqual({ changes: 4, windowMs: 3_600_000 });
    for (let i = 0; i < 4; i++) expect(m.take("act_1", "as_1", i * 1_000)).toEqual({ ok: true });
    expect(m.take("act_1", "as_1", 10_000)).toEqual({ ok: false, retryAfterMs: 3_600_000 });
    // Another ad set of the same account has its own four.
    expect(m.take("act_1", "as_2", 10_000)).toEqual({ ok: true });
    expect(m.list()).toEqual([{ account: "act_1", changes: 4, windowMs: 3_600_000, changed: 5, refused: 1 }]);
  });

  it("a change over the rule blocks the ad set for a whole window from the refusal, and refusals apply nothing", () => {
    const m = new BudgetChangeMeter();
    m.set("act_1", { changes: 2, windowMs: 1_000 });
    expect(m.take("act_1", "as_1", 0)).toEqual({ ok: true });
    expect(m.take("act_1", "as_1", 100)).toEqual({ ok: true });
    expect(m.take("act_1", "as_1", 500)).toEqual({ ok: false, retryAfterMs: 1_000 });
    // The sliding window alone would admit at 1_000; the block holds until 1_500.
    expect(m.take("act_1", "as_1", 1_200)).toEqual({ ok: false, retryAfterMs: 300 });
    expect(m.take("act_1", "as_1", 1_500)).toEqual({ ok: true });
    expect(m.list()).toEqual([{ account: "act_1", changes: 2, windowMs: 1_000, changed: 3, refused: 2 }]);
  });

  it("within the rule, changes spaced over the window all pass", () => {
    const m = new BudgetChangeMeter();
    m.set("act_1", { changes: 2, windowMs: 1_000 });
    for (const t of [0, 600, 1_100, 1_700, 2_200]) expect(m.take("act_1", "as_1", t)).toEqual({ ok: true });
    expect(m.clear("act_1")).toBe(1);
    expect(m.list()).toEqual([]);
  });
});
