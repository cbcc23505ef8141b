import { type Kysely, sql } from "kysely";

/**
 * Connecting customers' ad accounts (issue 9): the org's allowlist of return URL prefixes, the
 * one-time `state` of each connection attempt, and on `ad_accounts` what a connection leaves:
 * when the token expires, the sealed Apple credentials (the private key access tokens are minted
 * from), and the grant an account came from (accounts of one grant share one platform token, so
 * it is revoked at the platform only when the last of them is disconnected).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table oauth_return_urls (
      organization_id text not null references organizations(id),
      prefix text not null,
      created_at timestamptz not null default now(),
      primary key (organization_id, prefix)
    );

    create table oauth_states (
      -- sha256 of the state value: the value itself is only ever in the browser's URL.
      id text primary key,
      organization_id text not null references organizations(id),
      project_id uuid not null references projects(id),
      platform text not null check (platform in ('meta','tiktok','apple')),
      return_url text not null,
      ad_account_id text references ad_accounts(id),
      -- Sealed: the PKCE verifier (Meta) and the connection's Apple private key (Apple).
      pkce_verifier_enc text,
      apple_private_key_enc text,
      requested_by text,
      expires_at timestamptz not null,
      used_at timestamptz,
      created_at timestamptz not null default now()
    );
    create index oauth_states_expiry on oauth_states(expires_at);

    alter table ad_accounts
      add column token_expires_at timestamptz,
      add column credentials_enc text,
      add column grant_id text,
      add column disconnected_at timestamptz;
    create index ad_accounts_grant on ad_accounts(grant_id) where grant_id is not null;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table if exists oauth_states, oauth_return_urls;
    alter table ad_accounts
      drop column if exists token_expires_at,
      drop column if exists credentials_enc,
      drop column if exists grant_id,
      drop column if exists disconnected_at;
  `.execute(db);
}
