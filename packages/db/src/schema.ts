import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";
import type { WebhooksDatabase } from "./webhooks-schema.ts";
import type { ConnectDatabase } from "./connect-schema.ts";

/** Timestamps come back as Date; inserts may pass a Date or ISO string or rely on the default. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** bigint columns are parsed to number (see db.ts); money stays well inside 2^53. */
type BigNum = ColumnType<number, number | bigint, number | bigint>;
type Json<T = unknown> = ColumnType<T, string, string>;

export interface OrganizationsTable {
  id: string;
  name: string;
  parent_id: string | null;
  created_at: Timestamp;
  status: ColumnType<OrgStatus, OrgStatus | undefined, OrgStatus>;
  /** Stripe-shaped: string → string. */
  metadata: ColumnType<Record<string, string>, string | undefined, string>;
  updated_at: Timestamp;
}
export type OrgStatus = "active" | "suspended" | "archived";

export interface ApiKeysTable {
  id: string;
  organization_id: string;
  name: string;
  secret_hash: string;
  last4: string;
  scopes: string[];
  status: ColumnType<"active" | "revoked", "active" | "revoked" | undefined, "active" | "revoked">;
  created_at: Timestamp;
  revoked_at: NullableTimestamp;
  last_used_at: NullableTimestamp;
  rate_tier: ColumnType<string, string | undefined, string>;
  /** The secret a rotation replaced; it authenticates until `previous_secret_expires_at`. */
  previous_secret_hash: ColumnType<string | null, string | null | undefined, string | null>;
  previous_secret_expires_at: NullableTimestamp;
}

export interface RateLimitWindowsTable {
  partition_key: string;
  policy: string;
  window_start: Timestamp;
  count: number;
}

/** One platform account's call budget, shared by every instance of the platform's dispatcher. */
export interface CallBudgetsTable {
  platform: string;
  account_key: string;
  rate: number;
  base_rate: number;
  burst: number;
  tokens: number;
  refilled_at: ColumnType<Date, Date | undefined, Date>;
  paused_until: NullableTimestamp;
  adjusted_at: ColumnType<Date, Date | undefined, Date>;
  throttles: ColumnType<string, number | undefined, number>;
  /** While ahead, the account's writes are published by the budget waker only (migration call_budget_schedule). */
  scheduled_until: NullableTimestamp;
}

/** One budget change a Meta ad set took (or is about to take), per intent; dispatcher-meta owns it. */
export interface MetaAdsetBudgetChangesTable {
  ad_set_id: string;
  intent_id: string;
  changed_at: ColumnType<Date, Date | undefined, Date>;
}

/** A booking of the budget waker: a write it published that has not drawn yet (counts as on its way until `booked_until`). */
export interface CallBudgetWaitsTable {
  intent_id: string;
  platform: string;
  account_key: string;
  parked_at: ColumnType<Date, Date | undefined, Date>;
  booked_until: NullableTimestamp;
}

