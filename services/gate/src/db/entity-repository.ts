import type { Kysely } from "kysely";
import type { CreateAdGroupParams, CreateAdParams, CreateKeywordParams } from "@layers/contracts";
import { json, type AdEntityRow, type Database } from "@layers/db";
import type { ChildCreate } from "../domain/intent-params.ts";

export async function loadEntity(db: Kysely<Database>, id: string): Promise<AdEntityRow | undefined> {
  return db.selectFrom("ad_entities").selectAll().where("id", "=", id).executeTakeFirst();
}

/**
 * The Layers-side row of an ad set / ad group / ad / keyword the gate let through (allowed:
 * `creating`; queued: `pending_approval`). It inherits project, layer and ad account from its campaign.
 */
export async function insertCreatedEntity(
  db: Kysely<Database>,
  e: { child: ChildCreate; campaign: { id: string; project_id: string; layer_id: string; ad_account_id: string; platform: string }; status: string; at: Date },
): Promise<void> {
  const p = e.child.params as Partial<CreateAdGroupParams & CreateAdParams & CreateKeywordParams>;
  await db
    .insertInto("ad_entities")
    .values({
      id: e.child.entityId,
      kind: e.child.kind,
      project_id: e.campaign.project_id,
      layer_id: e.campaign.layer_id,
      ad_account_id: e.campaign.ad_account_id,
      platform: e.campaign.platform,
      campaign_id: e.campaign.id,
      parent_id: e.child.parentId,
      platform_entity_id: null,
      name: e.child.name,
      status: e.status,
      daily_budget_cents: p.dailyBudgetCents ?? null,
      lifetime_budget_cents: p.lifetimeBudgetCents ?? null,
      bid_cents: p.bidCents ?? null,
      bid_strategy: p.bidStrategy ?? null,
      start_time: p.startTime ?? null,
      end_time: p.endTime ?? null,
      targeting: p.targeting ? json(p.targeting) : null,
      creative: p.creative ? json(p.creative) : null,
      attributes: json(p.matchType ? { matchType: p.matchType } : {}),
      origin: "layers",
      created_at: e.at,
      updated_at: e.at,
    })
    .execute();
}

export async function setEntityStatus(db: Kysely<Database>, id: string, status: string, at: Date): Promise<void> {
  await db.updateTable("ad_entities").set({ status, updated_at: at }).where("id", "=", id).execute();
}
