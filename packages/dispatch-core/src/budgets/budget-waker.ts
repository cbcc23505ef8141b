import { sql } from "kysely";
import { setTimeout as sleep } from "node:timers/promises";
import type { JetStreamClient } from "@nats-io/jetstream";
import type { Dispatch, NatsNames, Platform } from "@layers/contracts";
import type { Db } from "@layers/db";
import { hopHeaders, type Logger } from "@layers/runtime";

export interface BudgetWakerDeps {
  db: Db;
  js: JetStreamClient;
  names: NatsNames;
  platform: Platform;
  log: Logger;
  /** How often the waiting writes are looked at. */
  intervalMs: number;
  /** How long a published write counts as on its way before it may be published again. */
  bookMs: number;
}

export interface BudgetWaker {
  /** One pass: publishes the writes their accounts' budgets have room for now. Returns how many. */
  wakeOnce(): Promise<number>;
  stop(): Promise<void>;
}

interface Woken {
  id: string;
  dispatch: Dispatch | null;
  request_id: string;
  traceparent: string | null;
  open: boolean;
}

/** Any 32-bit key of our own for the advisory lock; the second key is the platform. */
const WAKER_LOCK = 727_301;

/**
 * The scheduler of writes waiting for budget. Every tick, per account, it publishes as many of
 * the account's queued writes (oldest first) as its budget will have room for in the next tick,
 * minus those already on their way. So a hot account's backlog enters the stream at its own
 * platform rate, never as a flood, and every other account keeps its own pace: nobody's backlog
 * stands in front of anybody else's. One instance per platform does a pass at a time (a
 * transaction-scoped advisory lock, released by a crash); every instance runs the loop, so the
 * pass survives any one of them.
 */
export function startBudgetWaker(deps: BudgetWakerDeps): BudgetWaker {
  const { db, platform, log } = deps;
  let stopped = false;

  async function pick(): Promise<Woken[]> {
    return db.transaction().execute(async (trx) => {
      const lock = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(${WAKER_LOCK}, hashtext(${platform})) as ok`.execute(trx);
      if (!lock.rows[0]?.ok) return [];
      const r = await sql<Woken>`
        with room as (
          select b.account_key,
            case when b.paused_until > clock_timestamp() then 0
              else floor(least(b.burst, b.tokens + b.rate * greatest(0, extract(epoch from clock_timestamp() - b.refilled_at)))
                + b.rate * ${deps.intervalMs / 1000}::float8)::int end as n
          from call_budgets b where b.platform = ${platform}
        ), on_way as (
          select account_key, count(*)::int as n from call_budget_waits
          where platform = ${platform} and booked_until > clock_timestamp() group by account_key
        ), ranked as (
          select w.intent_id, w.account_key, row_number() over (partition by w.account_key order by w.parked_at, w.intent_id) as rn
          from call_budget_waits w
          where w.platform = ${platform} and (w.booked_until is null or w.booked_until <= clock_timestamp())
        ), picked as (
          update call_budget_waits w set booked_until = clock_timestamp() + ${deps.bookMs}::int * interval '1 millisecond'
          from ranked r join room using (account_key) left join on_way o using (account_key)
          where w.intent_id = r.intent_id and r.rn <= room.n - coalesce(o.n, 0)
          returning w.intent_id
        )
        select i.id, i.dispatch, i.request_id, i.traceparent, i.state in ('allowed', 'dispatching') as open
        from picked p join write_intents i on i.id = p.intent_id`.execute(trx);
      // A write finished another way (a redrive, a replay that landed) leaves the queue.
      const gone = r.rows.filter((w) => !w.open).map((w) => w.id);
      if (gone.length > 0) await trx.deleteFrom("call_budget_waits").where("intent_id", "in", gone).execute();
      return r.rows.filter((w) => w.open && w.dispatch !== null);
    });
  }

  async function wakeOnce(): Promise<number> {
    const woken = await pick();
    const at = Date.now();
    await Promise.all(
      woken.map(async (w) => {
        const d = w.dispatch as Dispatch;
        try {
          await deps.js.publish(deps.names.subjects.dispatch(platform), JSON.stringify(d), {
            // One publish per booking: a pass that books the write again (its copy got lost) is not deduplicated away.
            msgID: `${w.id}:budget:${at}`,
            headers: hopHeaders({ requestId: w.request_id, traceparent: w.traceparent ?? "" }),
          });
        } catch (err) {
          // The booking runs out and a later pass publishes it again.
          log.warn({ err, intentId: w.id }, "could not publish a write waiting for budget");
        }
      }),
    );
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
