import { type Kysely, sql } from "kysely";

/**
 * The levels below campaigns (ad sets / ad groups, ads, Apple keywords) in one table, and the
 * tactical settings campaigns and their children share (bid, schedule, targeting). A child always
 * names its campaign: writes to a campaign's tree are ordered and gated by that campaign.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table campaigns
      add column bid_strategy text,
      add column start_time timestamptz,
      add column end_time timestamptz,
      add column targeting jsonb,
      add column attributes jsonb not null default '{}'::jsonb;

    create table ad_entities (
      id text primary key,
      kind text not null check (kind in ('adset','adgroup','ad','keyword')),
      project_id uuid not null references projects(id),
      layer_id text not null references layers(id),
      ad_account_id text not null references ad_accounts(id),
      platform text not null check (platform in ('meta','tiktok','apple')),
      campaign_id text not null references campaigns(id),
      -- The ad set / ad group of an ad or keyword; null for the second level (its parent is the campaign).
      parent_id text references ad_entities(id),
      platform_entity_id text,
      name text not null,
      status text not null,
      daily_budget_cents bigint,
      lifetime_budget_cents bigint,
      bid_cents bigint,
      bid_strategy text,
      start_time timestamptz,
      end_time timestamptz,
      targeting jsonb,
      creative jsonb,
      attributes jsonb not null default '{}'::jsonb,
      origin text not null check (origin in ('layers','platform')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (ad_account_id, kind, platform_entity_id)
    );
    create index ad_entities_campaign on ad_entities(campaign_id, kind, created_at, id);
    create index ad_entities_parent on ad_entities(parent_id, created_at, id) where parent_id is not null;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table if exists ad_entities;
    alter table campaigns drop column if exists bid_strategy, drop column if exists start_time, drop column if exists end_time,
      drop column if exists targeting, drop column if exists attributes;
  `.execute(db);
}
