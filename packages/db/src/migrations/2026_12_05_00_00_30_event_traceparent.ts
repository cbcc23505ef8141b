import { type Kysely, sql } from "kysely";

/**
 * The trace an event belongs to, kept beside it: each webhook delivery attempt is a span of the
 * write's trace (HTTP → gate → dispatcher → platform → delivery), whenever the attempt happens.
 * Null for events stored before this column and for events that came with no trace.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table events add column traceparent text`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table events drop column traceparent`.execute(db);
}
