import { sql } from "kysely";
import type { Db } from "@layers/db";

export interface ActiveKey {
  id: string;
  organizationId: string;
  scopes: string[];
  rateTier: string;
}

/** Looks a key up by the sha256 of its secret; revoked keys are as good as unknown. */
export async function findActiveKeyByHash(db: Db, secretHash: string): Promise<ActiveKey | null> {
  const row = await db
    .selectFrom("api_keys")
    .select(["id", "organization_id", "scopes", "rate_tier"])
    .where("secret_hash", "=", secretHash)
    .where("status", "=", "active")
    .executeTakeFirst();
  return row ? { id: row.id, organizationId: row.organization_id, scopes: row.scopes, rateTier: row.rate_tier } : null;
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
