import { type Kysely, sql } from "kysely";

/**
 * The write lifecycle (packages/lifecycle):
 * - `dispatch`: the message a dispatcher needs, stored with the gate's allow, so whoever closes the
 *   write ahead of it on the same entity can hand it on (per-entity order by structure, not by
 *   redelivery), and the sweeper can republish it after a crash.
 * - `failure`: a typed `{code, message}` beside the human `failure_reason` text.
 * - `write_intents_open`: the open writes of an entity, in order: the fence and the successor
 *   lookup read only these rows, however long the entity's history.
 * - Outbox inserts notify the relay at commit, so events leave at once rather than on a poll.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table write_intents add column dispatch jsonb, add column failure jsonb;
    create index write_intents_open on write_intents(entity_key, entity_seq) where state in ('accepted','allowed','dispatching');
    create index write_intents_waiting on write_intents(decided_at) where state = 'allowed';
    create function layers_outbox_notify() returns trigger language plpgsql as $$
      begin perform pg_notify('layers_event_outbox', ''); return null; end $$;
    create trigger event_outbox_notify after insert on event_outbox for each statement execute function layers_outbox_notify();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop trigger if exists event_outbox_notify on event_outbox;
    drop function if exists layers_outbox_notify();
    drop index if exists write_intents_waiting;
    drop index if exists write_intents_open;
    alter table write_intents drop column if exists dispatch, drop column if exists failure;
  `.execute(db);
}
