import { sql } from "kysely";
import type { Db } from "@layers/db";

export interface IdemScope {
  organizationId: string;
  principal: string;
  key: string;
}

export interface StoredAnswer {
  fingerprint: string;
  state: "in_flight" | "done";
  statusCode: number | null;
  /** The response bytes exactly as first sent (stored as a JSON string so jsonb cannot reorder keys). */
  body: string | null;
  headers: Record<string, string> | null;
}

/** Keys are kept 24 h (published in docs/errors.md); an older row counts as absent. */
export const RETENTION = "24 hours";
/**
 * An in-flight row older than this belongs to a request that died (process crash): a retry with
 * the same body may take it over instead of being refused until the key expires.
 */
export const IN_FLIGHT_LEASE = "2 minutes";

/**
 * Claims the key for this request in one statement: inserts it as in_flight, or takes over an
 * expired row (or a dead in-flight one with the same fingerprint). True when this request owns it.
 */
export async function claimKey(db: Db, s: IdemScope, req: { method: string; path: string; fingerprint: string }): Promise<boolean> {
  const r = await sql<{ idem_key: string }>`
    insert into idempotency_keys (organization_id, principal, idem_key, method, path, fingerprint, state, created_at)
    values (${s.organizationId}, ${s.principal}, ${s.key}, ${req.method}, ${req.path}, ${req.fingerprint}, 'in_flight', now())
    on conflict (organization_id, principal, idem_key) do update set
      method = excluded.method, path = excluded.path, fingerprint = excluded.fingerprint, state = 'in_flight',
      status_code = null, response_body = null, response_headers = null, created_at = now()
    where idempotency_keys.created_at < now() - ${RETENTION}::interval
       or (idempotency_keys.state = 'in_flight' and idempotency_keys.fingerprint = excluded.fingerprint
           and idempotency_keys.created_at < now() - ${IN_FLIGHT_LEASE}::interval)
    returning idem_key`.execute(db);
  return r.rows.length === 1;
}

export async function findKey(db: Db, s: IdemScope): Promise<StoredAnswer | null> {
  const row = await db
    .selectFrom("idempotency_keys")
    .select(["fingerprint", "state", "status_code", "response_body", "response_headers"])
    .where("organization_id", "=", s.organizationId)
    .where("principal", "=", s.principal)
    .where("idem_key", "=", s.key)
    .where("created_at", ">=", sql<Date>`now() - ${RETENTION}::interval`)
    .executeTakeFirst();
  if (!row) return null;
  return {
    fingerprint: row.fingerprint,
    state: row.state,
    statusCode: row.status_code,
    body: typeof row.response_body === "string" ? row.response_body : null,
    headers: row.response_headers,
  };
}

export async function completeKey(db: Db, s: IdemScope, answer: { statusCode: number; body: string; headers: Record<string, string> }): Promise<void> {
  await db
    .updateTable("idempotency_keys")
    .set({
      state: "done",
      status_code: answer.statusCode,
      response_body: JSON.stringify(answer.body),
      response_headers: JSON.stringify(answer.headers),
    })
    .where("organization_id", "=", s.organizationId)
    .where("principal", "=", s.principal)
    .where("idem_key", "=", s.key)
    .where("state", "=", "in_flight")
    .execute();
}

/** Forgets a claim whose request never executed (bad input) or failed with a 5xx, so a retry can proceed. */
export async function releaseKey(db: Db, s: IdemScope): Promise<void> {
  await db
    .deleteFrom("idempotency_keys")
    .where("organization_id", "=", s.organizationId)
    .where("principal", "=", s.principal)
    .where("idem_key", "=", s.key)
    .where("state", "=", "in_flight")
    .execute();
}

export async function pruneExpiredKeys(db: Db): Promise<number> {
  const r = await db.deleteFrom("idempotency_keys").where("created_at", "<", sql<Date>`now() - ${RETENTION}::interval`).executeTakeFirst();
  return Number(r.numDeletedRows);
}
