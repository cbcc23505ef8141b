import { type Kysely, sql } from "kysely";

/**
 * Events a service publishes after its own state change (the gateway's approve / reject) are first
 * stored in the state change's transaction; a publish that fails (NATS away, process crash) is
 * retried by the gate's event relay. `id` is the event id, so it is also the JetStream msg id.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table event_outbox (
      id text primary key,
      subject_type text not null,
      payload jsonb not null,
      request_id text,
      traceparent text,
      created_at timestamptz not null default now(),
      published_at timestamptz
    );
    create index event_outbox_unpublished on event_outbox(created_at) where published_at is null;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists event_outbox`.execute(db);
}
