import { sql, type Kysely, type Transaction } from "kysely";
import type { LayersEvent } from "@layers/contracts";
import { json } from "./db.ts";
import type { Database } from "./schema.ts";

/** An event to publish, with the request that caused it (for the message's hop headers). */
export interface OutboxEvent {
  event: LayersEvent;
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

/**
 * Stores an event in the transaction of the state change it reports, so the change is never
 * committed without it. Event ids are deterministic: storing the same event again changes nothing.
 */
export async function enqueueEvent(trx: Transaction<Database>, e: OutboxEvent): Promise<void> {
  await trx
    .insertInto("event_outbox")
    .values({
      id: e.event.id,
      subject_type: e.event.type,
      payload: json(e.event),
      request_id: e.requestId,
      traceparent: e.traceparent,
    })
    .onConflict((oc) => oc.column("id").doNothing())
    .execute();
}

/**
 * Marks an event published after its publisher's own PubAck. Never waits: a row the relay has
 * locked is the relay's to mark (it is publishing the same msg id, which JetStream deduplicates).
 */
export async function markEventPublished(db: Kysely<Database>, id: string): Promise<void> {
  await sql`
    update event_outbox set published_at = now()
    where id in (select id from event_outbox where id = ${id} and published_at is null for update skip locked)`.execute(db);
}

/**
 * Locks unpublished events stored at least `afterMs` ago, oldest first, for the rest of the
 * transaction; `skip locked` passes over rows another relay instance (or a publisher marking its
 * own) holds, so each event is handled by one relay at a time.
 */
export async function lockUnpublishedEvents(trx: Transaction<Database>, opts: { afterMs: number; limit: number }): Promise<UnpublishedEvent[]> {
  const { rows } = await sql<UnpublishedEvent>`
    select id, subject_type, payload, request_id, traceparent from event_outbox
    where published_at is null and created_at < now() - ${opts.afterMs}::int * interval '1 millisecond'
    order by created_at
    limit ${opts.limit}::int
    for update skip locked`.execute(trx);
  return rows;
}

export async function markEventsPublished(trx: Transaction<Database>, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await trx.updateTable("event_outbox").set({ published_at: sql<Date>`now()` }).where("id", "in", ids).execute();
}
