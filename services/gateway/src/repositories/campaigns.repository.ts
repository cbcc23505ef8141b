import { sql } from "kysely";
import type { AuthorityBlock, CampaignBody, Platform } from "@layers/contracts";
import { jsonObjectFrom } from "kysely/helpers/postgres";
import type { Db, ProjectRow } from "@layers/db";
import type { Cursor } from "../domain/cursor.ts";

function campaignsWithLayer(db: Db) {
  return db
    .selectFrom("campaigns as c")
    .innerJoin("layers as l", "l.id", "c.layer_id")
    // The account's status rides along: writes to an account that is not connected are refused (409) without another lookup.
    .innerJoin("ad_accounts as a", "a.id", "c.ad_account_id")
    .selectAll("c")
    .select(["l.defaults as layer_defaults", "l.currency as layer_currency", "a.status as account_status", sql<string>`c.created_at::text`.as("cursor_at")]);
}
type CampaignWithLayer = Awaited<ReturnType<ReturnType<typeof campaignsWithLayer>["executeTakeFirstOrThrow"]>>;

/** A campaign without its own authority block is governed by its layer's defaults. */
export function effectiveAuthority(r: { authority: unknown; layer_defaults: unknown }): { authority: AuthorityBlock; source: "campaign" | "defaults" } {
  return r.authority
    ? { authority: r.authority as AuthorityBlock, source: "campaign" }
    : { authority: r.layer_defaults as AuthorityBlock, source: "defaults" };
}

export function rowToCampaign(r: CampaignWithLayer): CampaignBody {
  const { authority, source } = effectiveAuthority(r);
  return {
    id: r.id,
    projectId: r.project_id,
    layerId: r.layer_id,
    platform: r.platform as Platform,
    adAccountId: r.ad_account_id,
    platformCampaignId: r.platform_campaign_id,
    name: r.name,
    outcome: r.outcome,
    objective: r.objective,
    status: r.status,
    dailyBudgetCents: r.daily_budget_cents,
    lifetimeBudgetCents: r.lifetime_budget_cents,
    bidStrategy: r.bid_strategy,
    startTime: r.start_time ? new Date(r.start_time).toISOString() : null,
    endTime: r.end_time ? new Date(r.end_time).toISOString() : null,
    targeting: (r.targeting as Record<string, unknown> | null) ?? null,
    attributes: r.attributes ?? {},
    currency: r.layer_currency,
    origin: r.origin,
    authority,
    authoritySource: source,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

export async function findCampaign(db: Db, projectId: string, platform: Platform, id: string): Promise<CampaignWithLayer | undefined> {
  return campaignsWithLayer(db).where("c.id", "=", id).where("c.project_id", "=", projectId).where("c.platform", "=", platform).executeTakeFirst();
}

/**
 * A project and, in the same round trip, one of its campaigns with its layer (null when `campaignId`
 * is null or names no campaign of that project and platform): the write routes' two lookups as one.
 * Visibility checks stay with the caller (see `projectAndCampaignFor`).
 */
export async function findProjectWithCampaign(
  db: Db,
  projectId: string,
  platform: string,
  campaignId: string | null,
): Promise<{ project: ProjectRow; campaign: CampaignWithLayer | null } | undefined> {
  const row = await db
    .selectFrom("projects as p")
    .selectAll("p")
    .select(
      jsonObjectFrom(
        // findCampaign's select list (same shape), correlated to the project row.
        campaignsWithLayer(db)
          .where("c.project_id", "=", sql<string>`p.id`)
          .where("c.id", "=", campaignId)
          .where("c.platform", "=", platform),
      ).as("campaign_json"),
    )
    .where("p.id", "=", projectId)
    .executeTakeFirst();
  if (!row) return undefined;
  const { campaign_json, ...project } = row;
  // JSON carries timestamps as text; the row types (and their callers' toISOString()) want Dates.
  const campaign = campaign_json
    ? ({ ...campaign_json, created_at: new Date(campaign_json.created_at), updated_at: new Date(campaign_json.updated_at) } as unknown as CampaignWithLayer)
    : null;
  return { project: project as ProjectRow, campaign };
}

export interface CampaignListQuery {
  projectId: string;
  platform: Platform | null;
  limit: number;
  cursor: Cursor | null;
}

/** Newest first; includes campaigns made outside Layers (origin `platform`) once synced. */
export async function listCampaigns(db: Db, q: CampaignListQuery): Promise<CampaignWithLayer[]> {
  let query = campaignsWithLayer(db).where("c.project_id", "=", q.projectId);
  if (q.platform) query = query.where("c.platform", "=", q.platform);
  if (q.cursor) query = query.where(sql<boolean>`(c.created_at, c.id) < (${q.cursor.at}::timestamptz, ${q.cursor.id})`);
  return query.orderBy("c.created_at", "desc").orderBy("c.id", "desc").limit(q.limit + 1).execute();
}
