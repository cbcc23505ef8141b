import { sql } from "kysely";
import { ID_KIND_OF_ENTITY, newId, type ChildKind, type Platform } from "@layers/contracts";
import type { Db } from "@layers/db";
import type { AdAccountTarget } from "./targets.repository.ts";

/**
 * An ad set / ad group, ad or keyword as the platform holds it, in Layers terms (money in minor
 * units, Layers status words). Level 2 names no parent; level 3 names its level-2 parent's platform id.
 */
export interface SyncedChild {
  kind: ChildKind;
  platformId: string;
  parentPlatformId: string | null;
  /** The Layers id the platform's marker names, when Layers made it and the platform keeps markers. */
  markerId?: string | undefined;
  name: string;
  status: string;
  dailyBudgetCents: number | null;
  lifetimeBudgetCents: number | null;
  bidCents: number | null;
  /** Keywords only. */
  matchType?: "BROAD" | "EXACT" | undefined;
}

export interface SyncedCampaignRef {
  campaignId: string;
  account: AdAccountTarget;
}

/**
 * Upserts one campaign's levels below it in one transaction, parents first. Known rows (by platform
 * id, or by marker when a create's record was lost) are refreshed; unknown ones become
 * `origin: 'platform'` rows. Nothing changes while a write to the campaign's tree is in flight: that
 * write's result, not this snapshot, decides the rows. Returns rows touched.
 */
export async function upsertSyncedChildren(db: Db, platform: Platform, ref: SyncedCampaignRef, children: readonly SyncedChild[]): Promise<number> {
  return db.transaction().execute(async (trx) => {
    // Locks the campaign row, so a concurrent sync of the same campaign waits instead of inserting twice.
    const campaign = await trx.selectFrom("campaigns").select(["id", "project_id", "layer_id"]).where("id", "=", ref.campaignId).forUpdate().executeTakeFirst();
    if (!campaign) return 0;
    const inFlight = await trx
      .selectFrom("write_intents")
      .select("id")
      .where("entity_key", "=", `campaign:${ref.campaignId}`)
      .where("state", "in", ["accepted", "allowed", "dispatching"])
      .executeTakeFirst();
    if (inFlight) return 0;

    const now = new Date();
    const layersIdOf = new Map<string, string>();
    let touched = 0;
    const ordered = [...children].sort((a, b) => Number(a.parentPlatformId !== null) - Number(b.parentPlatformId !== null));
    for (const c of ordered) {
      const parentId = c.parentPlatformId === null ? null : (layersIdOf.get(c.parentPlatformId) ?? null);
      // A level-3 entity whose parent the platform did not list (or we could not place) waits for the next sync.
      if (c.parentPlatformId !== null && parentId === null) continue;
      const fields = {
        name: c.name,
        status: c.status,
        daily_budget_cents: c.dailyBudgetCents,
        lifetime_budget_cents: c.lifetimeBudgetCents,
        bid_cents: c.bidCents,
        updated_at: now,
      };
      const existing = await trx
        .selectFrom("ad_entities")
        .select(["id"])
        .where("ad_account_id", "=", ref.account.id)
        .where("kind", "=", c.kind)
        .where((eb) => (c.markerId ? eb.or([eb("platform_entity_id", "=", c.platformId), eb("id", "=", c.markerId)]) : eb("platform_entity_id", "=", c.platformId)))
        .orderBy(sql`platform_entity_id is null`)
        .executeTakeFirst();
      if (existing) {
        await trx.updateTable("ad_entities").set({ ...fields, platform_entity_id: c.platformId }).where("id", "=", existing.id).execute();
        layersIdOf.set(c.platformId, existing.id);
        touched++;
        continue;
      }
      const id = newId(ID_KIND_OF_ENTITY[c.kind]);
      await trx
        .insertInto("ad_entities")
        .values({
          id,
          kind: c.kind,
          project_id: campaign.project_id,
          layer_id: campaign.layer_id,
          ad_account_id: ref.account.id,
          platform,
          campaign_id: campaign.id,
          parent_id: parentId,
          platform_entity_id: c.platformId,
          attributes: JSON.stringify(c.matchType ? { matchType: c.matchType } : {}),
          origin: "platform",
          created_at: now,
          ...fields,
        })
        .execute();
      layersIdOf.set(c.platformId, id);
      touched++;
    }
    return touched;
  });
}
