import { sql, type Kysely } from "kysely";
import type { Database, Db } from "@layers/db";

/** One endpoint with pending deliveries, as the scheduler sees it at claim time. */
export interface EndpointLoad {
  endpointId: string;
  /** Attempts to it in flight now, on every instance (unexpired leases). */
  inFlight: number;
  /** Deliveries due now and not leased (counted up to the per-endpoint cap). */
  due: number;
  /** When its oldest due delivery became due (ms); orders endpoints when slots are short. */
  oldestDueAt: number;
}

/** One claimed delivery with what its attempt needs: the endpoint's URL and sealed secrets, the event. */
export interface ClaimedDelivery {
  id: string;
  endpointId: string;
  eventId: string;
  origin: "event" | "test" | "replay";
  /** This attempt's number (the count after the claim). It fences the record step. */
  attemptNo: number;
  /** Set when the claim took over an expired lease: the previous attempt never recorded its outcome. */
  interruptedLeaseUntil: Date | null;
  url: string;
  secretEnc: string;
  /** The rotated-out secret, only while its overlap lasts. */
  previousSecretEnc: string | null;
  event: { type: string; organizationId: string; createdAt: Date; payload: unknown };
  /** The event's trace (null when it came with none): the attempt is a span of it. */
  traceparent: string | null;
}

export interface ClaimResult {
  claimed: ClaimedDelivery[];
  /** Endpoints whose pending deliveries were failed because the endpoint is disabled or deleted. */
  sweptEndpoints: number;
  /** Earliest future `next_attempt_at` among endpoints with nothing due now (null: none). */
  nextDueAt: Date | null;
}

interface PendingEndpointRow {
  endpoint_id: string;
  active: boolean;
  /** Its earliest pending `next_attempt_at` (leased rows included). */
  first_at: Date | null;
  due_now: boolean;
}

interface LoadRow {
  endpoint_id: string;
  in_flight: number;
  due: number;
  oldest_due: Date | null;
}

interface ClaimRow {
  id: string;
  endpoint_id: string;
  event_id: string;
  origin: "event" | "test" | "replay";
  attempt_count: number;
  prev_lease: Date | null;
  url: string;
  secret_enc: string;
  previous_secret_enc: string | null;
  event_type: string;
  organization_id: string;
  event_created_at: Date;
  payload: unknown;
  traceparent: string | null;
}

/** Serialises claims across instances, so per-endpoint counts and the claims made from them agree. */
const CLAIM_LOCK = 727_301;

/**
 * Every endpoint that has pending deliveries, with its earliest `next_attempt_at`: a skip scan over
 * the (endpoint_id, next_attempt_at) index, one probe per endpoint however large its backlog.
 */
async function pendingEndpoints(db: Kysely<Database>): Promise<PendingEndpointRow[]> {
  const { rows } = await sql<PendingEndpointRow>`
    with recursive eps(endpoint_id, first_at) as (
      (select endpoint_id, next_attempt_at from webhook_deliveries
        where status = 'pending' order by endpoint_id, next_attempt_at limit 1)
      union all
      select n.endpoint_id, n.next_attempt_at from eps
      cross join lateral (
        select d.endpoint_id, d.next_attempt_at from webhook_deliveries d
        where d.status = 'pending' and d.endpoint_id > eps.endpoint_id
        order by d.endpoint_id, d.next_attempt_at limit 1
      ) n
    )
    select eps.endpoint_id, eps.first_at, (e.enabled and e.deleted_at is null) as active,
      coalesce(eps.first_at <= statement_timestamp(), false) as due_now
    from eps join webhook_endpoints e on e.id = eps.endpoint_id
  `.execute(db);
  return rows;
}

/**
 * For endpoints with something due: attempts in flight (unexpired leases, on every instance), how
 * many deliveries are due and not leased (counted up to `cap`), and when the oldest became due.
 */
async function endpointLoads(db: Kysely<Database>, endpointIds: readonly string[], cap: number): Promise<LoadRow[]> {
  const { rows } = await sql<LoadRow>`
    select p.endpoint_id,
      (select count(*)::int from webhook_deliveries d
        where d.endpoint_id = p.endpoint_id and d.status = 'pending' and d.lease_until is not null
          and d.lease_until > statement_timestamp()) as in_flight,
      due.n as due,
      due.oldest as oldest_due
    from unnest(${endpointIds}::text[]) as p(endpoint_id)
    cross join lateral (
      select count(*)::int as n, min(x.next_attempt_at) as oldest from (
        select d.next_attempt_at from webhook_deliveries d
        where d.endpoint_id = p.endpoint_id and d.status = 'pending' and d.next_attempt_at <= statement_timestamp()
          and (d.lease_until is null or d.lease_until <= statement_timestamp())
        order by d.next_attempt_at
        limit ${cap}
      ) x
    ) due
  `.execute(db);
  return rows;
}

/**
 * Pending deliveries of a disabled or deleted endpoint stop: each becomes `failed` with the reason
 * (not leased ones: an attempt in flight records its own outcome). Re-enabling the endpoint does not
 * revive them; a resend or replay does.
 */
