import { isGrantableScope, newId, rateTierSchema } from "@layers/contracts";
import type { Db } from "@layers/db";
import { hashApiKey, mintApiKeySecret } from "@layers/runtime";

export async function createOrganization(db: Db, name: string): Promise<{ orgId: string }> {
  const orgId = newId("organization");
  await db.insertInto("organizations").values({ id: orgId, name, parent_id: null }).execute();
  return { orgId };
}

export interface MintedKey {
  apiKeyId: string;
  /** Shown once; only its sha256 is stored. */
  secret: string;
  scopes: string[];
  rateTier: string;
}

export async function mintApiKey(db: Db, opts: { orgId: string; scopes: string[]; name?: string; tier?: string }): Promise<MintedKey> {
  const bad = opts.scopes.filter((s) => !isGrantableScope(s));
  const tier = rateTierSchema.safeParse(opts.tier ?? "standard");
  if (!tier.success) throw new UsageError(`unknown rate tier ${opts.tier}; one of ${rateTierSchema.options.join(", ")}`);
  if (bad.length) throw new UsageError(`unknown scope(s): ${bad.join(", ")}`);
  if (opts.scopes.length === 0) throw new UsageError("at least one scope is required");
  const org = await db.selectFrom("organizations").select("id").where("id", "=", opts.orgId).executeTakeFirst();
  if (!org) throw new UsageError(`no organization ${opts.orgId}`);
  const secret = mintApiKeySecret("live");
  const apiKeyId = newId("apiKey");
  await db
    .insertInto("api_keys")
    .values({
      id: apiKeyId,
      organization_id: opts.orgId,
      name: opts.name ?? "ops",
      secret_hash: hashApiKey(secret),
      last4: secret.slice(-4),
      scopes: opts.scopes,
      rate_tier: tier.data,
    })
    .execute();
  return { apiKeyId, secret, scopes: opts.scopes, rateTier: tier.data };
}

export type RevokeResult = { apiKeyId: string; revoked: true } | { apiKeyId: string; revoked: false; note: "already revoked"; revokedAt: string | null };

/**
 * The `api_keys` trigger NOTIFYs `gateway_cache` in this very transaction, so every gateway drops
 * the cached key when it commits: the key is refused everywhere within a second (in practice ms).
 * Revoking a revoked key changes nothing and says so ("already revoked", with when).
 */
export async function revokeApiKey(db: Db, apiKeyId: string): Promise<RevokeResult> {
  const res = await db
    .updateTable("api_keys")
    .set({ status: "revoked", revoked_at: new Date() })
    .where("id", "=", apiKeyId)
    .where("status", "=", "active")
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) {
    const existing = await db.selectFrom("api_keys").select(["id", "revoked_at"]).where("id", "=", apiKeyId).executeTakeFirst();
    if (!existing) throw new UsageError(`no API key ${apiKeyId}`);
    return { apiKeyId, revoked: false, note: "already revoked", revokedAt: existing.revoked_at ? new Date(existing.revoked_at).toISOString() : null };
  }
  return { apiKeyId, revoked: true };
}

/** A mistake in how the CLI was called: printed without a stack, exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}
