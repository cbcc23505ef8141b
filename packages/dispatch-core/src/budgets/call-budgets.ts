import { sql } from "kysely";
import type { Platform } from "@layers/contracts";
import type { Db } from "@layers/db";
import { createGroupCommitter, type BatchAnswer, type Logger } from "@layers/runtime";
import { learn, SLOW_DOWN_AT_PCT, type BucketShape, type BudgetSignal } from "./budget-policy.ts";

export type Ticket =
  /** Call now: a token was taken from the account's budget. */
  | { go: true }
  /** Wait: the account is out of budget, paused by the platform, or others of its writes wait first. */
  | { go: false; waitMs: number; reason: "paused" | "empty" | "queued" };

/**
 * The call budgets of one platform's accounts, shared by every instance of its dispatcher
 * through Postgres (`call_budgets`, `call_budget_waits`). One draw is one statement: the row lock
 * makes it atomic across instances, and nothing lives only in a process, so a crash loses no
 * budget state.
 */
export interface CallBudgets {
  readonly platform: Platform;
  /** Draws one call for `intentId` from the account's budget. */
  acquire(accountKey: string, intentId: string): Promise<Ticket>;
  /** Queues the write behind its account's budget (keeps its place when it was queued already). */
  park(accountKey: string, intentId: string): Promise<void>;
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
  /** Group commit of draws: most draws one statement takes, and such statements in flight at once (default 64, 2). */
  batch?: { maxBatch: number; maxInFlight: number };
}

interface DrawRow {
  go: boolean;
  rate: number;
  base_rate: number;
  avail: number;
  queued: number;
  paused_ms: number | null;
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
   * Refills the bucket for the time gone by and takes a token when the account is not paused and
   * none of its queued writes is ahead: a write the waker published (booked) may draw, a new one
   * joins the queue behind the parked ones. A drawn write leaves the queue in the same statement.
   */
  async function draw(accountKey: string, intentId: string): Promise<DrawRow | undefined> {
    const r = await sql<DrawRow>`
      with cur as (
        select b.platform, b.account_key, b.rate, b.base_rate, b.paused_until, clock_timestamp() as t,
          least(b.burst, b.tokens + b.rate * greatest(0, extract(epoch from clock_timestamp() - b.refilled_at))) as avail
        from call_budgets b where b.platform = ${platform} and b.account_key = ${accountKey}
        for update
      ), q as (
        select
          exists (select 1 from call_budget_waits w where w.intent_id = ${intentId} and w.booked_until is not null) as woken,
          (select count(*)::int from call_budget_waits w
            where w.platform = ${platform} and w.account_key = ${accountKey} and w.intent_id <> ${intentId} and w.booked_until is null) as queued
      ), d as (
        select cur.*, q.queued,
          (cur.paused_until is null or cur.paused_until <= cur.t) and cur.avail >= 1 and (q.woken or q.queued = 0) as go
        from cur, q
      ), u as (
        update call_budgets b set tokens = d.avail - case when d.go then 1 else 0 end, refilled_at = d.t
        from d where b.platform = d.platform and b.account_key = d.account_key
      ), done as (
        delete from call_budget_waits w using d where w.intent_id = ${intentId} and d.go
      )
      select go, rate, base_rate, avail, queued,
        case when paused_until > t then extract(epoch from paused_until - t) * 1000 end as paused_ms
      from d`.execute(db);
    return r.rows[0];
  }

