import { type Kysely, sql } from "kysely";

/** Webhooks: events kept for delivery logs and replay, endpoints, deliveries and their attempts. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Every event the webhooks service consumed: the source of deliveries, delivery logs and replay.
    create table events (
      id text primary key,
      organization_id text not null,
      type text not null,
      created_at timestamptz not null,
      payload jsonb not null,
      received_at timestamptz not null default now()
    );
    create index events_org_time on events(organization_id, created_at, id);

    create table webhook_endpoints (
      id text primary key,
      organization_id text not null references organizations(id),
      url text not null,
      description text,
      events text[],
      enabled boolean not null default true,
      disabled_reason text,
      disabled_at timestamptz,
      -- Signing secrets are sealed like platform tokens (TOKEN_ENCRYPTION_KEY): the service must sign with them.
      secret_enc text not null,
      previous_secret_enc text,
      previous_secret_expires_at timestamptz,
      -- Start of the current run of consecutive failures (null after a success).
      failing_since timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      deleted_at timestamptz
    );
    create index webhook_endpoints_org on webhook_endpoints(organization_id, created_at, id) where deleted_at is null;

    create table webhook_deliveries (
      id text primary key,
      endpoint_id text not null references webhook_endpoints(id),
      organization_id text not null,
      event_id text not null references events(id),
      event_type text not null,
      origin text not null check (origin in ('event','test','replay')),
      status text not null check (status in ('pending','succeeded','failed')),
      attempt_count int not null default 0,
      next_attempt_at timestamptz,
      -- A worker holding the delivery until this time (crash recovery: an expired lease is due again).
      lease_until timestamptz,
      last_status_code int,
      last_error text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      completed_at timestamptz
    );
    -- One delivery per (event, endpoint) from the events stream, however often the event is redelivered.
    create unique index webhook_deliveries_once on webhook_deliveries(event_id, endpoint_id) where origin = 'event';
    create index webhook_deliveries_due on webhook_deliveries(next_attempt_at) where status = 'pending';
    create index webhook_deliveries_endpoint on webhook_deliveries(endpoint_id, created_at desc, id desc);

    create table webhook_attempts (
      id bigserial primary key,
      delivery_id text not null references webhook_deliveries(id),
      attempt_no int not null,
      started_at timestamptz not null,
      status_code int,
      latency_ms int,
      error text,
      response_excerpt text,
      unique (delivery_id, attempt_no)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists webhook_attempts, webhook_deliveries, webhook_endpoints, events cascade;`.execute(db);
}
