import type { Platform } from "@layers/contracts";
import type { Db } from "@layers/db";
import { sql } from "kysely";
import type { DateWindow } from "./window.ts";

/** One entity's delivery on one day, money in contract minor units (table `ad_metrics_daily`). */
export interface MetricRow {
  entityId: string;
  level: "campaign" | "adset" | "adgroup" | "ad" | "keyword";
  date: string;
  spendCents: number;
  impressions: number;
  clicks: number;
  conversions: number;
}

export interface LayerScope {
  layerId: string;
  projectId: string;
  platform: Platform;
}

const CHUNK = 1000;

/**
 * Replaces a layer's metrics for a window in one transaction: upserts every row read (so a
 * re-sync rewrites the same rows, never adds), then deletes the window's rows this sync did not
 * see (a platform omits days without delivery). The advisory lock keeps two syncs of one layer
 * from interleaving.
 */
export async function replaceLayerMetrics(db: Db, scope: LayerScope, window: DateWindow, rows: readonly MetricRow[]): Promise<{ upserted: number; removed: number }> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`optimizer-sync:${scope.layerId}`}))`.execute(trx);
    for (let i = 0; i < rows.length; i += CHUNK) {
      await trx
        .insertInto("ad_metrics_daily")
        .values(
          rows.slice(i, i + CHUNK).map((r) => ({
            entity_id: r.entityId,
            date: r.date,
            layer_id: scope.layerId,
            project_id: scope.projectId,
            platform: scope.platform,
            level: r.level,
            spend_cents: r.spendCents,
            impressions: r.impressions,
            clicks: r.clicks,
            conversions: r.conversions,
          })),
        )
        .onConflict((oc) =>
          oc.columns(["entity_id", "date"]).doUpdateSet((eb) => ({
            spend_cents: eb.ref("excluded.spend_cents"),
            impressions: eb.ref("excluded.impressions"),
            clicks: eb.ref("excluded.clicks"),
            conversions: eb.ref("excluded.conversions"),
            level: eb.ref("excluded.level"),
            synced_at: sql<Date>`now()`,
          })),
        )
        .execute();
    }
    // now() is the transaction's start: every row written above carries it, older rows do not.
    const removed = await trx
      .deleteFrom("ad_metrics_daily")
      .where("layer_id", "=", scope.layerId)
      .where("date", ">=", window.since)
      .where("date", "<=", window.until)
      .where("synced_at", "<", sql<Date>`now()`)
      .executeTakeFirst();
    return { upserted: rows.length, removed: Number(removed.numDeletedRows) };
  });
}

export interface MetricsQuery {
  layerId?: string;
  projectId?: string;
  platform?: Platform;
  level?: MetricRow["level"];
  entityId?: string;
  since?: string;
  until?: string;
  limit?: number;
}

/** Stored daily rows, oldest first per entity (at most `limit` when given). */
export async function readMetrics(db: Db, q: MetricsQuery): Promise<MetricRow[]> {
  let query = db
    .selectFrom("ad_metrics_daily")
    .select(["entity_id", "level", sql<string>`to_char(date, 'YYYY-MM-DD')`.as("day"), "spend_cents", "impressions", "clicks", "conversions"]);
  if (q.layerId !== undefined) query = query.where("layer_id", "=", q.layerId);
  if (q.projectId !== undefined) query = query.where("project_id", "=", q.projectId);
  if (q.platform !== undefined) query = query.where("platform", "=", q.platform);
  if (q.level !== undefined) query = query.where("level", "=", q.level);
  if (q.entityId !== undefined) query = query.where("entity_id", "=", q.entityId);
  if (q.since !== undefined) query = query.where("date", ">=", q.since);
  if (q.until !== undefined) query = query.where("date", "<=", q.until);
  let ordered = query.orderBy("entity_id").orderBy("date");
  if (q.limit !== undefined) ordered = ordered.limit(q.limit);
  const rows = await ordered.execute();
  return rows.map((r) => ({
    entityId: r.entity_id,
    level: r.level,
    date: r.day,
    spendCents: Number(r.spend_cents),
    impressions: Number(r.impressions),
    clicks: Number(r.clicks),
    conversions: Number(r.conversions),
  }));
}

/**
 * Claims schedule tick `tick` for a layer's metrics sync: true for exactly one caller per
 * (layer, tick), whichever optimizer instance asks first; false for a tick already claimed (or an
 * older one).
 */
export async function claimSyncTick(db: Db, layerId: string, tick: number): Promise<boolean> {
  const claimed = await db
    .insertInto("ad_metrics_sync_ticks")
    .values({ layer_id: layerId, tick })
    .onConflict((oc) => oc.column("layer_id").doUpdateSet({ tick, claimed_at: sql<Date>`now()` }).where("ad_metrics_sync_ticks.tick", "<", tick))
    .returning("layer_id")
    .executeTakeFirst();
  return claimed !== undefined;
}
