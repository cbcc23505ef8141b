import { randomUUID } from "node:crypto";
import { NEW_LAYER_CEILING, NEW_LAYER_DEFAULTS, newId, newLayerId, type Platform } from "@layers/contracts";
import { json, type Db } from "@layers/db";
import { DEV_TOKEN_KEY, sealToken } from "@layers/runtime";

export interface TestTenant {
  organizationId: string;
  projectId: string;
  layerId: string;
  adAccountId: string;
  platform: Platform;
}

/** An organization, project, layer and connected ad account holding a sandbox account. */
export async function storeTenant(db: Db, platform: Platform, account: { platformAccountId: string; accessToken: string; currency: string }): Promise<TestTenant> {
  const organizationId = newId("organization");
  const projectId = randomUUID();
  const layerId = newLayerId();
  const adAccountId = newId("adAccount");
  await db.insertInto("organizations").values({ id: organizationId, name: "Partner" }).execute();
  await db.insertInto("projects").values({ id: projectId, organization_id: organizationId, name: "Customer" }).execute();
  await db.insertInto("layers").values({ id: layerId, project_id: projectId, platform, currency: account.currency, defaults: json(NEW_LAYER_DEFAULTS), ceiling: json(NEW_LAYER_CEILING), partner_writes_enabled: true }).execute();
  await db
    .insertInto("ad_accounts")
    .values({ id: adAccountId, project_id: projectId, layer_id: layerId, platform, platform_account_id: account.platformAccountId, name: null, currency: account.currency, access_token_enc: sealToken(account.accessToken, DEV_TOKEN_KEY) })
    .execute();
  return { organizationId, projectId, layerId, adAccountId, platform };
}

/** A campaign Layers knows (as a sync of the account would store it), with its platform id. */
export async function storeCampaign(db: Db, t: TestTenant, platformId: string, o: { name?: string; dailyBudgetCents?: number } = {}): Promise<string> {
  const id = newId("campaign");
  await db
    .insertInto("campaigns")
    .values({ id, project_id: t.projectId, layer_id: t.layerId, ad_account_id: t.adAccountId, platform: t.platform, platform_campaign_id: platformId, name: o.name ?? `Campaign ${platformId}`, status: "active", daily_budget_cents: o.dailyBudgetCents ?? null, origin: "platform" })
    .execute();
  return id;
}

/** An ad set / ad group, ad or keyword Layers knows, with its platform id. */
export async function storeChild(
  db: Db,
  t: TestTenant,
  kind: "adset" | "adgroup" | "ad" | "keyword",
  campaignId: string,
  parentId: string | null,
  platformId: string,
  o: { name?: string; dailyBudgetCents?: number; creative?: Record<string, unknown> } = {},
): Promise<string> {
  const id = newId(kind === "adset" ? "adSet" : kind === "adgroup" ? "adGroup" : kind === "ad" ? "ad" : "keyword");
  await db
    .insertInto("ad_entities")
    .values({
      id,
      kind,
      project_id: t.projectId,
      layer_id: t.layerId,
      ad_account_id: t.adAccountId,
      platform: t.platform,
      campaign_id: campaignId,
      parent_id: parentId,
      platform_entity_id: platformId,
      name: o.name ?? `${kind} ${platformId}`,
      status: "active",
      daily_budget_cents: o.dailyBudgetCents ?? null,
      creative: o.creative === undefined ? null : json(o.creative),
      origin: "platform",
    })
    .execute();
  return id;
}
