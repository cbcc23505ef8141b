import { type Kysely, sql } from "kysely";

/**
 * Gateways cache authenticated keys, the API kill switches and project rows in process. Every
 * change to those rows announces itself on the `gateway_cache` channel from a trigger, so the
 * NOTIFY is part of the very transaction that revokes the key (or trips the switch): it is
 * delivered to every listening gateway when, and only when, that transaction commits — whoever
 * wrote it (the ops CLI, a migration, an operator in psql during an incident).
 *
 * Payloads: `key:<secret_hash>` (one key's status, scopes, tier, org or hash changed),
 * `kill_switches` (reload the switch list), `project:<id>` (a project changed or went away).
 * `last_used_at` updates are not announced: they change nothing a gateway caches.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function gateway_cache_notify_key() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') then perform pg_notify('gateway_cache', 'key:' || old.secret_hash); end if;
      if tg_op in ('INSERT', 'UPDATE') and (tg_op = 'INSERT' or new.secret_hash <> old.secret_hash) then
        perform pg_notify('gateway_cache', 'key:' || new.secret_hash);
      end if;
      return null;
    end $$;

    create trigger api_keys_gateway_cache
      after insert or delete or update of status, scopes, rate_tier, organization_id, secret_hash on api_keys
      for each row execute function gateway_cache_notify_key();

    create function gateway_cache_notify_kill_switches() returns trigger language plpgsql as $$
    begin
      perform pg_notify('gateway_cache', 'kill_switches');
      return null;
    end $$;

    create trigger api_kill_switches_gateway_cache
      after insert or update or delete or truncate on api_kill_switches
      for each statement execute function gateway_cache_notify_kill_switches();

    create function gateway_cache_notify_project() returns trigger language plpgsql as $$
    begin
      perform pg_notify('gateway_cache', 'project:' || old.id);
      return null;
    end $$;

    create trigger projects_gateway_cache
      after update or delete on projects
      for each row execute function gateway_cache_notify_project();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop trigger if exists api_keys_gateway_cache on api_keys;
    drop trigger if exists api_kill_switches_gateway_cache on api_kill_switches;
    drop trigger if exists projects_gateway_cache on projects;
    drop function if exists gateway_cache_notify_key(), gateway_cache_notify_kill_switches(), gateway_cache_notify_project();
  `.execute(db);
}
