import { sql, type Transaction } from "kysely";
import { connectPlatformOf, newId, type AdAccountView, type AdAccountStatus, type Platform } from "@layers/contracts";
import { insertLayers, type AdAccountRow, type Database, type Db, type LayerRow, type OauthStateRow } from "@layers/db";

/** The connect flow's tables: return URL allowlist, one-time states, and ad accounts as the flow writes them. */

export async function listReturnUrls(db: Db, organizationId: string): Promise<string[]> {
  const rows = await db.selectFrom("oauth_return_urls").select("prefix").where("organization_id", "=", organizationId).orderBy("prefix").execute();
  return rows.map((r) => r.prefix);
}

/** Replaces the org's allowlist in one transaction (a PUT). */
export async function replaceReturnUrls(db: Db, organizationId: string, prefixes: readonly string[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("oauth_return_urls").where("organization_id", "=", organizationId).execute();
    if (prefixes.length > 0) await trx.insertInto("oauth_return_urls").values(prefixes.map((prefix) => ({ organization_id: organizationId, prefix }))).execute();
  });
}

export interface NewState {
  id: string;
  organizationId: string;
  projectId: string;
  platform: Platform;
  returnUrl: string;
  adAccountId: string | null;
  pkceVerifierEnc: string | null;
  requestedBy: string;
  expiresAt: Date;
}

export async function insertState(db: Db, s: NewState): Promise<void> {
  await db
    .insertInto("oauth_states")
    .values({
      id: s.id,
      organization_id: s.organizationId,
      project_id: s.projectId,
      platform: s.platform,
      return_url: s.returnUrl,
      ad_account_id: s.adAccountId,
      pkce_verifier_enc: s.pkceVerifierEnc,
      requested_by: s.requestedBy,
      expires_at: s.expiresAt,
    })
    .execute();
}

/** A state that is still usable (unused, unexpired), without using it (the Apple page shows it first). */
export async function peekState(db: Db, id: string, platform: Platform): Promise<OauthStateRow | undefined> {
  return db
    .selectFrom("oauth_states")
    .selectAll()
    .where("id", "=", id)
    .where("platform", "=", platform)
    .where("used_at", "is", null)
    .where("expires_at", ">", sql<Date>`now()`)
    .executeTakeFirst();
}

/**
 * Uses a state, once: the single conditional update makes two callbacks racing with one state
 * end with exactly one winner. Expired or already used → undefined.
 */
export async function consumeState(db: Db, id: string, platform: Platform): Promise<OauthStateRow | undefined> {
  return db
    .updateTable("oauth_states")
    .set({ used_at: sql<Date>`now()` })
    .where("id", "=", id)
    .where("platform", "=", platform)
    .where("used_at", "is", null)
    .where("expires_at", ">", sql<Date>`now()`)
    .returningAll()
    .executeTakeFirst();
}

/** Stores the Apple page's key pair on its state the first time the page is shown (a reload shows the same key). */
export async function setAppleKeyOnce(db: Db, id: string, sealedPrivateKey: string): Promise<string> {
  await db.updateTable("oauth_states").set({ apple_private_key_enc: sealedPrivateKey }).where("id", "=", id).where("apple_private_key_enc", "is", null).execute();
  const row = await db.selectFrom("oauth_states").select("apple_private_key_enc").where("id", "=", id).executeTakeFirstOrThrow();
  return row.apple_private_key_enc!;
}

/** States past their expiry are useless; removed lazily when new ones are made. */
export async function pruneStates(db: Db): Promise<void> {
  await db.deleteFrom("oauth_states").where("expires_at", "<", sql<Date>`now() - interval '1 day'`).execute();
}

export function rowToAdAccount(r: AdAccountRow): AdAccountView {
  return {
    id: r.id,
    platform: connectPlatformOf(r.platform as Platform),
    platformAccountId: r.platform_account_id,
    name: r.name,
    currency: r.currency,
    status: r.status as AdAccountStatus,
    connectedAt: r.connected_at.toISOString(),
    ...(r.token_expires_at && r.status !== "disconnected" ? { tokenExpiresAt: r.token_expires_at.toISOString() } : {}),
    layerId: r.layer_id,
  };
}

export async function listProjectAdAccounts(db: Db, projectId: string): Promise<AdAccountRow[]> {
  return db.selectFrom("ad_accounts").selectAll().where("project_id", "=", projectId).orderBy("connected_at", "desc").orderBy("id", "desc").execute();
}

