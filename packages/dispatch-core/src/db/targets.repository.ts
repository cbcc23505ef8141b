import type { EntityKind, Platform } from "@layers/contracts";
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

/** An entity a write acts on, with the platform ids of its campaign and parent and its account. */
export interface EntityTarget {
  kind: EntityKind;
  id: string;
  campaignId: string;
  /** The entity's own platform id; null until its create lands. */
  platformId: string | null;
  campaignPlatformId: string | null;
  /** The ad set / ad group of an ad or keyword. */
  parentId: string | null;
  parentPlatformId: string | null;
  name: string;
  status: string;
  dailyBudgetCents: number | null;
  lifetimeBudgetCents: number | null;
  bidCents: number | null;
  targeting: Record<string, unknown> | null;
  creative: Record<string, unknown> | null;
  attributes: Record<string, unknown>;
  account: AdAccountTarget;
}

/**
 * Loads a campaign or a child entity of the write's layer in one round trip. Throws
 * `PermanentError` (`entity_not_found`) when it does not exist in this layer, or when `kind` says
 * one level and the row is another.
 */
export async function loadEntityTarget(db: Db, p: AccountPlatform, ref: { kind: EntityKind; id: string }, layerId: string): Promise<EntityTarget> {
  const what = `${ref.kind} ${ref.id}`;
  if (ref.kind === "campaign") {
    const row = (await campaignRows(db, [ref.id]))[0];
    if (!row || row.entity_layer_id !== layerId) throw new PermanentError("campaign_not_found", `campaign ${ref.id} does not exist in this layer`);
    return campaignTargetOf(p, row, layerId);
  }
  const row = await db
    .selectFrom("ad_entities as e")
    .innerJoin("campaigns as c", "c.id", "e.campaign_id")
    .innerJoin("ad_accounts as a", "a.id", "e.ad_account_id")
    .leftJoin("ad_entities as par", "par.id", "e.parent_id")
    .select([
      "e.id", "e.kind", "e.layer_id as entity_layer_id", "e.campaign_id", "e.platform_entity_id", "e.parent_id", "e.name", "e.status",
      "e.daily_budget_cents", "e.lifetime_budget_cents", "e.bid_cents", "e.targeting", "e.creative", "e.attributes",
      "c.platform_campaign_id", "par.platform_entity_id as parent_platform_id", ...ACCOUNT_COLUMNS,
    ])
    .where("e.id", "=", ref.id)
    .executeTakeFirst();
  if (!row || row.entity_layer_id !== layerId || row.kind !== ref.kind) throw new PermanentError("entity_not_found", `${what} does not exist in this layer`);
  return {
    kind: row.kind,
    id: row.id,
    campaignId: row.campaign_id,
    platformId: row.platform_entity_id,
    campaignPlatformId: row.platform_campaign_id,
    parentId: row.parent_id,
    parentPlatformId: row.parent_platform_id,
    name: row.name,
    status: row.status,
    dailyBudgetCents: row.daily_budget_cents,
    lifetimeBudgetCents: row.lifetime_budget_cents,
    bidCents: row.bid_cents,
    targeting: (row.targeting as Record<string, unknown> | null) ?? null,
    creative: (row.creative as Record<string, unknown> | null) ?? null,
    attributes: row.attributes ?? {},
    account: toAccount(p, row, layerId, what),
  };
}

/** Campaign rows with their ad accounts, in one round trip for any number of ids (missing ids have no row). */
export async function campaignRows(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom("campaigns as c")
    .innerJoin("ad_accounts as a", "a.id", "c.ad_account_id")
    .select([
      "c.id", "c.layer_id as entity_layer_id", "c.platform_campaign_id", "c.name", "c.status", "c.daily_budget_cents",
      "c.lifetime_budget_cents", "c.targeting", "c.attributes", ...ACCOUNT_COLUMNS,
    ])
    .where("c.id", "in", ids)
    .execute();
}

export type CampaignRow = Awaited<ReturnType<typeof campaignRows>>[number];

/** A campaign row of the write's layer as the write's target; throws like `loadEntityTarget` when the account is not the platform's and layer's. */
export function campaignTargetOf(p: AccountPlatform, row: CampaignRow, layerId: string): EntityTarget {
  return {
    kind: "campaign",
    id: row.id,
    campaignId: row.id,
    platformId: row.platform_campaign_id,
    campaignPlatformId: row.platform_campaign_id,
    parentId: null,
    parentPlatformId: null,
    name: row.name,
    status: row.status,
    dailyBudgetCents: row.daily_budget_cents,
    lifetimeBudgetCents: row.lifetime_budget_cents,
    bidCents: null,
    targeting: (row.targeting as Record<string, unknown> | null) ?? null,
    creative: null,
    attributes: row.attributes ?? {},
    account: toAccount(p, row, layerId, `campaign ${row.id}`),
  };
}

/** The platform id an entity must already have before a write can act on it (or under it). */
export function requirePlatformId(id: string | null, what: string, label: string): string {
  if (!id) throw new PermanentError("entity_not_on_platform", `${what} was never created on ${label}`);
  return id;
}
