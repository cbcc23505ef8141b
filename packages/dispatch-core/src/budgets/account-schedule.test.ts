import { describe, expect, it } from "vitest";
import { accountScheduleOf, createAccountSchedule } from "./account-schedule.ts";

describe("account schedule: which writes a dispatcher may leave to the budget waker", () => {
  it("leaves a write to the waker only while its account stays scheduled for at least the margin", () => {
    const s = createAccountSchedule({ marginMs: 1_000 });
    s.note("aa_1", 3_000, 10_000);
    expect(s.leavesToWaker("aa_1", 10_000)).toBe(true);
    expect(s.leavesToWaker("aa_1", 12_000)).toBe(true);
    // Less than the margin left: a waker pass might not come before it lapses, so take the full path.
    expect(s.leavesToWaker("aa_1", 12_001)).toBe(false);
    expect(s.leavesToWaker("aa_2", 10_000)).toBe(false);
    expect(s.leavesToWaker(undefined, 10_000)).toBe(false);
  });

  it("never moves an account's schedule back when answers arrive out of order", () => {
    const s = createAccountSchedule({ marginMs: 500 });
    s.note("aa_1", 5_000, 0);
    s.note("aa_1", 1_000, 100);
    expect(s.leavesToWaker("aa_1", 4_000)).toBe(true);
    s.replace([["aa_1", 200]], 200);
    expect(s.leavesToWaker("aa_1", 4_000)).toBe(true);
  });

  it("a full reading adds accounts and drops the ones whose time is up", () => {
    const s = createAccountSchedule({ marginMs: 500 });
    s.note("aa_old", 1_000, 0);
    s.note("aa_running", 9_000, 0);
    s.replace([["aa_new", 2_000]], 1_500);
    expect(s.scheduled(1_500).sort()).toEqual(["aa_new", "aa_running"]);
    expect(s.leavesToWaker("aa_new", 1_500)).toBe(true);
    expect(s.leavesToWaker("aa_old", 1_500)).toBe(false);
    expect(s.isScheduled("aa_new", 3_499)).toBe(true);
    expect(s.isScheduled("aa_new", 3_500)).toBe(false);
    expect(s.isScheduled("aa_old", 1_500)).toBe(false);
  });
});

describe("accountScheduleOf: the configured schedule must outlast a few waker ticks", () => {
  it("refuses a schedule too short for a waker pass to see a write left to it, naming both settings", () => {
    expect(() => accountScheduleOf({ CALL_BUDGET_SCHEDULED_MS: 500, CALL_BUDGET_WAKE_MS: 100 })).toThrow(/CALL_BUDGET_SCHEDULED_MS \(500\).*CALL_BUDGET_WAKE_MS \(100\)/);
    const s = accountScheduleOf({ CALL_BUDGET_SCHEDULED_MS: 3_000, CALL_BUDGET_WAKE_MS: 100 });
    s.note("aa_1", 3_000, 0);
    // Margin: half the schedule.
    expect(s.leavesToWaker("aa_1", 1_500)).toBe(true);
    expect(s.leavesToWaker("aa_1", 1_501)).toBe(false);
  });
});