async function failDeliveriesOfInactive(db: Kysely<Database>, endpointIds: readonly string[]): Promise<void> {
  await sql`
    update webhook_deliveries d set
      status = 'failed',
      next_attempt_at = null,
      lease_until = null,
      last_error = case when e.deleted_at is not null then 'the endpoint was deleted'
                        else 'the endpoint is disabled: ' || coalesce(e.disabled_reason, 'disabled') end,
      completed_at = statement_timestamp(),
      updated_at = statement_timestamp()
    from webhook_endpoints e
    where e.id = d.endpoint_id and d.endpoint_id = any(${endpointIds}::text[])
      and (not e.enabled or e.deleted_at is not null)
      and d.status = 'pending' and (d.lease_until is null or d.lease_until <= statement_timestamp())
  `.execute(db);
}

/**
 * Claims, per endpoint, the planned number of due deliveries (oldest first): each gets a lease and
 * its attempt number. `skip locked` keeps two claimers from ever taking the same row.
 */
async function claimPlanned(db: Kysely<Database>, plan: ReadonlyMap<string, number>, leaseMs: number): Promise<ClaimRow[]> {
  const ids = [...plan.keys()];
  const counts = ids.map((id) => plan.get(id)!);
  const { rows } = await sql<ClaimRow>`
    with plan as (
      select * from unnest(${ids}::text[], ${counts}::int[]) as p(endpoint_id, n)
    ),
    picked as (
      select c.id, c.prev_lease from plan
      cross join lateral (
        select d.id, d.lease_until as prev_lease from webhook_deliveries d
        where d.endpoint_id = plan.endpoint_id and d.status = 'pending' and d.next_attempt_at <= statement_timestamp()
          and (d.lease_until is null or d.lease_until <= statement_timestamp())
        order by d.next_attempt_at
        limit plan.n
        for update of d skip locked
      ) c
    ),
    claimed as (
      update webhook_deliveries w set
        attempt_count = w.attempt_count + 1,
        lease_until = statement_timestamp() + ${leaseMs} * interval '1 millisecond',
        updated_at = statement_timestamp()
      from picked where w.id = picked.id
      returning w.id, w.endpoint_id, w.event_id, w.origin, w.attempt_count, picked.prev_lease
    )
    select c.*, e.url, e.secret_enc,
      case when e.previous_secret_expires_at > statement_timestamp() then e.previous_secret_enc end as previous_secret_enc,
      ev.type as event_type, ev.organization_id, ev.created_at as event_created_at, ev.payload, ev.traceparent
    from claimed c
    join webhook_endpoints e on e.id = c.endpoint_id
    join events ev on ev.id = c.event_id
  `.execute(db);
  return rows;
}

/**
 * One claim pass, in one transaction under a cluster-wide lock: read each endpoint's load, fail the
 * pending work of inactive endpoints, ask `plan` how many to take from each of the rest, take them.
 */
export async function claimDue(
  db: Db,
  opts: { perEndpoint: number; leaseMs: number; plan: (loads: EndpointLoad[]) => Map<string, number> },
): Promise<ClaimResult> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${CLAIM_LOCK})`.execute(trx);
    const pending = await pendingEndpoints(trx);
    const inactive = pending.filter((p) => !p.active).map((p) => p.endpoint_id);
    if (inactive.length > 0) await failDeliveriesOfInactive(trx, inactive);
    let nextDueAt: Date | null = null;
    for (const p of pending) {
      if (p.active && !p.due_now && p.first_at && (!nextDueAt || p.first_at < nextDueAt)) nextDueAt = p.first_at;
    }
    const dueIds = pending.filter((p) => p.active && p.due_now).map((p) => p.endpoint_id);
    const loads = dueIds.length > 0 ? await endpointLoads(trx, dueIds, opts.perEndpoint) : [];
    const plan = opts.plan(
      loads.map((l) => ({ endpointId: l.endpoint_id, inFlight: l.in_flight, due: l.due, oldestDueAt: l.oldest_due?.getTime() ?? Number.MAX_SAFE_INTEGER })),
    );
    const rows = plan.size > 0 ? await claimPlanned(trx, plan, opts.leaseMs) : [];
    return {
      sweptEndpoints: inactive.length,
      nextDueAt,
      claimed: rows.map((r) => ({
        id: r.id,
        endpointId: r.endpoint_id,
        eventId: r.event_id,
        origin: r.origin,
        attemptNo: r.attempt_count,
        interruptedLeaseUntil: r.prev_lease,
        url: r.url,
        secretEnc: r.secret_enc,
        previousSecretEnc: r.previous_secret_enc,
        event: { type: r.event_type, organizationId: r.organization_id, createdAt: r.event_created_at, payload: r.payload },
        traceparent: r.traceparent,
      })),
    };
  });
}

/** Undoes a claim that will not run: no attempt happened, so its number is given back too. */
export async function releaseClaim(db: Db, c: Pick<ClaimedDelivery, "id" | "attemptNo">): Promise<void> {
  await sql`
    update webhook_deliveries set lease_until = null, attempt_count = attempt_count - 1, updated_at = statement_timestamp()
    where id = ${c.id} and attempt_count = ${c.attemptNo} and status = 'pending'
  `.execute(db);
}
