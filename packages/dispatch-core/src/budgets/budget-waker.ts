import { sql } from "kysely";
import { setTimeout as sleep } from "node:timers/promises";
import type { JetStreamClient } from "@nats-io/jetstream";
import { OPEN_INTENT_STATES } from "@layers/lifecycle";
import type { Dispatch, NatsNames, Platform } from "@layers/contracts";
import type { Db } from "@layers/db";
import { hopHeaders, type Logger } from "@layers/runtime";
import { BUDGET_BOOKING_HEADER, type AccountSchedule } from "./account-schedule.ts";

export interface BudgetWakerDeps {
  db: Db;
  js: JetStreamClient;
  names: NatsNames;
  platform: Platform;
  log: Logger;
  /** What this process knows of the scheduled accounts; every tick refreshes it. */
  schedule: AccountSchedule;
  /** How often the waiting writes are looked at. */
  intervalMs: number;
  /** How long a published write counts as on its way before it may be published again. */
  bookMs: number;
  /** How long an account with writes still waiting stays scheduled from this pass on. */
  scheduledMs: number;
  /** Most writes of one account published and not yet drawn. */
  inStreamMax: number;
}

export interface BudgetWaker {
  /** One pass: publishes the writes their accounts' budgets have room for now. Returns how many. */
  wakeOnce(): Promise<number>;
  stop(): Promise<void>;
}

interface Woken {
  id: string;
  dispatch: Dispatch;
  request_id: string;
  traceparent: string | null;
}

/** Any 32-bit key of our own for the advisory lock; the second key is the platform. */
const WAKER_LOCK = 727_301;
const OPEN = sql.raw(`(${OPEN_INTENT_STATES.map((s) => `'${s}'`).join(",")})`);
/** Allowed writes one pass looks at per account beyond the ones it may publish (some may be behind an open write on their entity). */
const SCAN_SLACK = 64;
/** The Layers ad accounts of a budget: Meta names an account `act_<id>` where the budget keys it by `<id>`. */
const accountsOfBudget = (a: string, b: string) => sql.raw(`${a}.platform = ${b}.platform and ${a}.platform_account_id in (${b}.account_key, 'act_' || ${b}.account_key)`);

/**
 * The scheduler of budget-limited accounts. A scheduled account's queue is its `allowed` writes in
 * `write_intents`, in decided order (found through the ad account the gate puts on the stored
 * dispatch). Every tick, per scheduled account, it publishes as many of them as the account's
 * budget will have tokens for by the next tick (a booked write that draws a little early waits for
 * its token in the handler), at most `inStreamMax`, minus those already on their way (booked), with
 * the booking header that lets them draw. So a hot account's backlog enters the stream at its
 * platform rate and every other copy of its writes is acked unopened by the dispatchers: nobody's
 * backlog stands in front of anybody else's. An account some of whose writes still wait stays
 * scheduled `scheduledMs` longer; one with none left lapses and its writes flow directly again.
 *
 * One instance per platform does a pass at a time (a transaction-scoped advisory lock, released
 * by a crash); every instance runs the loop, so the pass survives any one of them, and every
 * instance reads the scheduled accounts each tick.
 */
