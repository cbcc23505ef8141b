import { type Kysely, sql } from "kysely";

/** The core write path: tenants, keys, projects, layers, accounts, campaigns, intents, verdicts, jobs. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table organizations (
      id text primary key,
      name text not null,
      parent_id text references organizations(id),
      created_at timestamptz not null default now()
    );

    create table api_keys (
      id text primary key,
      organization_id text not null references organizations(id),
      name text not null,
      secret_hash text not null unique,
      last4 text not null,
      scopes text[] not null,
      status text not null default 'active' check (status in ('active','revoked')),
      created_at timestamptz not null default now(),
      revoked_at timestamptz,
      last_used_at timestamptz
    );
    create index api_keys_org on api_keys(organization_id);

    create table projects (
      id uuid primary key,
      organization_id text not null references organizations(id),
      name text not null,
      customer_external_id text,
      timezone text,
      primary_language text,
      status text not null default 'active' check (status in ('active','archived')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index projects_org on projects(organization_id, created_at, id);

    create table layers (
      id text primary key,
      project_id uuid not null references projects(id),
      platform text not null check (platform in ('meta','tiktok','apple')),
      currency text not null default 'USD',
      defaults jsonb not null,
      ceiling jsonb not null,
      kill_switch_active boolean not null default false,
      kill_switch_reason text,
      partner_writes_enabled boolean not null default false,
      max_daily_budget_cents bigint,
      writer_preset text check (writer_preset in ('END_TO_END','ADGROUP_GRAIN')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (project_id, platform)
    );

    create table ad_accounts (
      id text primary key,
      project_id uuid not null references projects(id),
      layer_id text not null references layers(id),
      platform text not null,
      platform_account_id text not null,
      name text,
      currency text not null,
      access_token_enc text not null,
      status text not null default 'connected' check (status in ('connected','disconnected','token_expired')),
      connected_at timestamptz not null default now(),
      unique (layer_id, platform_account_id)
    );

    create table campaigns (
      id text primary key,
      project_id uuid not null references projects(id),
      layer_id text not null references layers(id),
      ad_account_id text not null references ad_accounts(id),
      platform text not null,
      platform_campaign_id text,
      name text not null,
      outcome text,
      objective text,
      status text not null,
      daily_budget_cents bigint,
      lifetime_budget_cents bigint,
      authority jsonb,
      origin text not null check (origin in ('layers','platform')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (ad_account_id, platform_campaign_id)
    );
    create index campaigns_project on campaigns(project_id, platform, created_at, id);

    create table jobs (
      id text primary key,
      organization_id text not null references organizations(id),
      project_id uuid references projects(id),
      kind text not null,
      status text not null check (status in ('queued','running','completed','failed','canceled')),
      intent_id text,
      verdict_id uuid,
      decision text,
      reason text,
      pending_action_id text,
      result jsonb,
      error jsonb,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      completed_at timestamptz
    );

    -- Per-entity acceptance order: a write's entity_seq is the next value for its entity_key.
    create table entity_sequences (
      entity_key text primary key,
      last_seq bigint not null
    );

    -- The write intents: an outbox (state accepted until the gate has it) and the dispatch ledger.
    create table write_intents (
      id text primary key,
      job_id text not null references jobs(id),
      organization_id text not null,
      project_id uuid not null,
      layer_id text not null,
      platform text not null,
      operation text not null,
      entity_key text not null,
      entity_seq bigint not null,
      payload jsonb not null,
      request_id text not null,
      traceparent text,
      reply_to text,
      state text not null check (state in ('accepted','queued','denied','applied','allowed','dispatching','dispatched','failed','dead')),
      verdict_id uuid,
      attempts int not null default 0,
      lease_until timestamptz,
      failure_reason text,
      platform_result jsonb,
      accepted_at timestamptz not null default now(),
      decided_at timestamptz,
      finished_at timestamptz,
      unique (entity_key, entity_seq)
    );
    create index write_intents_unrelayed on write_intents(accepted_at) where state = 'accepted';

    create table pending_actions (
      id text primary key,
      organization_id text not null,
      project_id uuid not null,
      layer_id text not null,
      platform text not null,
      campaign_id text,
      intent_id text not null unique,
      job_id text not null,
      action_type text not null,
      entity_name text,
      current_value jsonb,
      new_value jsonb,
      rationale text,
      proposed_action jsonb not null,
      status text not null check (status in ('pending','approved','rejected','dispatched','dispatch_failed','expired')),
      actor_type text not null,
      actor_organization_id text,
      actor_api_key_id text,
      actor_user_id text,
      decided_by jsonb,
      decision_comment text,
      reject_reason text,
      approval_intent_id text,
      dispatched_at timestamptz,
      dispatched_failure_reason text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index pending_actions_layer on pending_actions(layer_id, status, created_at);

    -- One row per gate decision; id is the verdictId partners quote to support.
    create table audit_log (
      id uuid primary key,
      organization_id text not null,
      project_id uuid,
      layer_id text,
      platform text,
      occurred_at timestamptz not null default now(),
      actor_type text not null check (actor_type in ('partner','customer','optimizer','system')),
      actor_organization_id text,
      actor_api_key_id text,
      actor_user_id text,
      operation text not null,
      axis text not null,
      decision text not null check (decision in ('allow','queue_for_approval','deny')),
      reason text,
      intent_id text unique,
      entity_key text,
      pending_action_id text,
      request_id text,
      intent jsonb not null
    );
    create index audit_log_org on audit_log(organization_id, occurred_at desc, id desc);

    create table idempotency_keys (
      organization_id text not null,
      principal text not null,
      idem_key text not null,
      method text not null,
      path text not null,
      fingerprint text not null,
      state text not null check (state in ('in_flight','done')),
      status_code int,
      response_body jsonb,
      response_headers jsonb,
      created_at timestamptz not null default now(),
      primary key (organization_id, principal, idem_key)
    );

    create table dead_letters (
      id bigserial primary key,
      stream text not null,
      consumer text not null,
      stream_seq bigint not null,
      subject text not null,
      intent_id text,
      reason text not null,
      payload text not null,
      created_at timestamptz not null default now(),
      redriven_at timestamptz,
      unique (stream, stream_seq)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table if exists dead_letters, idempotency_keys, audit_log, pending_actions, write_intents,
      entity_sequences, jobs, campaigns, ad_accounts, layers, projects, api_keys, organizations cascade;
  `.execute(db);
}
