import type { Platform } from "@layers/contracts";
import type { AdAccountRow, Db } from "@layers/db";

export async function findAdAccount(db: Db, id: string): Promise<AdAccountRow | undefined> {
  return db.selectFrom("ad_accounts").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The accounts a campaign list asks the dispatchers to sync first. */
export async function listConnectedAccounts(db: Db, projectId: string, platform: Platform | null): Promise<Array<{ id: string; platform: Platform }>> {
  let q = db.selectFrom("ad_accounts").select(["id", "platform"]).where("project_id", "=", projectId).where("status", "=", "connected");
  if (platform) q = q.where("platform", "=", platform);
  const rows = await q.execute();
  return rows.map((r) => ({ id: r.id, platform: r.platform as Platform }));
}
