import type { Kysely } from "kysely";
import type { AuthorityBlock } from "@layers/contracts";
import { json, type CampaignRow, type Database } from "@layers/db";
import type { CreateCampaignParams } from "../domain/intent-params.ts";
import type { CampaignFacts } from "../domain/pending-action-content.ts";

/** `lock`: an authority change is about to rewrite the campaign's block. */
export async function loadCampaign(db: Kysely<Database>, id: string, opts: { lock: boolean }): Promise<CampaignRow | undefined> {
  const q = db.selectFrom("campaigns").selectAll().where("id", "=", id);
  return (opts.lock ? q.forNoKeyUpdate() : q).executeTakeFirst();
}

export function rowToCampaignFacts(row: CampaignRow): CampaignFacts {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    platformCampaignId: row.platform_campaign_id,
    dailyBudgetCents: row.daily_budget_cents,
    lifetimeBudgetCents: row.lifetime_budget_cents,
  };
}

export async function adAccountInLayer(db: Kysely<Database>, id: string, layerId: string): Promise<boolean> {
  const row = await db.selectFrom("ad_accounts").select("id").where("id", "=", id).where("layer_id", "=", layerId).executeTakeFirst();
  return row !== undefined;
}

/** The Layers-side row of a campaign the gate let through (allowed: `creating`; queued: `pending_approval`). */
export async function insertCreatedCampaign(
  db: Kysely<Database>,
  c: { params: CreateCampaignParams; projectId: string; layerId: string; platform: string; status: string; at: Date },
): Promise<void> {
  await db
    .insertInto("campaigns")
    .values({
      id: c.params.campaignId,
      project_id: c.projectId,
      layer_id: c.layerId,
      ad_account_id: c.params.adAccountId,
      platform: c.platform,
      platform_campaign_id: null,
      name: c.params.name,
      outcome: c.params.outcome,
      objective: null,
      status: c.status,
      daily_budget_cents: c.params.dailyBudgetCents ?? null,
      lifetime_budget_cents: c.params.lifetimeBudgetCents ?? null,
      authority: json(c.params.authority),
      bid_strategy: c.params.bidStrategy ?? null,
      start_time: c.params.startTime ?? null,
      end_time: c.params.stopTime ?? null,
      attributes: json(platformAttributes(c.params)),
      origin: "layers",
      created_at: c.at,
      updated_at: c.at,
    })
    .execute();
}

export async function setCampaignStatus(db: Kysely<Database>, id: string, status: string, at: Date): Promise<void> {
  await db.updateTable("campaigns").set({ status, updated_at: at }).where("id", "=", id).execute();
}

export async function setCampaignAuthority(db: Kysely<Database>, id: string, authority: AuthorityBlock, at: Date): Promise<void> {
  await db.updateTable("campaigns").set({ authority: json(authority), updated_at: at }).where("id", "=", id).execute();
}

/** The platform-specific settings of a create that have no column of their own. */
function platformAttributes(p: CreateCampaignParams): Record<string, unknown> {
  const { specialAdCategories, specialIndustries, budgetOptimizeOn, adamId, countriesOrRegions, supplySources, billingEvent, adChannelType } = p;
  const all = { specialAdCategories, specialIndustries, budgetOptimizeOn, adamId, countriesOrRegions, supplySources, billingEvent, adChannelType };
  return Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));
}
