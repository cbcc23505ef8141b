import { type Kysely, sql } from "kysely";

/**
 * Daily performance per entity, synced by the optimizer from each platform's reporting API (the
 * optimizer owns this table). Money in contract minor units of the layer's currency; one row per
 * entity and day, so a re-sync is an upsert and never double counts.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table ad_metrics_daily (
      entity_id text not null,
      date date not null,
      layer_id text not null references layers(id),
      project_id uuid not null references projects(id),
      platform text not null check (platform in ('meta','tiktok','apple')),
      level text not null check (level in ('campaign','adset','adgroup','ad','keyword')),
      spend_cents bigint not null check (spend_cents >= 0),
      impressions bigint not null check (impressions >= 0),
      clicks bigint not null check (clicks >= 0),
      conversions bigint not null check (conversions >= 0),
      synced_at timestamptz not null default now(),
      primary key (entity_id, date)
    );
    create index ad_metrics_daily_layer_date on ad_metrics_daily (layer_id, date);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table ad_metrics_daily`.execute(db);
}
