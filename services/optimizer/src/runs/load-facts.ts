import { creativeSpecSchema, type Platform } from "@layers/contracts";
import type { Db } from "@layers/db";
import { sql } from "kysely";
import { readMetrics } from "../db/metrics-repository.ts";
import type { ReportWindow } from "../reports/report-row.ts";
import type { DayMetrics, EntityFacts, LayerFacts, PoolCreative } from "../rules/facts.ts";
import type { EntityBlock } from "../rules/rails.ts";
import { creativeIdOf } from "./creative-id.ts";

export interface LayerState {
  facts: LayerFacts;
  blocked: EntityBlock[];
  alreadyQueued: Set<string>;
}

export interface LoadFactsOptions {
  cooldownHours: number;
  /** Impressions a creative needs over the window before it gets a score. */
  minScoreImpressions: number;
}

/** Entities Layers no longer acts on (or that are not on the platform yet). */
const INACTIVE = ["deleted", "archived", "denied", "failed", "creating", "pending_approval"];

/**
 * Reads everything the rules and rails need for one layer: its entities with their synced days,
 * the project's creative pool with scores and overrides, and which entities are blocked (a
 * landed write or decided proposal within the cooldown, an open write or pending action, an
 * excluded creative). Cooldowns count Layers' own changes only, never platform-side times.
 */
export async function loadLayerState(db: Db, layerId: string, window: ReportWindow, o: LoadFactsOptions): Promise<LayerState> {
  const layer = await db.selectFrom("layers").select(["id", "project_id", "platform", "currency", "max_daily_budget_cents"]).where("id", "=", layerId).executeTakeFirstOrThrow();
  const campaigns = await db.selectFrom("campaigns").select(["id", "name", "status", "daily_budget_cents"]).where("layer_id", "=", layerId).where("status", "not in", INACTIVE).execute();
  const children = await db
    .selectFrom("ad_entities")
    .select(["id", "kind", "name", "status", "campaign_id", "daily_budget_cents", "creative"])
    .where("layer_id", "=", layerId)
    .where("status", "not in", INACTIVE)
    .execute();
  const metrics = await readMetrics(db, { layerId, since: window.since, until: window.until });
  const daysOf = new Map<string, DayMetrics[]>();
  for (const m of metrics) {
    const list = daysOf.get(m.entityId) ?? [];
    list.push({ date: m.date, spendCents: m.spendCents, impressions: m.impressions, clicks: m.clicks, conversions: m.conversions });
    daysOf.set(m.entityId, list);
  }

  const entities: EntityFacts[] = [
    ...campaigns.map((c) => ({ id: c.id, level: "campaign" as const, name: c.name, campaignId: c.id, status: c.status, dailyBudgetCents: c.daily_budget_cents, days: daysOf.get(c.id) ?? [] })),
    ...children.map((e) => ({
      id: e.id,
      level: e.kind,
      name: e.name,
      campaignId: e.campaign_id,
      status: e.status,
      dailyBudgetCents: e.daily_budget_cents,
      ...(e.kind === "ad" && e.creative !== null ? { creativeId: creativeIdOf(e.creative) } : {}),
      days: daysOf.get(e.id) ?? [],
    })),
  ];

  const pool = await loadPool(db, layer.project_id, layer.platform, window, o.minScoreImpressions);
  const excluded = new Set(pool.filter((c) => c.override === "exclude").map((c) => c.id));
  const blocked: EntityBlock[] = entities.filter((e) => e.creativeId !== undefined && excluded.has(e.creativeId)).map((e) => ({ entityId: e.id, reason: "excluded_creative" as const }));

  // The target of a stored write: the entity it names, else its campaign.
  const target = sql<string>`coalesce(wi.payload->'params'->>'entityId', wi.payload->'params'->>'campaignId')`;
  const cooldown = await db
    .selectFrom("write_intents as wi")
    .select(target.as("entity_id"))
    .where("wi.layer_id", "=", layerId)
    .where("wi.state", "=", "dispatched")
    .where("wi.finished_at", ">", sql<Date>`now() - ${o.cooldownHours}::int * interval '1 hour'`)
    .union(
      db
        .selectFrom("optimizer_proposals")
        .select("entity_id")
        .where("layer_id", "=", layerId)
        .where("dry_run", "=", false)
        .where("decision", "is not", null)
        .where("created_at", ">", sql<Date>`now() - ${o.cooldownHours}::int * interval '1 hour'`),
    )
    .execute();
  for (const r of cooldown) if (r.entity_id !== null) blocked.push({ entityId: r.entity_id, reason: "cooldown" });

  // In flight (not decided or not landed yet), or waiting for a human in a pending action.
  const open = await db
    .selectFrom("write_intents as wi")
    .select(target.as("entity_id"))
    .where("wi.layer_id", "=", layerId)
    .where("wi.state", "in", ["accepted", "allowed", "dispatching"])
    .union(
      db
        .selectFrom("pending_actions as pa")
        .innerJoin("write_intents as wi", "wi.id", "pa.intent_id")
        .select(target.as("entity_id"))
        .where("pa.layer_id", "=", layerId)
        .where("pa.status", "in", ["pending", "approved"]),
    )
    .execute();
  for (const r of open) if (r.entity_id !== null) blocked.push({ entityId: r.entity_id, reason: "pending_action" });

  const queued = await db
    .selectFrom("optimizer_proposals as p")
    .innerJoin("pending_actions as pa", "pa.id", "p.pending_action_id")
    .select("p.proposal_key")
    .where("p.layer_id", "=", layerId)
    .where("pa.status", "in", ["pending", "approved"])
    .execute();

  return {
    facts: { platform: layer.platform, currency: layer.currency, window, maxDailyBudgetCents: layer.max_daily_budget_cents, entities, pool },
    blocked,
    alreadyQueued: new Set(queued.map((q) => q.proposal_key)),
  };
}

