import { sql } from "kysely";
import type { Platform } from "@layers/contracts";
import type { Db } from "@layers/db";
import { createGroupCommitter, type BatchAnswer, type Logger } from "@layers/runtime";
import { learn, SLOW_DOWN_AT_PCT, type BucketShape, type BudgetSignal } from "./budget-policy.ts";

export type Ticket =
  /** Call now: a token was taken from the account's budget. `scheduledMs`: how long the account stays scheduled (0: it is not). */
  | { go: true; scheduledMs: number }
  /**
   * Wait: the account is out of budget, paused by the platform, or scheduled (its writes are
   * published by the waker only, and this one was not). The account stays scheduled for
   * `scheduledMs` from now: the write goes back to `allowed` and the waker publishes it in turn.
   */
  | { go: false; waitMs: number; reason: "paused" | "empty" | "scheduled"; scheduledMs: number };

/**
 * The call budgets of one platform's accounts, shared by every instance of its dispatcher
 * through Postgres (`call_budgets`, and the waker's bookings in `call_budget_waits`). One draw is
 * one statement: the row lock makes it atomic across instances, and nothing lives only in a
 * process, so a crash loses no budget state.
 *
 * A draw that finds no room, or comes from a backed-up stream, schedules the account
 * (`scheduled_until`, `scheduledMs` ahead): from then on only the waker's publishes may draw for
 * it, in decided order at the account's rate, until the waker finds none of its writes waiting.
 */
export interface CallBudgets {
  readonly platform: Platform;
  /**
   * Draws one call for `intentId` from the account's budget. `lagging`: the write reached the
   * dispatcher late (the stream is backed up), so its account is scheduled even if it has room:
   * its other writes then wait for the waker instead of standing in front of other accounts'.
   */
  acquire(accountKey: string, intentId: string, opts?: { lagging?: boolean }): Promise<Ticket>;
  /**
   * Books a write of a scheduled account as on its way (it may draw): a hand-on, the next write of
   * an entity whose write just closed, is that entity's turn and need not wait for a waker tick.
   */
  book(accountKey: string, intentId: string, forMs: number): Promise<void>;
  /** Ends a booking whose write gave up drawing (it goes back to the account's queue). */
  unbook(intentId: string): Promise<void>;
  /** Feeds what the platform said about the account into its learned rate and pause. */
  observe(accountKey: string, signal: BudgetSignal): Promise<void>;
}

export interface CallBudgetsDeps {
  db: Db;
  platform: Platform;
  /** The configured bucket every account starts from (and recovers to). */
  shape: BucketShape;
  /**
   * True when the platform reports usage on its answers (Meta): recovery then follows those
   * readings only. Otherwise every landed call counts as headroom.
   */
  reportsUsage: boolean;
  log: Logger;
  /** How long an account stays scheduled after a draw found no room (the waker extends it while writes wait). */
  scheduledMs: number;
  /** Group commit of draws: most draws one statement takes, and such statements in flight at once (default 64, 2). */
  batch?: { maxBatch: number; maxInFlight: number };
}

interface Draw {
  accountKey: string;
  intentId: string;
  lagging: boolean;
}

interface DrawRow {
  go: boolean;
  rate: number;
  base_rate: number;
  avail: number;
  paused_ms: number | null;
  /** How long the account stays scheduled from now (0 or less: not scheduled). */
  scheduled_ms: number;
}