export interface ApiKillSwitchesTable {
  scope: "global" | "org" | "key";
  target: string;
  reason: string | null;
  activated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ProjectsTable {
  id: string;
  organization_id: string;
  name: string;
  customer_external_id: string | null;
  timezone: string | null;
  primary_language: string | null;
  status: ColumnType<"active" | "archived", "active" | "archived" | undefined, "active" | "archived">;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface LayersTable {
  id: string;
  project_id: string;
  platform: "meta" | "tiktok" | "apple";
  currency: ColumnType<string, string | undefined, string>;
  defaults: Json;
  ceiling: Json;
  kill_switch_active: ColumnType<boolean, boolean | undefined, boolean>;
  kill_switch_reason: string | null;
  partner_writes_enabled: ColumnType<boolean, boolean | undefined, boolean>;
  max_daily_budget_cents: ColumnType<number | null, number | null | undefined, number | null>;
  writer_preset: "END_TO_END" | "ADGROUP_GRAIN" | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AdAccountsTable {
  id: string;
  project_id: string;
  layer_id: string;
  platform: string;
  platform_account_id: string;
  name: string | null;
  currency: string;
  access_token_enc: string;
  status: ColumnType<string, string | undefined, string>;
  connected_at: Timestamp;
  /** Migration connect_ad_accounts: set by the OAuth / Apple connect flow. */
  token_expires_at: NullableTimestamp;
  credentials_enc: ColumnType<string | null, string | null | undefined, string | null>;
  grant_id: ColumnType<string | null, string | null | undefined, string | null>;
  disconnected_at: NullableTimestamp;
}

export interface CampaignsTable {
  id: string;
  project_id: string;
  layer_id: string;
  ad_account_id: string;
  platform: string;
  platform_campaign_id: string | null;
  name: string;
  outcome: string | null;
  objective: string | null;
  status: string;
  daily_budget_cents: ColumnType<number | null, number | null | undefined, number | null>;
  lifetime_budget_cents: ColumnType<number | null, number | null | undefined, number | null>;
  authority: Json | null;
  origin: "layers" | "platform";
  bid_strategy: string | null;
  start_time: NullableTimestamp;
  end_time: NullableTimestamp;
  targeting: Json | null;
  attributes: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Ad sets / ad groups, ads and keywords (migration create_ad_entities). */
export interface AdEntitiesTable {
  id: string;
  kind: "adset" | "adgroup" | "ad" | "keyword";
  project_id: string;
  layer_id: string;
  ad_account_id: string;
  platform: string;
  campaign_id: string;
  parent_id: string | null;
  platform_entity_id: string | null;
  name: string;
  status: string;
  daily_budget_cents: ColumnType<number | null, number | null | undefined, number | null>;
  lifetime_budget_cents: ColumnType<number | null, number | null | undefined, number | null>;
  bid_cents: ColumnType<number | null, number | null | undefined, number | null>;
  bid_strategy: string | null;
  start_time: NullableTimestamp;
  end_time: NullableTimestamp;
  targeting: Json | null;
  creative: Json | null;
  attributes: ColumnType<Record<string, unknown>, string | undefined, string>;
  origin: "layers" | "platform";
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type JobStatus = "queued" | "running" | "completed" | "failed" | "canceled";
export interface JobsTable {
  id: string;
  organization_id: string;
  project_id: string | null;
  kind: string;
  status: JobStatus;
  intent_id: string | null;
  verdict_id: string | null;
  decision: string | null;
  reason: string | null;
  pending_action_id: string | null;
  result: Json | null;
  error: Json | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  completed_at: NullableTimestamp;
  /** The job's status-change counter, kept by a trigger (migration job_cancel_and_events). */
  event_seq: ColumnType<number, never, never>;
}

/** One row per job status change, written by the jobs trigger (migration job_cancel_and_events). */
export interface JobEventsTable {
  job_id: string;
  seq: number;
  status: JobStatus;
  /** The jobs row as it was after the change (`to_jsonb`). */
  job: Json;
  created_at: Timestamp;
}

export interface EntitySequencesTable {
  entity_key: string;
  last_seq: BigNum;
}

export type IntentState =
  | "accepted" // stored by the gateway; the gate has not decided yet
  | "queued" // the gate queued it for approval
  | "denied"
  | "applied" // a policy operation the gate applied in Postgres
  | "allowed" // waiting for its dispatcher
  | "dispatching" // a dispatcher holds the lease and is calling the platform
  | "dispatched"
  | "failed" // the platform refused it for good
  | "dead" // poison: bounded attempts exhausted, kept for inspection and redrive
  | "superseded" // a newer write waiting behind it sets the same value: never sent (Meta ad set budgets)
  | "canceled"; // canceled by its job's cancel before any dispatcher took it
export interface WriteIntentsTable {
  id: string;
  job_id: string;
  organization_id: string;
  project_id: string;
  layer_id: string;
  platform: string;
  operation: string;
  entity_key: string;
  entity_seq: BigNum;
  payload: Json;
  request_id: string;
  traceparent: string | null;
  reply_to: string | null;
  state: IntentState;
  verdict_id: string | null;
  attempts: ColumnType<number, number | undefined, number>;
  lease_until: NullableTimestamp;
  failure_reason: string | null;
  /** Typed failure `{code, message}` (failure_reason is its human text). */
  failure: ColumnType<unknown, string | null | undefined, string | null>;
  /** The dispatch message, stored with the gate's allow (hand-on and sweep). */
  dispatch: ColumnType<unknown, string | null | undefined, string | null>;
  platform_result: Json | null;
  accepted_at: Timestamp;
  decided_at: NullableTimestamp;
  finished_at: NullableTimestamp;
}

export type PendingStatus = "pending" | "approved" | "rejected" | "dispatched" | "dispatch_failed" | "expired" | "canceled";
export interface PendingActionsTable {
  id: string;
  organization_id: string;
  project_id: string;
  layer_id: string;
  platform: string;
  campaign_id: string | null;
  intent_id: string;
  job_id: string;
  action_type: string;
  entity_name: string | null;
  current_value: Json | null;
  new_value: Json | null;
  rationale: string | null;
  proposed_action: Json;
  status: PendingStatus;
  actor_type: string;
  actor_organization_id: string | null;
  actor_api_key_id: string | null;
  actor_user_id: string | null;
  decided_by: Json | null;
  decision_comment: string | null;
  reject_reason: string | null;
  approval_intent_id: string | null;
  dispatched_at: NullableTimestamp;
  dispatched_failure_reason: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AuditLogTable {
  id: string;
  organization_id: string;
  project_id: string | null;
  layer_id: string | null;
  platform: string | null;
  occurred_at: Timestamp;
  actor_type: "partner" | "customer" | "optimizer" | "system";
  actor_organization_id: string | null;
  actor_api_key_id: string | null;
  actor_user_id: string | null;
  /** The child org a parent key acted inside (`X-Layers-Organization`); null otherwise. */
  actor_on_behalf_of: ColumnType<string | null, string | null | undefined, string | null>;
  operation: string;
  axis: string;
  /** `cancel`: a job canceled by its principal (not a gate decision; intent_id is null). */
  decision: "allow" | "queue_for_approval" | "deny" | "cancel";
  reason: string | null;
  intent_id: string | null;
  entity_key: string | null;
  pending_action_id: string | null;
  request_id: string | null;
  intent: Json;
}

export interface IdempotencyKeysTable {
  organization_id: string;
  principal: string;
  idem_key: string;
  method: string;
  path: string;
  fingerprint: string;
  state: "in_flight" | "done";
  status_code: number | null;
  response_body: Json | null;
  response_headers: Json<Record<string, string>> | null;
  created_at: Timestamp;
}

/** Events stored with the state change they report, published right after and by the relay when that fails. */
export interface EventOutboxTable {
  /** The event id (`evt_…`), also its JetStream msg id. */
  id: string;
  /** The event type: it is published to `<prefix>.event.<subject_type>`. */
  subject_type: string;
  /** The whole event envelope (`eventSchema`). */
  payload: Json;
  request_id: string | null;
  traceparent: string | null;
  created_at: Timestamp;
  published_at: NullableTimestamp;
}

export interface DeadLettersTable {
  id: Generated<number>;
  stream: string;
  consumer: string;
  stream_seq: BigNum;
  subject: string;
  intent_id: string | null;
  reason: string;
  payload: string;
  created_at: Timestamp;
  redriven_at: NullableTimestamp;
}

/** Daily performance per entity, owned by the optimizer (migration optimizer_metrics). */
export interface AdMetricsDailyTable {
  entity_id: string;
  /** Written as `YYYY-MM-DD`; select it with `to_char(date, 'YYYY-MM-DD')` (pg reads a date as a local-time Date). */
  date: ColumnType<Date | string, string, string>;
  layer_id: string;
  project_id: string;
  platform: "meta" | "tiktok" | "apple";
  level: "campaign" | "adset" | "adgroup" | "ad" | "keyword";
  spend_cents: ColumnType<number, number, number>;
  impressions: ColumnType<number, number, number>;
  clicks: ColumnType<number, number, number>;
  conversions: ColumnType<number, number, number>;
  synced_at: Timestamp;
}

export type OptimizerRunStatus = "queued" | "running" | "completed" | "failed";
/** Optimizer runs (migration optimizer_metrics). */
export interface OptimizerRunsTable {
  id: string;
  organization_id: string;
  project_id: string;
  layer_id: string;
  platform: "meta" | "tiktok" | "apple";
  status: OptimizerRunStatus;
  trigger: "api" | "schedule";
  dry_run: boolean;
  tick: ColumnType<number | null, number | null | undefined, number | null>;
  window_since: ColumnType<Date | string, string, string>;
  window_until: ColumnType<Date | string, string, string>;
  summary: Json | null;
  error: Json | null;
  request_id: string | null;
  /** The run's job (`ads.optimizer.run`); null for runs stored before jobs were made for runs. */
  job_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  started_at: NullableTimestamp;
  completed_at: NullableTimestamp;
}

export interface OptimizerProposalsTable {
  id: string;
  run_id: string;
  layer_id: string;
  position: number;
  rule: string;
  action_type: string;
  entity_id: string;
  entity_level: string;
  entity_name: string;
  proposal_key: string;
  current_value: Json | null;
  new_value: Json | null;
  rationale: string;
  evidence: Json;
  dry_run: boolean;
  decision: string | null;
  reason: string | null;
  verdict_id: string | null;
  pending_action_id: string | null;
  intent_id: string | null;
  job_id: string | null;
  created_at: Timestamp;
}

export interface CreativeOverridesTable {
  project_id: string;
  creative_id: string;
  override: "include" | "exclude";
  updated_at: Timestamp;
}

export interface Database extends WebhooksDatabase, ConnectDatabase {
  organizations: OrganizationsTable;
  api_keys: ApiKeysTable;
  projects: ProjectsTable;
  layers: LayersTable;
  ad_accounts: AdAccountsTable;
  campaigns: CampaignsTable;
  ad_entities: AdEntitiesTable;
  rate_limit_windows: RateLimitWindowsTable;
  api_kill_switches: ApiKillSwitchesTable;
  call_budgets: CallBudgetsTable;
  call_budget_waits: CallBudgetWaitsTable;
  meta_adset_budget_changes: MetaAdsetBudgetChangesTable;
  jobs: JobsTable;
  job_events: JobEventsTable;
  entity_sequences: EntitySequencesTable;
  write_intents: WriteIntentsTable;
  pending_actions: PendingActionsTable;
  audit_log: AuditLogTable;
  idempotency_keys: IdempotencyKeysTable;
  dead_letters: DeadLettersTable;
  event_outbox: EventOutboxTable;
  ad_metrics_daily: AdMetricsDailyTable;
  optimizer_runs: OptimizerRunsTable;
  optimizer_proposals: OptimizerProposalsTable;
  creative_overrides: CreativeOverridesTable;
  ad_metrics_sync_ticks: AdMetricsSyncTicksTable;
}

/** The last schedule tick whose metrics sync each layer got (one optimizer instance claims each). */
export interface AdMetricsSyncTicksTable {
  layer_id: string;
  tick: number;
  claimed_at: Timestamp;
}

export type LayerRow = Selectable<LayersTable>;
export type CampaignRow = Selectable<CampaignsTable>;
export type AdEntityRow = Selectable<AdEntitiesTable>;
export type JobRow = Selectable<JobsTable>;
export type WriteIntentRow = Selectable<WriteIntentsTable>;
export type PendingActionRow = Selectable<PendingActionsTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type AdAccountRow = Selectable<AdAccountsTable>;
export type ProjectRow = Selectable<ProjectsTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type OrganizationRow = Selectable<OrganizationsTable>;
export type EventOutboxRow = Selectable<EventOutboxTable>;
export type InsertableAuditRow = Insertable<AuditLogTable>;
export type UpdateableCampaignRow = Updateable<CampaignsTable>;
