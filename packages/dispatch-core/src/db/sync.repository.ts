import { sql } from "kysely";
import { newId, type Platform } from "@layers/contracts";
import type { Db } from "@layers/db";
import type { AdAccountTarget } from "./targets.repository.ts";

/** A platform campaign in Layers terms, plus the Layers id its marker names (if Layers made it and the platform keeps markers). */
export interface SyncedCampaign {
  platformCampaignId: string;
  markerCampaignId: string | undefined;
  name: string;
  status: string;
  objective: string | null;
  dailyBudgetCents: number | null;
  lifetimeBudgetCents: number | null;
}

/** No unfinished write to the campaign: otherwise its result, not this snapshot, decides the row. */
const noWriteInFlight = sql<boolean>`not exists (
  select 1 from write_intents w
  where w.entity_key = 'campaign:' || campaigns.id and w.state in ('accepted', 'allowed', 'dispatching'))`;

/**
 * Upserts an account's platform campaigns in one transaction. Known rows (by platform id, or by our
 * marker when the create's record was lost) are refreshed unless a write to them is in flight;
 * unknown ones become `origin: 'platform'` rows with no authority block. Returns rows touched.
 */
export async function upsertSyncedCampaigns(db: Db, platform: Platform, account: AdAccountTarget, campaigns: readonly SyncedCampaign[]): Promise<number> {
  return db.transaction().execute(async (trx) => {
    let touched = 0;
    const now = new Date();
    for (const c of campaigns) {
      const fields = {
        name: c.name,
        status: c.status,
        objective: c.objective,
        daily_budget_cents: c.dailyBudgetCents,
        lifetime_budget_cents: c.lifetimeBudgetCents,
        updated_at: now,
      };
      const existing = await trx
        .selectFrom("campaigns")
        .select(["id", "platform_campaign_id"])
        .where("ad_account_id", "=", account.id)
        .where((eb) =>
          c.markerCampaignId
            ? eb.or([eb("platform_campaign_id", "=", c.platformCampaignId), eb("id", "=", c.markerCampaignId)])
            : eb("platform_campaign_id", "=", c.platformCampaignId),
        )
        .orderBy(sql`platform_campaign_id is null`)
        .executeTakeFirst();
      if (existing) {
        const r = await trx
          .updateTable("campaigns")
          .set({ ...fields, platform_campaign_id: c.platformCampaignId })
          .where("id", "=", existing.id)
          .where(noWriteInFlight)
          .executeTakeFirst();
        touched += Number(r.numUpdatedRows);
        continue;
      }
      const r = await trx
        .insertInto("campaigns")
        .values({
          id: newId("campaign"),
          project_id: account.projectId,
          layer_id: account.layerId,
          ad_account_id: account.id,
          platform,
          platform_campaign_id: c.platformCampaignId,
          outcome: null,
          authority: null,
          origin: "platform",
          created_at: now,
          ...fields,
        })
        .onConflict((oc) => oc.columns(["ad_account_id", "platform_campaign_id"]).doNothing())
        .executeTakeFirst();
      touched += Number(r.numInsertedOrUpdatedRows ?? 0n);
    }
    return touched;
  });
}
