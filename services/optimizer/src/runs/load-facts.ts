import type { Platform } from "@layers/contracts";
import type { Db } from "@layers/db";
import { sql } from "kysely";
import { openlyQueuedProposalKeys, poolRows, readMetrics, recentlyDecidedEntities } from "@layers/optimizer-store";
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
  const landed = await db
    .selectFrom("write_intents as wi")
    .select(target.as("entity_id"))
    .where("wi.layer_id", "=", layerId)
    .where("wi.state", "=", "dispatched")
    .where("wi.finished_at", ">", sql<Date>`now() - ${o.cooldownHours}::int * interval '1 hour'`)
    .execute();
  const cooldown = [...landed, ...(await recentlyDecidedEntities(db, layerId, o.cooldownHours)).map((entity_id) => ({ entity_id }))];
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

  return {
    facts: { platform: layer.platform, currency: layer.currency, window, maxDailyBudgetCents: layer.max_daily_budget_cents, entities, pool },
    blocked,
    alreadyQueued: new Set(await openlyQueuedProposalKeys(db, layerId)),
  };
}

/** The project's creatives on this platform: every ad Layers knows, with a CTR score and the override. */
export async function loadPool(db: Db, projectId: string, platform: Platform, window: ReportWindow, minImpressions: number): Promise<PoolCreative[]> {
  const creatives = await poolRows(db, projectId, platform, window);
  return creatives.map((c) => ({ id: c.id, spec: c.spec, score: c.impressions >= minImpressions && c.impressions > 0 ? c.clicks / c.impressions : null, override: c.override }));
}