export function createCallBudgets(deps: CallBudgetsDeps): CallBudgets {
  const { db, platform, shape } = deps;
  /** Accounts whose row this process knows to exist, with the rate last read (to skip needless recovery writes). */
  const known = new Map<string, { rate: number; baseRate: number }>();

  async function ensure(accountKey: string): Promise<void> {
    // A changed configuration reaches rows that exist: the base moves, and a learned rate never exceeds it.
    await sql`
      insert into call_budgets (platform, account_key, rate, base_rate, burst, tokens)
      values (${platform}, ${accountKey}, ${shape.rate}, ${shape.rate}, ${shape.burst}, ${shape.burst})
      on conflict (platform, account_key) do update
      set base_rate = excluded.base_rate, burst = excluded.burst, rate = least(call_budgets.rate, excluded.base_rate)
      where call_budgets.base_rate <> excluded.base_rate or call_budgets.burst <> excluded.burst`.execute(db);
  }

  /**
   * Draws for many writes in one statement (the draws of the handlers running at once), each
   * answered as if the batch's draws ran one after the other in order: every account's bucket is
   * refilled once, and of its writes allowed to draw (not paused; booked by the waker, or the
   * account not scheduled) the first `floor(avail)` take a token; if any of its writes got none
   * or lags, the account is scheduled. A booking ends with its draw — the write is on its way, or
   * its account is paused and it goes back to the queue — except when the write came a little
   * early for its token: it keeps the booking and may draw again. An account whose row is missing
   * answers undefined (the caller creates it and draws again).
   */
  async function drawMany(items: ReadonlyArray<Draw>): Promise<Array<DrawRow | undefined>> {
    const req = items.map((x, ord) => ({ ord, account_key: x.accountKey, intent_id: x.intentId, lagging: x.lagging }));
    const r = await sql<DrawRow & { ord: number }>`
      with req as (
        select * from jsonb_to_recordset(${JSON.stringify(req)}::jsonb) as r(ord int, account_key text, intent_id text, lagging boolean)
      ), cur as (
        select b.platform, b.account_key, b.rate, b.base_rate, b.paused_until, b.scheduled_until, clock_timestamp() as t,
          least(b.burst, b.tokens + b.rate * greatest(0, extract(epoch from clock_timestamp() - b.refilled_at))) as avail
        from call_budgets b where b.platform = ${platform} and b.account_key in (select account_key from req)
        for update
      ), q as (
        select req.ord, req.account_key, req.intent_id, req.lagging, cur.rate, cur.base_rate, cur.paused_until, cur.scheduled_until, cur.t, cur.avail,
          (cur.paused_until is null or cur.paused_until <= cur.t)
            and (cur.scheduled_until is null or cur.scheduled_until <= cur.t
              or exists (select 1 from call_budget_waits w where w.intent_id = req.intent_id and w.booked_until is not null)) as may
        from req join cur on cur.account_key = req.account_key
      ), d as (
        select q.*, q.may and (count(*) filter (where q.may) over (partition by q.account_key order by q.ord)) <= q.avail as go from q
      ), g as (
        select d.*, coalesce(count(*) filter (where d.go) over (partition by d.account_key order by d.ord rows between unbounded preceding and 1 preceding), 0) as gone_before,
          case when bool_and(d.go and not d.lagging) over (partition by d.account_key) then d.scheduled_until
            else greatest(d.scheduled_until, d.t + ${deps.scheduledMs}::int * interval '1 millisecond') end as sched
        from d
      ), u as (
        update call_budgets b set tokens = x.avail - x.n, refilled_at = x.t, scheduled_until = x.sched
        from (select account_key, min(avail) as avail, min(t) as t, count(*) filter (where go) as n, max(sched) as sched from g group by account_key) x
        where b.platform = ${platform} and b.account_key = x.account_key
      ), done as (
        delete from call_budget_waits w using g where w.intent_id = g.intent_id and (g.go or (g.paused_until is not null and g.paused_until > g.t))
      )
      select ord, go, rate, base_rate, avail - gone_before as avail,
        case when paused_until > t then extract(epoch from paused_until - t) * 1000 end as paused_ms,
        coalesce(extract(epoch from sched - t) * 1000, 0)::float8 as scheduled_ms
      from g`.execute(db);
    const byOrd = new Map(r.rows.map((row) => [row.ord, row]));
    return items.map((_, ord) => byOrd.get(ord));
  }

  /** One draw on its own (a write a batch could not take): a batch of one answers exactly that. */
  const draw = async (x: Draw): Promise<DrawRow | undefined> => (await drawMany([x]))[0];

  const draws = createGroupCommitter<Draw, DrawRow | undefined>({
    maxBatch: deps.batch?.maxBatch ?? 64,
    maxInFlight: deps.batch?.maxInFlight ?? 2,
    runBatch: async (items) => (await drawMany(items)).map((row): BatchAnswer<DrawRow | undefined> => (row ? { ok: row } : { alone: true })),
    runAlone: draw,
  });

  return {
    platform,
    async acquire(account, intentId, opts = {}) {
      const accountKey = budgetKey(account);
      const lagging = opts.lagging ?? false;
      if (!known.has(accountKey)) await ensure(accountKey);
      let row = await draws.submit({ accountKey, intentId, lagging });
      if (row === undefined) {
        // The row went away (ops reset): create it again and draw once more.
        await ensure(accountKey);
        row = await draw({ accountKey, intentId, lagging });
        if (row === undefined) throw new Error(`call budget ${platform}/${accountKey} could not be created`);
      }
      known.set(accountKey, { rate: row.rate, baseRate: row.base_rate });
      const scheduledMs = Math.max(0, Math.floor(row.scheduled_ms));
      if (row.go) return { go: true, scheduledMs };
      if (row.paused_ms !== null) return { go: false, waitMs: Math.ceil(row.paused_ms), reason: "paused", scheduledMs };
      const waitMs = Math.ceil(((1 - Math.min(row.avail, 1)) / Math.max(row.rate, 1e-6)) * 1000);
      return { go: false, waitMs, reason: row.avail >= 1 ? "scheduled" : "empty", scheduledMs };
    },

    async book(account, intentId, forMs) {
      await sql`
        insert into call_budget_waits (intent_id, platform, account_key, booked_until)
        values (${intentId}, ${platform}, ${budgetKey(account)}, clock_timestamp() + ${Math.round(forMs)}::int * interval '1 millisecond')
        on conflict (intent_id) do update set booked_until = excluded.booked_until`.execute(db);
    },

    async unbook(intentId) {
      await db.deleteFrom("call_budget_waits").where("intent_id", "=", intentId).execute();
    },

    async observe(account, signal) {
      const accountKey = budgetKey(account);
      const k = known.get(accountKey);
      // Only news moves the budget: a recovery signal for an account at its configured rate needs no write.
      if (signal.kind === "landed" && (deps.reportsUsage || (k !== undefined && k.rate >= k.baseRate))) return;
      if (signal.kind === "usage" && signal.pct < SLOW_DOWN_AT_PCT && (signal.regainMs ?? 0) <= 0 && k !== undefined && k.rate >= k.baseRate) return;
      await db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom("call_budgets")
          .select(["rate", "base_rate", "paused_until", "adjusted_at"])
          .where("platform", "=", platform)
          .where("account_key", "=", accountKey)
          .forUpdate()
          .executeTakeFirst();
        if (!row) return;
        const now = Date.now();
        const change = learn({ rate: row.rate, baseRate: row.base_rate, pausedUntilMs: row.paused_until?.getTime() ?? null, adjustedAtMs: row.adjusted_at.getTime() }, signal, now);
        if (!change) return;
        await trx
          .updateTable("call_budgets")
          .set({
            rate: change.rate,
            paused_until: change.pausedUntilMs === null ? null : new Date(change.pausedUntilMs),
            adjusted_at: new Date(change.adjustedAtMs),
            ...(change.throttled
              ? {
                  tokens: 0,
                  refilled_at: new Date(now),
                  throttles: sql<string>`throttles + 1` as never,
                  // Its writes wait for the waker from now on, which publishes none before the pause ends.
                  scheduled_until: sql<Date>`greatest(scheduled_until, paused_until, ${change.pausedUntilMs === null ? null : new Date(change.pausedUntilMs)}::timestamptz, now()) + ${deps.scheduledMs}::int * interval '1 millisecond'` as never,
                }
              : {}),
          })
          .where("platform", "=", platform)
          .where("account_key", "=", accountKey)
          .execute();
        known.set(accountKey, { rate: change.rate, baseRate: row.base_rate });
        if (change.rate !== row.rate || change.throttled) {
          deps.log.info({ accountKey, signal: signal.kind, rate: change.rate, pausedUntil: change.pausedUntilMs }, "call budget adjusted");
        }
      });
    },
  };
}

/** Meta's ad accounts are named `act_<id>` in paths and `<id>` in usage headers: one budget either way. */
export function budgetKey(platformAccountId: string): string {
  return platformAccountId.replace(/^act_/, "");
}
