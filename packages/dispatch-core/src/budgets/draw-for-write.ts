import { setTimeout as sleep } from "node:timers/promises";
import type { AccountSchedule } from "./account-schedule.ts";
import type { CallBudgets, Ticket } from "./call-budgets.ts";

export interface WriteToDraw {
  /** The platform's account id (the budget's key). */
  platformAccountId: string;
  /** The Layers ad account (the schedule's key). */
  adAccountId: string;
  intentId: string;
  /** The message carries the waker's (or a hand-on's) booking. */
  booked: boolean;
  /** First delivered long after it was published: the stream is backed up. */
  lagging: boolean;
}

/**
 * One write's draw from its account's budget, as the handler needs it: the waker publishes for
 * the tokens its next tick brings, so a booked write a little early for its token waits for it
 * (at most `maxWaitMs` a try, three tries) rather than go back and cost another claim. A booked
 * write that still gets none gives its booking up (the waker publishes it again in turn). What
 * the answer says of the account's schedule is noted for this process.
 */
export async function drawForWrite(
  deps: { budgets: CallBudgets; schedule: AccountSchedule; maxWaitMs: number; wait?: (ms: number) => Promise<unknown>; now?: () => number },
  w: WriteToDraw,
): Promise<Ticket> {
  const wait = deps.wait ?? sleep;
  const now = deps.now ?? Date.now;
  /** How long to wait for the token, when this booked write should. */
  const earlyBy = (t: Ticket): number | undefined => (w.booked && !t.go && t.reason === "empty" && t.waitMs <= deps.maxWaitMs ? t.waitMs : undefined);
  let ticket = await deps.budgets.acquire(w.platformAccountId, w.intentId, { lagging: w.lagging });
  for (let tries = 0, ms = earlyBy(ticket); ms !== undefined && tries < 3; tries++, ms = earlyBy(ticket)) {
    await wait(ms + 1);
    ticket = await deps.budgets.acquire(w.platformAccountId, w.intentId);
  }
  if (w.booked && !ticket.go && ticket.reason === "empty") await deps.budgets.unbook(w.intentId);
  if (ticket.scheduledMs > 0) deps.schedule.note(w.adAccountId, ticket.scheduledMs, now());
  return ticket;
}
