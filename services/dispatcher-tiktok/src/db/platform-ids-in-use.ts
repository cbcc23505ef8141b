import type { Db } from "@layers/db";
import type { TikTokLevel } from "../plan-tiktok-write.ts";

/**
 * Of `platformIds` (TikTok ids at `level` in the ad account), those a Layers row other than
 * `exceptEntityId` already holds. Reconcile-by-name uses it so a create never adopts an object
 * that another Layers entity (or a synced one) owns.
 */
export async function platformIdsInUse(db: Db, adAccountId: string, level: TikTokLevel, platformIds: readonly string[], exceptEntityId: string): Promise<Set<string>> {
  if (platformIds.length === 0) return new Set();
  const ids = [...platformIds];
  const rows =
    level === "campaign"
      ? await db
          .selectFrom("campaigns")
          .select("platform_campaign_id as pid")
          .where("ad_account_id", "=", adAccountId)
          .where("platform_campaign_id", "in", ids)
          .where("id", "<>", exceptEntityId)
          .execute()
      : await db
          .selectFrom("ad_entities")
          .select("platform_entity_id as pid")
          .where("ad_account_id", "=", adAccountId)
          .where("kind", "=", level)
          .where("platform_entity_id", "in", ids)
          .where("id", "<>", exceptEntityId)
          .execute();
  return new Set(rows.flatMap((r) => (r.pid === null ? [] : [r.pid])));
}
