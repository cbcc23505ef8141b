import { creativeIdOf, creativeSpecSchema, type CreativeSpec, type Platform } from "@layers/contracts";
import type { Db } from "@layers/db";
import { sql } from "kysely";
import type { DateWindow } from "./window.ts";

export type CreativeOverride = "include" | "exclude";

/** One distinct creative of a project's ads, with the ads showing it, their delivery in a window and the customer's override. */
export interface PoolRow {
  id: string;
  platform: Platform;
  spec: CreativeSpec;
  adIds: string[];
  impressions: number;
  clicks: number;
  override: CreativeOverride | null;
}

/**
 * The creative pool of a project (one platform, or all): every ad Layers knows, made outside
 * Layers included, grouped by creative (`creativeIdOf`). An ad whose creative is not readable
 * content is left out: Layers could not push it again. The optimizer scores these rows; the
 * gateway's content API lists them.
 */
export async function poolRows(db: Db, projectId: string, platform: Platform | undefined, window: DateWindow): Promise<PoolRow[]> {
  let q = db.selectFrom("ad_entities").select(["id", "platform", "creative"]).where("project_id", "=", projectId).where("kind", "=", "ad").where("creative", "is not", null);
  if (platform !== undefined) q = q.where("platform", "=", platform);
  const ads = await q.orderBy("id").execute();
  const metrics = await db
    .selectFrom("ad_metrics_daily")
    .select(["entity_id", sql<number>`sum(impressions)::bigint`.as("impressions"), sql<number>`sum(clicks)::bigint`.as("clicks")])
    .where("project_id", "=", projectId)
    .where("level", "=", "ad")
    .where("date", ">=", window.since)
    .where("date", "<=", window.until)
    .groupBy("entity_id")
    .execute();
  const byAd = new Map(metrics.map((m) => [m.entity_id, m]));
  const overrides = await readOverrides(db, projectId);
  const out = new Map<string, PoolRow>();
  for (const ad of ads) {
    const spec = creativeSpecSchema.safeParse(ad.creative);
    if (!spec.success) continue;
    const id = creativeIdOf(ad.creative);
    const row = out.get(id) ?? { id, platform: ad.platform as Platform, spec: spec.data, adIds: [], impressions: 0, clicks: 0, override: overrides.get(id) ?? null };
    row.adIds.push(ad.id);
    const m = byAd.get(ad.id);
    row.impressions += Number(m?.impressions ?? 0);
    row.clicks += Number(m?.clicks ?? 0);
    out.set(id, row);
  }
  return [...out.values()];
}

/** Table `creative_overrides`: the customer's say over the pool, by creative id. */
export async function readOverrides(db: Db, projectId: string): Promise<Map<string, CreativeOverride>> {
  const rows = await db.selectFrom("creative_overrides").select(["creative_id", "override"]).where("project_id", "=", projectId).execute();
  return new Map(rows.map((o) => [o.creative_id, o.override]));
}

/** Sets (or, with null, clears) a creative's override. */
export async function setCreativeOverride(db: Db, projectId: string, creativeId: string, override: CreativeOverride | null): Promise<void> {
  if (override === null) {
    await db.deleteFrom("creative_overrides").where("project_id", "=", projectId).where("creative_id", "=", creativeId).execute();
    return;
  }
  await db
    .insertInto("creative_overrides")
    .values({ project_id: projectId, creative_id: creativeId, override })
    .onConflict((oc) => oc.columns(["project_id", "creative_id"]).doUpdateSet({ override, updated_at: sql<Date>`now()` }))
    .execute();
}
