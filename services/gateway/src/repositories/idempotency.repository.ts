import { sql, type Transaction } from "kysely";
import type { Database, Db } from "@layers/db";

export interface IdemScope {
  organizationId: string;
  principal: string;
  key: string;
}

/**
 * A key this request owns. `token` is the claim's time exactly as Postgres stored it: a request
 * whose row was taken over (or released) since matches nothing, so it can never write over the
 * row of the request that holds the key now.
 */
export interface IdemClaim extends IdemScope {
  token: string;
}

export interface StoredAnswer {
  fingerprint: string;
  state: "in_flight" | "done";
  statusCode: number | null;
  /** The response bytes exactly as first sent (stored as a JSON string so jsonb cannot reorder keys). */
  body: string | null;
  headers: Record<string, string> | null;
  /** An in-flight row whose request already stored its write: `body` is the answer it holds. */
  held: boolean;
  /** The in-flight lease has run out: the request that claimed it is presumed dead. */
  leaseExpired: boolean;
}

/** An answer as sent: status, the exact body bytes, and the headers a replay repeats. */
export interface AnswerToStore {
  statusCode: number;
  body: string;
  headers: Record<string, string>;
}

/** Keys are kept 24 h (published in docs/errors.md); an older row counts as absent. */
export const RETENTION = "24 hours";
/**
 * An in-flight row older than this belongs to a request that died (process crash): a retry with
 * the same body may take it over instead of being refused until the key expires — unless the
 * dead request had already stored its write, in which case the retry gets the held answer.
 */
export const IN_FLIGHT_LEASE = "2 minutes";

const ofScope = (s: IdemScope) => sql`organization_id = ${s.organizationId} and principal = ${s.principal} and idem_key = ${s.key}`;
const ofClaim = (c: IdemClaim) => sql`${ofScope(c)} and state = 'in_flight' and created_at = ${c.token}::timestamptz`;

/**
 * Claims the key for this request in one statement: inserts it as in_flight, or takes over an
 * expired row, or a dead in-flight one with the same fingerprint that holds no answer (its request
 * never stored a write). Returns the claim when this request owns the key, else null.
 */
export async function claimKey(db: Db, s: IdemScope, req: { method: string; path: string; fingerprint: string }): Promise<IdemClaim | null> {
  const r = await sql<{ token: string }>`
    insert into idempotency_keys (organization_id, principal, idem_key, method, path, fingerprint, state, created_at)
    values (${s.organizationId}, ${s.principal}, ${s.key}, ${req.method}, ${req.path}, ${req.fingerprint}, 'in_flight', now())
    on conflict (organization_id, principal, idem_key) do update set
      method = excluded.method, path = excluded.path, fingerprint = excluded.fingerprint, state = 'in_flight',
      status_code = null, response_body = null, response_headers = null, created_at = now()
    where idempotency_keys.created_at < now() - ${RETENTION}::interval
       or (idempotency_keys.state = 'in_flight' and idempotency_keys.fingerprint = excluded.fingerprint
           and idempotency_keys.response_body is null
           and idempotency_keys.created_at < now() - ${IN_FLIGHT_LEASE}::interval)
    returning created_at::text as token`.execute(db);
  const token = r.rows[0]?.token;
  return token === undefined ? null : { ...s, token };
}

export async function findKey(db: Db, s: IdemScope): Promise<StoredAnswer | null> {
  const r = await sql<{
    fingerprint: string;
    state: "in_flight" | "done";
    status_code: number | null;
    response_body: unknown;
    response_headers: Record<string, string> | null;
    lease_expired: boolean;
  }>`
    select fingerprint, state, status_code, response_body, response_headers,
           created_at < now() - ${IN_FLIGHT_LEASE}::interval as lease_expired
    from idempotency_keys
    where ${ofScope(s)} and created_at >= now() - ${RETENTION}::interval`.execute(db);
  const row = r.rows[0];
  if (!row) return null;
  const body = typeof row.response_body === "string" ? row.response_body : null;
  return {
    fingerprint: row.fingerprint,
    state: row.state,
    statusCode: row.status_code,
    body,
    headers: row.response_headers,
    held: row.state === "in_flight" && body !== null,
    leaseExpired: row.lease_expired,
  };
}

/**
 * Stores, inside the transaction that performs the write, the answer a retry gets should this
 * request die before answering. The row stays in flight (a retry within the lease is still 409).
 * False when the claim is no longer this request's: the caller must roll its write back.
 */
export async function holdAnswer(trx: Transaction<Database>, c: IdemClaim, answer: AnswerToStore): Promise<boolean> {
  const r = await sql`
    update idempotency_keys
    set status_code = ${answer.statusCode}, response_body = ${JSON.stringify(answer.body)}::jsonb,
        response_headers = ${JSON.stringify(answer.headers)}::jsonb
    where ${ofClaim(c)}`.execute(trx);
  return Number(r.numAffectedRows ?? 0) === 1;
}

/** Records the final answer (replacing a held one). */
export async function completeKey(db: Db, c: IdemClaim, answer: AnswerToStore): Promise<void> {
  await sql`
    update idempotency_keys
    set state = 'done', status_code = ${answer.statusCode}, response_body = ${JSON.stringify(answer.body)}::jsonb,
        response_headers = ${JSON.stringify(answer.headers)}::jsonb
    where ${ofClaim(c)}`.execute(db);
}

/**
 * The request ended without a storable answer (bad input, or a 5xx). If it never stored a write the
 * claim is forgotten, so a retry can proceed; if it did, its held answer becomes the key's answer —
 * running the request again would execute the write twice.
 */
export async function releaseKey(db: Db, c: IdemClaim): Promise<void> {
  await sql`update idempotency_keys set state = 'done' where ${ofClaim(c)} and response_body is not null`.execute(db);
  await sql`delete from idempotency_keys where ${ofClaim(c)} and response_body is null`.execute(db);
}

export async function pruneExpiredKeys(db: Db): Promise<number> {
  const r = await db.deleteFrom("idempotency_keys").where("created_at", "<", sql<Date>`now() - ${RETENTION}::interval`).executeTakeFirst();
  return Number(r.numDeletedRows);
}
