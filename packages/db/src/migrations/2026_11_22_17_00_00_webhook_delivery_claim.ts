import { type Kysely, sql } from "kysely";

/**
 * Indexes for the webhooks scheduler's per-endpoint claim: it walks the endpoints that have pending
 * deliveries (a skip scan) and, for each, reads only its due rows and counts only its leased ones,
 * so a dead endpoint's backlog never has to be scanned to serve a healthy endpoint.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index webhook_deliveries_endpoint_due on webhook_deliveries(endpoint_id, next_attempt_at) where status = 'pending';
    -- Attempts in flight (or interrupted by a crash): the scheduler clears lease_until when it records an attempt.
    create index webhook_deliveries_leased on webhook_deliveries(endpoint_id, lease_until) where status = 'pending' and lease_until is not null;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists webhook_deliveries_endpoint_due; drop index if exists webhook_deliveries_leased;`.execute(db);
}
