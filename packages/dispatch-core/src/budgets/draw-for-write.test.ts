import { describe, expect, it } from "vitest";
import { createAccountSchedule } from "./account-schedule.ts";
import type { CallBudgets, Ticket } from "./call-budgets.ts";
import { drawForWrite, type WriteToDraw } from "./draw-for-write.ts";

/** A budget answering the given tickets in turn, recording what was asked of it. */
function scripted(tickets: Ticket[]) {
  const calls: string[] = [];
  const budgets: CallBudgets = {
    platform: "meta",
    async acquire(_key, intentId, opts) {
      calls.push(`acquire ${intentId}${opts?.lagging ? " lagging" : ""}`);
      const t = tickets.shift();
      if (!t) throw new Error("no more tickets");
      return t;
    },
    async book() {
      calls.push("book");
    },
    async unbook(intentId) {
      calls.push(`unbook ${intentId}`);
    },
    async observe() {},
  };
  return { budgets, calls };
}

const empty = (waitMs: number): Ticket => ({ go: false, waitMs, reason: "empty", scheduledMs: 3_000 });
const go: Ticket = { go: true, scheduledMs: 2_500 };
const write = (over: Partial<WriteToDraw> = {}): WriteToDraw => ({ platformAccountId: "123", adAccountId: "aa_1", intentId: "int_1", booked: true, lagging: false, ...over });

describe("drawForWrite", () => {
  it("a booked write early for its token waits for it and draws again", async () => {
    const { budgets, calls } = scripted([empty(40), go]);
    const waits: number[] = [];
    const schedule = createAccountSchedule({ marginMs: 1_000 });
    const t = await drawForWrite({ budgets, schedule, maxWaitMs: 200, wait: async (ms) => waits.push(ms), now: () => 0 }, write());
    expect(t.go).toBe(true);
    expect(waits).toEqual([41]);
    expect(calls).toEqual(["acquire int_1", "acquire int_1"]);
    // The answer said the account stays scheduled: this process leaves its other copies to the waker.
    expect(schedule.leavesToWaker("aa_1", 0)).toBe(true);
  });

  it("gives a booking up after three tries, or at once when the token is far off", async () => {
    const tries = scripted([empty(10), empty(10), empty(10), empty(10)]);
    const schedule = createAccountSchedule({ marginMs: 1_000 });
    expect((await drawForWrite({ budgets: tries.budgets, schedule, maxWaitMs: 200, wait: async () => undefined }, write())).go).toBe(false);
    expect(tries.calls).toEqual(["acquire int_1", "acquire int_1", "acquire int_1", "acquire int_1", "unbook int_1"]);

    const far = scripted([empty(5_000)]);
    await drawForWrite({ budgets: far.budgets, schedule, maxWaitMs: 200, wait: async () => undefined }, write());
    expect(far.calls).toEqual(["acquire int_1", "unbook int_1"]);
  });

  it("an unbooked write never waits in the handler, and passes its lag on", async () => {
    const { budgets, calls } = scripted([empty(10)]);
    const schedule = createAccountSchedule({ marginMs: 1_000 });
    const t = await drawForWrite({ budgets, schedule, maxWaitMs: 200, wait: async () => expect.fail("no wait") }, write({ booked: false, lagging: true }));
    expect(t).toMatchObject({ go: false, reason: "empty" });
    expect(calls).toEqual(["acquire int_1 lagging"]);
  });
});
