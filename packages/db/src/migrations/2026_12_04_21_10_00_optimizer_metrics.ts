import { type Kysely, sql } from "kysely";

/**
 * The optimizer's tables. Daily performance per entity, synced by the optimizer from each platform's reporting API (the
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

    -- One optimizer run of one layer. At most one open (queued or running) run per layer; a
    -- scheduled run names its tick, so two optimizer instances make one run per layer per tick.
    create table optimizer_runs (
      id text primary key,
      organization_id text not null references organizations(id),
      project_id uuid not null references projects(id),
      layer_id text not null references layers(id),
      platform text not null check (platform in ('meta','tiktok','apple')),
      status text not null check (status in ('queued','running','completed','failed')),
      trigger text not null check (trigger in ('api','schedule')),
      dry_run boolean not null,
      tick bigint,
      window_since date not null,
      window_until date not null,
      summary jsonb,
      error jsonb,
      request_id text,
      created_at timestamptz not null default now(),
      started_at timestamptz,
      completed_at timestamptz
    );
    create unique index optimizer_runs_one_open on optimizer_runs (layer_id) where status in ('queued','running');
    create unique index optimizer_runs_one_per_tick on optimizer_runs (layer_id, tick) where tick is not null;
    create index optimizer_runs_layer on optimizer_runs (layer_id, created_at desc);

    -- Every proposal of a run with the verdict the gate gave it (or would give, on a dry run).
    create table optimizer_proposals (
      id text primary key,
      run_id text not null references optimizer_runs(id),
      layer_id text not null references layers(id),
      position int not null,
      rule text not null,
      action_type text not null,
      entity_id text not null,
      entity_level text not null,
      entity_name text not null,
      proposal_key text not null,
      current_value jsonb,
      new_value jsonb,
      rationale text not null,
      evidence jsonb not null,
      dry_run boolean not null,
      decision text,
      reason text,
      verdict_id text,
      pending_action_id text,
      intent_id text,
      job_id text,
      created_at timestamptz not null default now(),
      unique (run_id, position)
    );
    create index optimizer_proposals_entity on optimizer_proposals (layer_id, entity_id, created_at desc);

    -- The customer's say over the creative pool: include (eligible whatever its score) or exclude.
    create table creative_overrides (
      project_id uuid not null references projects(id),
      creative_id text not null,
      override text not null check (override in ('include','exclude')),
      updated_at timestamptz not null default now(),
      primary key (project_id, creative_id)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table creative_overrides; drop table optimizer_proposals; drop table optimizer_runs; drop table ad_metrics_daily`.execute(db);
}
