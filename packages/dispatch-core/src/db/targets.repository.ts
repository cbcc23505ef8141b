import type { Platform } from "@layers/contracts";
import { PermanentError } from "@layers/runtime";
import type { Db } from "@layers/db";

/** Which platform's accounts a dispatcher may act on, and its name in messages ("Meta"). */
export interface AccountPlatform {
  platform: Platform;
  label: string;
}

export interface AdAccountTarget {
  id: string;
  projectId: string;
  layerId: string;
  platformAccountId: string;
  currency: string;
  status: string;
  connectedAt: Date;
  sealedToken: string;
}

const ACCOUNT_COLUMNS = [
  "a.id as account_id",
  "a.project_id",
  "a.layer_id",
  "a.platform",
  "a.platform_account_id",
  "a.currency",
  "a.status",
  "a.connected_at",
  "a.access_token_enc",
] as const;

interface AccountColumns {
  account_id: string;
  project_id: string;
  layer_id: string;
  platform: string;
  platform_account_id: string;
  currency: string;
  status: string;
  connected_at: Date;
  access_token_enc: string;
}

function toAccount(p: AccountPlatform, row: AccountColumns, layerId: string | undefined, what: string): AdAccountTarget {
  if (row.platform !== p.platform || (layerId !== undefined && row.layer_id !== layerId)) {
    throw new PermanentError("ad_account_not_found", `${what} is not on a ${p.label} ad account of this layer`);
  }
  return {
    id: row.account_id,
    projectId: row.project_id,
    layerId: row.layer_id,
    platformAccountId: row.platform_account_id,
    currency: row.currency,
    status: row.status,
    connectedAt: row.connected_at,
    sealedToken: row.access_token_enc,
  };
}

/** The platform's ad account a write acts on; it must belong to the write's layer when one is given. */
export async function loadAdAccount(db: Db, p: AccountPlatform, adAccountId: string, layerId?: string): Promise<AdAccountTarget> {
  const row = await db.selectFrom("ad_accounts as a").select(ACCOUNT_COLUMNS).where("a.id", "=", adAccountId).executeTakeFirst();
  if (!row) throw new PermanentError("ad_account_not_found", `ad account ${adAccountId} does not exist`);
  return toAccount(p, row, layerId, `ad account ${adAccountId}`);
}

/** A campaign with its ad account, in one round trip. `platformCampaignId` is null until its create lands. */
export async function loadCampaignTarget(db: Db, p: AccountPlatform, campaignId: string, layerId: string): Promise<{ platformCampaignId: string | null; account: AdAccountTarget }> {
  const row = await db
    .selectFrom("campaigns as c")
    .innerJoin("ad_accounts as a", "a.id", "c.ad_account_id")
    .select(["c.platform_campaign_id", "c.layer_id as campaign_layer_id", ...ACCOUNT_COLUMNS])
    .where("c.id", "=", campaignId)
    .executeTakeFirst();
  if (!row || row.campaign_layer_id !== layerId) throw new PermanentError("campaign_not_found", `campaign ${campaignId} does not exist in this layer`);
  return { platformCampaignId: row.platform_campaign_id, account: toAccount(p, row, layerId, `campaign ${campaignId}`) };
}

/** Marks the account `token_expired` (until the customer reconnects it); a no-op if it already is. */
export async function markTokenExpired(db: Db, adAccountId: string): Promise<void> {
  await db.updateTable("ad_accounts").set({ status: "token_expired" }).where("id", "=", adAccountId).where("status", "=", "connected").execute();
}
