import { type Kysely, sql } from "kysely";

/**
 * Sub-organizations (issue 15), additive:
 * - organizations get a status (`active|suspended|archived`), Stripe-shaped metadata and
 *   `updated_at`; children are listed by parent.
 * - api_keys keep the secret they replaced on rotation for a grace window
 *   (`previous_secret_hash` until `previous_secret_expires_at`).
 * - webhook endpoints get `scope` (`own|all_children`, the parent's firehose).
 * - audit rows name the child a parent acted on behalf of (`actor_on_behalf_of`).
 * Gateways cache orgs and keys, so both announce every auth-relevant change on `gateway_cache`
 * from a trigger, inside the changing transaction: `org:<id>`, and `key:<hash>` now also for the
 * previous secret (its grace ends or it is replaced or revoked with the key).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table organizations
      add column status text not null default 'active' check (status in ('active','suspended','archived')),
      add column metadata jsonb not null default '{}'::jsonb,
      add column updated_at timestamptz not null default now();
    create index organizations_parent on organizations(parent_id, created_at, id) where parent_id is not null;

    alter table api_keys
      add column previous_secret_hash text,
      add column previous_secret_expires_at timestamptz;
    create unique index api_keys_previous_secret on api_keys(previous_secret_hash) where previous_secret_hash is not null;

    alter table webhook_endpoints
      add column scope text not null default 'own' check (scope in ('own','all_children'));

    alter table audit_log add column actor_on_behalf_of text;

    create or replace function gateway_cache_notify_key() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') then
        perform pg_notify('gateway_cache', 'key:' || old.secret_hash);
        if old.previous_secret_hash is not null then perform pg_notify('gateway_cache', 'key:' || old.previous_secret_hash); end if;
      end if;
      if tg_op in ('INSERT', 'UPDATE') and (tg_op = 'INSERT' or new.secret_hash <> old.secret_hash) then
        perform pg_notify('gateway_cache', 'key:' || new.secret_hash);
      end if;
      return null;
    end $$;

    drop trigger api_keys_gateway_cache on api_keys;
    create trigger api_keys_gateway_cache
      after insert or delete or update of status, scopes, rate_tier, organization_id, secret_hash, previous_secret_hash, previous_secret_expires_at on api_keys
      for each row execute function gateway_cache_notify_key();

    create function gateway_cache_notify_org() returns trigger language plpgsql as $$
    begin
      perform pg_notify('gateway_cache', 'org:' || old.id);
      return null;
    end $$;

    create trigger organizations_gateway_cache
      after update of status, parent_id or delete on organizations
      for each row execute function gateway_cache_notify_org();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop trigger if exists organizations_gateway_cache on organizations;
    drop function if exists gateway_cache_notify_org();
    drop trigger api_keys_gateway_cache on api_keys;
    create trigger api_keys_gateway_cache
      after insert or delete or update of status, scopes, rate_tier, organization_id, secret_hash on api_keys
      for each row execute function gateway_cache_notify_key();
    alter table audit_log drop column actor_on_behalf_of;
    alter table webhook_endpoints drop column scope;
    drop index if exists api_keys_previous_secret;
    alter table api_keys drop column previous_secret_hash, drop column previous_secret_expires_at;
    drop index if exists organizations_parent;
    alter table organizations drop column status, drop column metadata, drop column updated_at;
  `.execute(db);
}