export function startBudgetWaker(deps: BudgetWakerDeps): BudgetWaker {
  const { db, platform, log } = deps;
  let stopped = false;

  async function pick(): Promise<Woken[]> {
    return db.transaction().execute(async (trx) => {
      const lock = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(${WAKER_LOCK}, hashtext(${platform})) as ok`.execute(trx);
      if (!lock.rows[0]?.ok) return [];
      const r = await sql<Woken>`
        with sched as (
          select b.platform, b.account_key,
            case when b.paused_until > clock_timestamp() then 0
              else least(${deps.inStreamMax}::int, floor(least(b.burst, b.tokens + b.rate * greatest(0, extract(epoch from clock_timestamp() - b.refilled_at)))
                + b.rate * ${deps.intervalMs / 1000}::float8)::int) end as n
          from call_budgets b where b.platform = ${platform} and b.scheduled_until > clock_timestamp()
        ), on_way as (
          select account_key, count(*)::int as n from call_budget_waits
          where platform = ${platform} and booked_until > clock_timestamp() group by account_key
        ), acct as (
          select s.account_key, greatest(s.n - coalesce(o.n, 0), 0) as room, array_agg(a.id) as ids
          from sched s left join on_way o using (account_key)
          join ad_accounts a on ${accountsOfBudget("a", "s")}
          group by s.account_key, s.n, o.n
        ), scanned as (
          select acct.account_key, acct.room, c.id, c.entity_key, c.entity_seq, c.ord
          from acct cross join lateral (
            select w.id, w.entity_key, w.entity_seq, row_number() over (order by w.decided_at, w.id) as ord
            from write_intents w
            where w.state = 'allowed' and (w.dispatch ->> 'adAccountId') = any(acct.ids) and w.platform = ${platform}
              and (w.lease_until is null or w.lease_until <= clock_timestamp())
              and not exists (select 1 from call_budget_waits k where k.intent_id = w.id and k.booked_until > clock_timestamp())
            order by w.decided_at, w.id
            limit acct.room + ${SCAN_SLACK}
          ) c
        ), heads as (
          select s.*, row_number() over (partition by s.account_key order by s.ord) as rn
          from scanned s
          where not exists (select 1 from write_intents e where e.entity_key = s.entity_key and e.entity_seq < s.entity_seq and e.state in ${OPEN})
        ), picked as (
          insert into call_budget_waits (intent_id, platform, account_key, booked_until)
          select h.id, ${platform}, h.account_key, clock_timestamp() + ${deps.bookMs}::int * interval '1 millisecond'
          from heads h where h.rn <= h.room
          on conflict (intent_id) do update set booked_until = excluded.booked_until, account_key = excluded.account_key
          returning intent_id
        ), still as (
          -- Writes left waiting (not published now, or behind their entity's open write): the account stays scheduled.
          update call_budgets b set scheduled_until = greatest(b.scheduled_until, clock_timestamp() + ${deps.scheduledMs}::int * interval '1 millisecond')
          where b.platform = ${platform} and b.account_key in (
            select s.account_key from scanned s group by s.account_key, s.room having count(*) > min(s.room)
          )
        )
        select i.id, i.dispatch, i.request_id, i.traceparent
        from picked p join write_intents i on i.id = p.intent_id`.execute(trx);
      return r.rows;
    });
  }

  /** Every instance: the platform's scheduled accounts (by Layers ad account) and how long each stays so. */
  async function readSchedule(): Promise<void> {
    const r = await sql<{ id: string; ms: number }>`
      select a.id, (extract(epoch from b.scheduled_until - clock_timestamp()) * 1000)::float8 as ms
      from call_budgets b
      join ad_accounts a on ${accountsOfBudget("a", "b")}
      where b.platform = ${platform} and b.scheduled_until > clock_timestamp()`.execute(db);
    deps.schedule.replace(r.rows.map((x) => [x.id, x.ms] as const), Date.now());
  }

  async function wakeOnce(): Promise<number> {
    const woken = await pick();
    const at = Date.now();
    await Promise.all(
      woken.map(async (w) => {
        try {
          const headers = hopHeaders({ requestId: w.request_id, traceparent: w.traceparent ?? "" }, { [BUDGET_BOOKING_HEADER]: "1" });
          await deps.js.publish(deps.names.subjects.dispatch(platform), JSON.stringify(w.dispatch), {
            // One publish per booking: a pass that books the write again (its copy got lost) is not deduplicated away.
            msgID: `${w.id}:budget:${at}`,
            headers,
          });
        } catch (err) {
          // The booking runs out and a later pass publishes it again.
          log.warn({ err, intentId: w.id }, "could not publish a write waiting for budget");
        }
      }),
    );
    await readSchedule();
    return woken.length;
  }

  const loop = (async () => {
    while (!stopped) {
      try {
        await wakeOnce();
      } catch (err) {
        log.warn({ err }, "budget waker pass failed; the next one retries");
      }
      await sleep(deps.intervalMs);
    }
  })();

  return {
    wakeOnce,
    async stop() {
      stopped = true;
      await loop;
    },
  };
}
