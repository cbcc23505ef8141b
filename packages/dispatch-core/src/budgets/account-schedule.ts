/**
 * What this process knows of the accounts whose writes the budget waker schedules: the Layers ad
 * account ids, each with the moment (this process's clock) until which it stays scheduled. Fed by
 * every draw that leaves an account scheduled and by every waker tick (all scheduled accounts of
 * the platform), so every instance knows within one tick.
 *
 * The point is the cheap path: a write of a scheduled account that did not come from the waker is
 * acked unopened (no claim, no row load, no draw), because the waker publishes it from Postgres
 * at its account's pace anyway. That is safe only while a waker pass is sure to run before the
 * schedule can lapse, hence `marginMs`: a write is left to the waker only when its account stays
 * scheduled for at least that much longer. Postgres only ever moves `scheduled_until` forward.
 */
export interface AccountSchedule {
  /** The account stays scheduled for `remainingMs` from now (a draw or a tick said so). */
  note(adAccountId: string, remainingMs: number, nowMs: number): void;
  /** A full reading: every scheduled account of the platform with its remaining time. */
  replace(entries: Iterable<readonly [string, number]>, nowMs: number): void;
  /** True when a write of this account may be acked unopened and left to the waker. */
  leavesToWaker(adAccountId: string | undefined, nowMs: number): boolean;
  /** True while the account is scheduled at all (a hand-on of its writes is booked). */
  isScheduled(adAccountId: string, nowMs: number): boolean;
  /** The accounts scheduled now (the hand-on sweep leaves their writes to the waker). */
  scheduled(nowMs: number): string[];
}

export function createAccountSchedule(opts: { marginMs: number }): AccountSchedule {
  const until = new Map<string, number>();
  const later = (id: string, at: number) => {
    // Answers may arrive out of order; the schedule itself never moves back.
    if ((until.get(id) ?? -Infinity) < at) until.set(id, at);
  };
  return {
    note(id, remainingMs, nowMs) {
      later(id, nowMs + remainingMs);
    },
    replace(entries, nowMs) {
      const seen = new Set<string>();
      for (const [id, remainingMs] of entries) {
        seen.add(id);
        later(id, nowMs + remainingMs);
      }
      // An account missing from the reading is no longer scheduled once its own time is up.
      for (const [id, at] of until) if (!seen.has(id) && at <= nowMs) until.delete(id);
    },
    leavesToWaker(id, nowMs) {
      if (id === undefined) return false;
      const at = until.get(id);
      return at !== undefined && at - nowMs >= opts.marginMs;
    },
    isScheduled(id, nowMs) {
      return (until.get(id) ?? -Infinity) > nowMs;
    },
    scheduled(nowMs) {
      return [...until].filter(([, at]) => at > nowMs).map(([id]) => id);
    },
  };
}

/**
 * A scheduled account's write is left to the waker only while its schedule has half of
 * `CALL_BUDGET_SCHEDULED_MS` left: time for several waker passes, one of which publishes it.
 */
export function accountScheduleOf(config: { CALL_BUDGET_SCHEDULED_MS: number; CALL_BUDGET_WAKE_MS: number }): AccountSchedule {
  const marginMs = config.CALL_BUDGET_SCHEDULED_MS / 2;
  if (marginMs < 3 * config.CALL_BUDGET_WAKE_MS) {
    throw new Error(`CALL_BUDGET_SCHEDULED_MS (${config.CALL_BUDGET_SCHEDULED_MS}) must be at least 6 × CALL_BUDGET_WAKE_MS (${config.CALL_BUDGET_WAKE_MS}): a write left to the waker must see a waker pass before its account's schedule lapses`);
  }
  return createAccountSchedule({ marginMs });
}

/** Marks the waker's own publishes: only these may draw for a scheduled account. A hint, not a key — the booking row decides. */
export const BUDGET_BOOKING_HEADER = "Layers-Budget-Booking";