  /**
   * `draw` for many writes in one statement (the draws of the handlers running at once), each
   * answered as if the batch's draws ran one after the other in order: every account's bucket is
   * refilled once, and of its writes allowed to draw (not paused; woken, or nothing queued ahead)
   * the first `floor(avail)` take a token. An account whose row is missing answers undefined (the
   * caller draws alone, which creates it).
   */
  async function drawMany(items: ReadonlyArray<{ accountKey: string; intentId: string }>): Promise<Array<DrawRow | undefined>> {
    const req = items.map((x, ord) => ({ ord, account_key: x.accountKey, intent_id: x.intentId }));
    const r = await sql<DrawRow & { ord: number }>`
      with req as (
        select * from jsonb_to_recordset(${JSON.stringify(req)}::jsonb) as r(ord int, account_key text, intent_id text)
      ), cur as (
        select b.platform, b.account_key, b.rate, b.base_rate, b.paused_until, clock_timestamp() as t,
          least(b.burst, b.tokens + b.rate * greatest(0, extract(epoch from clock_timestamp() - b.refilled_at))) as avail
        from call_budgets b where b.platform = ${platform} and b.account_key in (select account_key from req)
        for update
      ), q as (
        select req.ord, req.account_key, req.intent_id, cur.rate, cur.base_rate, cur.paused_until, cur.t, cur.avail,
          (select count(*)::int from call_budget_waits w
            where w.platform = ${platform} and w.account_key = req.account_key and w.intent_id <> req.intent_id and w.booked_until is null) as queued,
          (cur.paused_until is null or cur.paused_until <= cur.t)
            and (exists (select 1 from call_budget_waits w where w.intent_id = req.intent_id and w.booked_until is not null)
              or not exists (select 1 from call_budget_waits w
                where w.platform = ${platform} and w.account_key = req.account_key and w.intent_id <> req.intent_id and w.booked_until is null)) as may
        from req join cur on cur.account_key = req.account_key
      ), d as (
        select q.*, q.may and (count(*) filter (where q.may) over (partition by q.account_key order by q.ord)) <= q.avail as go from q
      ), g as (
        select d.*, coalesce(count(*) filter (where d.go) over (partition by d.account_key order by d.ord rows between unbounded preceding and 1 preceding), 0) as gone_before from d
      ), u as (
        update call_budgets b set tokens = x.avail - x.n, refilled_at = x.t
        from (select account_key, min(avail) as avail, min(t) as t, count(*) filter (where go) as n from d group by account_key) x
        where b.platform = ${platform} and b.account_key = x.account_key
      ), done as (
        delete from call_budget_waits w using d where w.intent_id = d.intent_id and d.go
      )
      select ord, go, rate, base_rate, avail - gone_before as avail, queued,
        case when paused_until > t then extract(epoch from paused_until - t) * 1000 end as paused_ms
      from g`.execute(db);
    const byOrd = new Map(r.rows.map((row) => [row.ord, row]));
    return items.map((_, ord) => byOrd.get(ord));
  }

  const draws = createGroupCommitter<{ accountKey: string; intentId: string }, DrawRow | undefined>({
    maxBatch: deps.batch?.maxBatch ?? 64,
    maxInFlight: deps.batch?.maxInFlight ?? 2,
    runBatch: async (items) => (await drawMany(items)).map((row): BatchAnswer<DrawRow | undefined> => (row ? { ok: row } : { alone: true })),
    runAlone: (x) => draw(x.accountKey, x.intentId),
  });

  return {
    platform,
    async acquire(account, intentId) {
      const accountKey = budgetKey(account);
      if (!known.has(accountKey)) await ensure(accountKey);
      let row = await draws.submit({ accountKey, intentId });
      if (row === undefined) {
        // The row went away (ops reset): create it again and draw once more.
        await ensure(accountKey);
        row = await draw(accountKey, intentId);
        if (row === undefined) throw new Error(`call budget ${platform}/${accountKey} could not be created`);
      }
      known.set(accountKey, { rate: row.rate, baseRate: row.base_rate });
      if (row.go) return { go: true };
      if (row.paused_ms !== null) return { go: false, waitMs: Math.ceil(row.paused_ms), reason: "paused" };
      const waitMs = Math.ceil(((row.queued + 1 - row.avail) / Math.max(row.rate, 1e-6)) * 1000);
      return { go: false, waitMs, reason: row.queued > 0 ? "queued" : "empty" };
    },

    async park(account, intentId) {
      const accountKey = budgetKey(account);
      await sql`
        insert into call_budget_waits (intent_id, platform, account_key) values (${intentId}, ${platform}, ${accountKey})
        on conflict (intent_id) do update set booked_until = null`.execute(db);
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
            ...(change.throttled ? { tokens: 0, refilled_at: new Date(now), throttles: sql<string>`throttles + 1` as never } : {}),
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