export async function findProjectAdAccount(db: Db, projectId: string, id: string): Promise<AdAccountRow | undefined> {
  return db.selectFrom("ad_accounts").selectAll().where("project_id", "=", projectId).where("id", "=", id).executeTakeFirst();
}

/** The project's layer for a platform, made with SPEC §3's conservative defaults when it has none. */
export async function ensureLayer(trx: Transaction<Database>, projectId: string, platform: Platform): Promise<LayerRow> {
  await insertLayers(trx, projectId, [platform]);
  return trx.selectFrom("layers").selectAll().where("project_id", "=", projectId).where("platform", "=", platform).executeTakeFirstOrThrow();
}

export interface ConnectedAccountInput {
  platformAccountId: string;
  name: string | null;
  currency: string;
}

/**
 * Stores (or reconnects) one account of a grant: a new row, or the existing row of the same
 * platform account on this layer made `connected` again with the new sealed token. `connected_at`
 * moves on reconnect: it names the connection (the token-expired event id derives from it).
 */
export async function upsertConnectedAccount(
  trx: Transaction<Database>,
  a: { projectId: string; layerId: string; platform: Platform; grantId: string; sealedToken: string; credentialsEnc: string | null; tokenExpiresAt: Date | null; account: ConnectedAccountInput },
): Promise<{ row: AdAccountRow; reconnected: boolean }> {
  const prior = await trx
    .selectFrom("ad_accounts")
    .select("id")
    .where("layer_id", "=", a.layerId)
    .where("platform_account_id", "=", a.account.platformAccountId)
    .forUpdate()
    .executeTakeFirst();
  const row = await trx
    .insertInto("ad_accounts")
    .values({
      id: prior?.id ?? newId("adAccount"),
      project_id: a.projectId,
      layer_id: a.layerId,
      platform: a.platform,
      platform_account_id: a.account.platformAccountId,
      name: a.account.name,
      currency: a.account.currency,
      access_token_enc: a.sealedToken,
      credentials_enc: a.credentialsEnc,
      token_expires_at: a.tokenExpiresAt,
      grant_id: a.grantId,
      status: "connected",
    })
    .onConflict((oc) =>
      oc.columns(["layer_id", "platform_account_id"]).doUpdateSet({
        name: (eb) => eb.ref("excluded.name"),
        access_token_enc: (eb) => eb.ref("excluded.access_token_enc"),
        credentials_enc: (eb) => eb.ref("excluded.credentials_enc"),
        token_expires_at: (eb) => eb.ref("excluded.token_expires_at"),
        grant_id: (eb) => eb.ref("excluded.grant_id"),
        status: "connected",
        connected_at: sql<Date>`now()`,
        disconnected_at: null,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  return { row, reconnected: prior !== undefined };
}

/**
 * Disconnects: token and credentials wiped (the column keeps an empty string, never a token).
 * Answers the row as it was (to revoke its token) and whether another connected account still
 * shares its grant (then the platform token must stay valid).
 */
export async function disconnectAccount(trx: Transaction<Database>, id: string): Promise<{ before: AdAccountRow; grantStillUsed: boolean } | undefined> {
  const before = await trx.selectFrom("ad_accounts").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
  if (!before || before.status === "disconnected") return before ? { before, grantStillUsed: true } : undefined;
  await trx
    .updateTable("ad_accounts")
    .set({ status: "disconnected", access_token_enc: "", credentials_enc: null, token_expires_at: null, disconnected_at: sql<Date>`now()` })
    .where("id", "=", id)
    .execute();
  const others =
    before.grant_id === null
      ? undefined
      : await trx.selectFrom("ad_accounts").select("id").where("grant_id", "=", before.grant_id).where("id", "!=", id).where("status", "=", "connected").executeTakeFirst();
  return { before, grantStillUsed: others !== undefined };
}

/** The status of the account a campaign lives on (an approval's re-run would write to it). */
export async function campaignAccountStatus(db: Db, campaignId: string): Promise<string | undefined> {
  const r = await db
    .selectFrom("campaigns as c")
    .innerJoin("ad_accounts as a", "a.id", "c.ad_account_id")
    .select("a.status")
    .where("c.id", "=", campaignId)
    .executeTakeFirst();
  return r?.status;
}
