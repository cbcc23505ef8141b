import { sql } from "kysely";
import type { AdEntityBody, ChildKind, Platform } from "@layers/contracts";
import type { Db } from "@layers/db";
import type { Cursor } from "../domain/cursor.ts";

function entitiesWithLayer(db: Db) {
  return db
    .selectFrom("ad_entities as e")
    .innerJoin("layers as l", "l.id", "e.layer_id")
    // The account's status rides along: writes to an account that is not connected are refused (409) without another lookup.
    .innerJoin("ad_accounts as a", "a.id", "e.ad_account_id")
    .selectAll("e")
    .select(["l.currency as layer_currency", "a.status as account_status", sql<string>`e.created_at::text`.as("cursor_at")]);
}
export type AdEntityWithLayer = Awaited<ReturnType<ReturnType<typeof entitiesWithLayer>["executeTakeFirstOrThrow"]>>;

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

export function rowToAdEntity(r: AdEntityWithLayer): AdEntityBody {
  const attributes = r.attributes ?? {};
  return {
    id: r.id,
    kind: r.kind,
    platform: r.platform as Platform,
    projectId: r.project_id,
    layerId: r.layer_id,
    adAccountId: r.ad_account_id,
    campaignId: r.campaign_id,
    parentId: r.parent_id,
    platformId: r.platform_entity_id,
    name: r.name,
    status: r.status,
    dailyBudgetCents: r.daily_budget_cents,
    lifetimeBudgetCents: r.lifetime_budget_cents,
    bidCents: r.bid_cents,
    bidStrategy: r.bid_strategy,
    startTime: iso(r.start_time),
    endTime: iso(r.end_time),
    targeting: (r.targeting as Record<string, unknown> | null) ?? null,
    creative: (r.creative as Record<string, unknown> | null) ?? null,
    matchType: attributes.matchType === "BROAD" || attributes.matchType === "EXACT" ? attributes.matchType : null,
    currency: r.layer_currency,
    origin: r.origin,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** One entity of a project's platform, at the given level; undefined when there is none. */
export async function findEntity(db: Db, projectId: string, platform: Platform, kind: ChildKind, id: string): Promise<AdEntityWithLayer | undefined> {
  return entitiesWithLayer(db)
    .where("e.id", "=", id)
    .where("e.project_id", "=", projectId)
    .where("e.platform", "=", platform)
    .where("e.kind", "=", kind)
    .executeTakeFirst();
}

export interface EntityListQuery {
  kind: ChildKind;
  /** The campaign (second level) or the ad set / ad group (third level) whose children to list. */
  parent: { campaignId: string } | { parentId: string };
  limit: number;
  cursor: Cursor | null;
}

/** Newest first, one page (+1 row to tell whether there is a next page). */
export async function listEntities(db: Db, q: EntityListQuery): Promise<AdEntityWithLayer[]> {
  let query = entitiesWithLayer(db).where("e.kind", "=", q.kind);
  query = "campaignId" in q.parent ? query.where("e.campaign_id", "=", q.parent.campaignId).where("e.parent_id", "is", null) : query.where("e.parent_id", "=", q.parent.parentId);
  if (q.cursor) query = query.where(sql<boolean>`(e.created_at, e.id) < (${q.cursor.at}::timestamptz, ${q.cursor.id})`);
  return query.orderBy("e.created_at", "desc").orderBy("e.id", "desc").limit(q.limit + 1).execute();
}