/** The project's creatives on this platform: every ad Layers knows, with a CTR score and the override. */
export async function loadPool(db: Db, projectId: string, platform: Platform, window: ReportWindow, minImpressions: number): Promise<PoolCreative[]> {
  const creatives = await poolRows(db, projectId, platform, window);
  return creatives.map((c) => ({ id: c.id, spec: c.spec, score: c.impressions >= minImpressions && c.impressions > 0 ? c.clicks / c.impressions : null, override: c.override }));
}

export interface PoolRow {
  id: string;
  spec: PoolCreative["spec"];
  adIds: string[];
  impressions: number;
  clicks: number;
  override: "include" | "exclude" | null;
}

/** One row per distinct creative of the project's ads on a platform (made outside Layers included). */
export async function poolRows(db: Db, projectId: string, platform: Platform | undefined, window: ReportWindow): Promise<PoolRow[]> {
  let q = db.selectFrom("ad_entities").select(["id", "creative"]).where("project_id", "=", projectId).where("kind", "=", "ad").where("creative", "is not", null);
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
  const overrides = new Map((await db.selectFrom("creative_overrides").select(["creative_id", "override"]).where("project_id", "=", projectId).execute()).map((o) => [o.creative_id, o.override]));
  const out = new Map<string, PoolRow>();
  for (const ad of ads) {
    const spec = creativeSpecSchema.safeParse(ad.creative);
    if (!spec.success) continue; // a platform creative Layers cannot re-push as content
    const id = creativeIdOf(ad.creative);
    const row = out.get(id) ?? { id, spec: spec.data, adIds: [], impressions: 0, clicks: 0, override: overrides.get(id) ?? null };
    row.adIds.push(ad.id);
    const m = byAd.get(ad.id);
    row.impressions += Number(m?.impressions ?? 0);
    row.clicks += Number(m?.clicks ?? 0);
    out.set(id, row);
  }
  return [...out.values()];
}
