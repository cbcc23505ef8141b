import type { ColumnType, Selectable } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

/** Migration connect_ad_accounts: the org's return URL allowlist. */
export interface OauthReturnUrlsTable {
  organization_id: string;
  prefix: string;
  created_at: Timestamp;
}

/** One connection attempt; `id` is the sha256 of the state value handed to the browser. */
export interface OauthStatesTable {
  id: string;
  organization_id: string;
  project_id: string;
  platform: "meta" | "tiktok" | "apple";
  return_url: string;
  ad_account_id: Nullable<string>;
  pkce_verifier_enc: Nullable<string>;
  apple_private_key_enc: Nullable<string>;
  requested_by: Nullable<string>;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
  created_at: Timestamp;
}

export interface ConnectDatabase {
  oauth_return_urls: OauthReturnUrlsTable;
  oauth_states: OauthStatesTable;
}

export type OauthStateRow = Selectable<OauthStatesTable>;
