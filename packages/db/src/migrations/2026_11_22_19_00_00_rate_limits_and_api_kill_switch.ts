import { type Kysely, sql } from "kysely";

/**
 * Rate limits (SPEC §10): each API key has a tier; request counts per (partition, policy, window)
 * are shared by every gateway instance. Unlogged: a crash loses at most one window of counts,
 * which only ever lets a few more requests through. The API kill switch: one row per active switch.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table api_keys add column rate_tier text not null default 'standard';

    create unlogged table rate_limit_windows (
      partition_key text not null,
      policy text not null,
      window_start timestamptz not null,
      count int not null,
      primary key (partition_key, policy, window_start)
    );

    create table api_kill_switches (
      scope text not null check (scope in ('global','org','key')),
      -- '*' for global, the org id or the key id otherwise.
      target text not null,
      reason text,
      activated_at timestamptz not null default now(),
      primary key (scope, target)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table if exists api_kill_switches, rate_limit_windows;
    alter table api_keys drop column if exists rate_tier;
  `.execute(db);
}
