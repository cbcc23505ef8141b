import { sql } from "kysely";
import type { Db } from "@layers/db";

/** How often one Meta ad set's budget may change (Meta: 4 times per hour). */
export interface AdSetBudgetRule {
  changes: number;
  windowMs: number;
}

export type Reservation = { ok: true } | { ok: false; waitMs: number };

/**
 * `meta_adset_budget_changes` is this module's table: one row per budget change a Meta ad set
 * took or is about to take, keyed by the intent that makes it. A change is reserved *before* the
 * call, so a crash between the call and its record never under-counts (a reservation whose call
 * changed nothing only makes the ad set wait sooner). The same intent reserves once, however
 * often it is claimed. Rows older than the window are dropped as the ad set is next written.
 *
 * Only one write per campaign (and so per ad set) is being dispatched at a time (the per-entity
 * order); the advisory lock keeps the count exact even for a stale holder racing a takeover.
 */
export async function reserveBudgetChange(db: Db, adSetId: string, intentId: string, rule: AdSetBudgetRule): Promise<Reservation> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`meta_adset_budget:${adSetId}`}))`.execute(trx);
    await sql`delete from meta_adset_budget_changes where ad_set_id = ${adSetId} and changed_at <= now() - ${rule.windowMs}::int * interval '1 millisecond'`.execute(trx);
    const { rows } = await sql<{ intent_id: string; free_in_ms: number }>`
      select intent_id, greatest(0, extract(epoch from (changed_at + ${rule.windowMs}::int * interval '1 millisecond' - now())) * 1000)::float8 as free_in_ms
      from meta_adset_budget_changes where ad_set_id = ${adSetId} order by changed_at`.execute(trx);
    if (rows.some((r) => r.intent_id === intentId)) return { ok: true };
    if (rows.length < rule.changes) {
      await sql`insert into meta_adset_budget_changes (ad_set_id, intent_id) values (${adSetId}, ${intentId})`.execute(trx);
      return { ok: true };
    }
    // The change that frees a slot is the one `changes` places from the newest.
    const freeing = rows[rows.length - rule.changes];
    return { ok: false, waitMs: Math.max(1, Math.ceil(freeing?.free_in_ms ?? rule.windowMs)) };
  });
}

/**
 * Meta refused a budget change of the ad set although we counted room (it changed elsewhere, e.g.
 * in Ads Manager): Meta blocks it for a window from now. The window is filled with block rows
 * instead of the ad set's own rows (the refused write's reservation included: its change did not
 * happen), so every budget write to it waits that long.
 */
export async function blockBudgetChanges(db: Db, adSetId: string, rule: AdSetBudgetRule): Promise<void> {
  await sql`
    with gone as (delete from meta_adset_budget_changes where ad_set_id = ${adSetId} and intent_id not like 'blocked:%')
    insert into meta_adset_budget_changes (ad_set_id, intent_id)
    select ${adSetId}, 'blocked:' || g from generate_series(1, ${rule.changes}::int) g
    on conflict (ad_set_id, intent_id) do update set changed_at = now()`.execute(db);
}
