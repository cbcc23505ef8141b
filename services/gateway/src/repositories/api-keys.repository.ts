import { sql } from "kysely";
import type { ApiKeyBody } from "@layers/contracts";
import type { ApiKeyRow, Db } from "@layers/db";
import type { Cursor } from "../domain/cursor.ts";

export interface ActiveKey {
  id: string;
  organizationId: string;
  scopes: string[];
  rateTier: string;
  /**
   * Set when the secret is one a rotation replaced: it stops authenticating at this time (ms). A
   * cached entry is checked against it on every use, so the grace ends on time without a notification.
   */
  graceEndsAt: number | null;
}

/** Looks a key up by the sha256 of its secret (current, or rotated-out and still in its grace window); revoked keys are as good as unknown. */
export async function findActiveKeyByHash(db: Db, secretHash: string): Promise<ActiveKey | null> {
  const row = await db
    .selectFrom("api_keys")
    .select(["id", "organization_id", "scopes", "rate_tier", "secret_hash", "previous_secret_expires_at"])
    .where("status", "=", "active")
    .where((eb) =>
      eb.or([
        eb("secret_hash", "=", secretHash),
        eb.and([eb("previous_secret_hash", "=", secretHash), eb("previous_secret_expires_at", ">", sql<Date>`now()`)]),
      ]),
    )
    .executeTakeFirst();
  if (!row) return null;
  const graceEndsAt = row.secret_hash === secretHash ? null : (row.previous_secret_expires_at?.getTime() ?? 0);
  return { id: row.id, organizationId: row.organization_id, scopes: row.scopes, rateTier: row.rate_tier, graceEndsAt };
}

export function rowToApiKey(r: ApiKeyRow): ApiKeyBody {
  const graceLive = r.previous_secret_expires_at && r.previous_secret_expires_at.getTime() > Date.now();
  return {
    id: r.id,
    organizationId: r.organization_id,
    name: r.name,
    scopes: r.scopes,
    tier: r.rate_tier,
    last4: r.last4,
    status: r.status,
    previousSecretExpiresAt: graceLive ? r.previous_secret_expires_at!.toISOString() : null,
    createdAt: r.created_at.toISOString(),
    revokedAt: r.revoked_at?.toISOString() ?? null,
    lastUsedAt: r.last_used_at?.toISOString() ?? null,
  };
}

export async function insertApiKey(
  db: Db,
  k: { id: string; organizationId: string; name: string; secretHash: string; last4: string; scopes: string[]; rateTier: string },
): Promise<ApiKeyRow> {
  return db
    .insertInto("api_keys")
    .values({ id: k.id, organization_id: k.organizationId, name: k.name, secret_hash: k.secretHash, last4: k.last4, scopes: k.scopes, rate_tier: k.rateTier })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Newest first; `limit + 1` rows for `toPage`. */
export async function listOrgKeys(db: Db, organizationId: string, q: { limit: number; cursor: Cursor | null }) {
  let query = db
    .selectFrom("api_keys")
    .selectAll()
    .select(sql<string>`created_at::text`.as("cursor_at"))
    .where("organization_id", "=", organizationId);
  if (q.cursor) query = query.where(sql<boolean>`(created_at, id) < (${q.cursor.at}::timestamptz, ${q.cursor.id})`);
  return query.orderBy("created_at", "desc").orderBy("id", "desc").limit(q.limit + 1).execute();
}

export async function findOrgKey(db: Db, organizationId: string, id: string): Promise<ApiKeyRow | null> {
  return (await db.selectFrom("api_keys").selectAll().where("id", "=", id).where("organization_id", "=", organizationId).executeTakeFirst()) ?? null;
}

/**
 * A new secret for an active key. The secret it replaces keeps authenticating until `graceMs` from
 * now; a secret still in an earlier grace window is dropped at once (two rotations in a row
 * leave only the last old secret alive). Null when the key is not an active key of this org.
 */
export async function rotateKeySecret(db: Db, organizationId: string, id: string, s: { secretHash: string; last4: string; graceMs: number }): Promise<ApiKeyRow | null> {
  const row = await db
    .updateTable("api_keys")
    .set((eb) => ({
      previous_secret_hash: eb.ref("secret_hash"),
      previous_secret_expires_at: s.graceMs > 0 ? sql<Date>`now() + ${s.graceMs} * interval '1 millisecond'` : null,
      secret_hash: s.secretHash,
      last4: s.last4,
    }))
    .where("id", "=", id)
    .where("organization_id", "=", organizationId)
    .where("status", "=", "active")
    .returningAll()
    .executeTakeFirst();
  return row ?? null;
}

/** Revokes the key and any rotated-out secret with it; revoking twice is a no-op that still answers the row. */
export async function revokeKey(db: Db, organizationId: string, id: string): Promise<ApiKeyRow | null> {
  const row = await db
    .updateTable("api_keys")
    .set({ status: "revoked", revoked_at: sql`coalesce(revoked_at, now())`, previous_secret_hash: null, previous_secret_expires_at: null })
    .where("id", "=", id)
    .where("organization_id", "=", organizationId)
    .returningAll()
    .executeTakeFirst();
  return row ?? null;
}

/** Records use at most once a minute per key, so authentication does not write on every request. */
export async function touchKey(db: Db, id: string): Promise<void> {
  await db
    .updateTable("api_keys")
    .set({ last_used_at: sql`now()` })
    .where("id", "=", id)
    .where((eb) => eb.or([eb("last_used_at", "is", null), eb("last_used_at", "<", sql<Date>`now() - interval '1 minute'`)]))
    .execute();
}
