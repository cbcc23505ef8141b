import { sql, type Kysely, type QueryCreator, type RawBuilder, type Transaction } from "kysely";
import type { LayersEvent } from "@layers/contracts";
import { json, type Database } from "@layers/db";

/**
 * The one event outbox. Every partner-visible transition stores its events here in the statement
 * (or transaction) that makes the change; one relay (`startOutboxRelay`) publishes them. Event ids
 * are deterministic, so storing the same event twice changes nothing and a second publish is
 * dropped by JetStream's duplicate window and by receivers deduplicating on the id.
 */
export interface OutboxEvent {
  event: LayersEvent;
  /** The request that caused it, for the message's hop headers. */
  requestId: string | null;
  traceparent: string | null;
}

export interface UnpublishedEvent {
  id: string;
  subject_type: string;
  payload: unknown;
  request_id: string | null;
  traceparent: string | null;
}

/** Rows for `event_outbox`; unexecuted, so a multi-table statement can run it as one of its CTEs. */
export function outboxInsert(db: QueryCreator<Database>, events: readonly OutboxEvent[]) {
  return db
    .insertInto("event_outbox")
    .values(
      events.map((e) => ({
        id: e.event.id,
        subject_type: e.event.type,
        payload: json(e.event),
        request_id: e.requestId,
        traceparent: e.traceparent,
      })),
    )
    .onConflict((oc) => oc.column("id").doNothing());
}

/** Stores events in the caller's transaction (or as one statement). */
export async function enqueueEvents(db: Kysely<Database>, events: readonly OutboxEvent[]): Promise<void> {
  if (events.length === 0) return;
  await outboxInsert(db, events).execute();
}

/**
 * Locks unpublished events stored at least `afterMs` ago, oldest first, for the rest of the
 * transaction; `skip locked` passes over rows another relay instance holds, so each event is
 * handled by one relay at a time.
 */
export async function lockUnpublishedEvents(trx: Transaction<Database>, opts: { afterMs: number; limit: number }): Promise<UnpublishedEvent[]> {
  const { rows } = await sql<UnpublishedEvent>`
    select id, subject_type, payload, request_id, traceparent from event_outbox
    where published_at is null and created_at <= now() - ${opts.afterMs}::int * interval '1 millisecond'
    order by created_at
    limit ${opts.limit}::int
    for update skip locked`.execute(trx);
  return rows;
}

export async function markEventsPublished(trx: Transaction<Database>, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await trx.updateTable("event_outbox").set({ published_at: sql<Date>`now()` }).where("id", "in", ids).execute();
}

/** Published events older than `olderThanMs` are deleted in batches (the stream and `events` keep them). */
export async function sweepPublishedEvents(db: Kysely<Database>, olderThanMs: number, limit: number): Promise<number> {
  const r = await sql`
    delete from event_outbox where id in (
      select id from event_outbox where published_at < now() - ${olderThanMs}::int * interval '1 millisecond'
      limit ${limit}::int for update skip locked)`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

/**
 * The same rows as one CTE body for a raw multi-table statement, inserted only when `guard` (a SQL
 * boolean, e.g. `exists (select 1 from i)`) holds: events of a move that did not happen are not stored.
 */
export function outboxInsertWhere(events: readonly OutboxEvent[], guard: RawBuilder<unknown>): RawBuilder<unknown> {
  const rows = events.map((e) => ({ id: e.event.id, subject_type: e.event.type, payload: e.event, request_id: e.requestId, traceparent: e.traceparent }));
  return sql`
    insert into event_outbox (id, subject_type, payload, request_id, traceparent)
    select x.id, x.subject_type, x.payload, x.request_id, x.traceparent
    from jsonb_to_recordset(${json(rows)}::jsonb) as x(id text, subject_type text, payload jsonb, request_id text, traceparent text)
    where ${guard}
    on conflict (id) do nothing`;
}
