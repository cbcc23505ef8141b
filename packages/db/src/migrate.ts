import { type Kysely, sql } from "kysely";
import { type Migration, type MigrationProvider, Migrator } from "kysely/migration";
import pg from "pg";
import * as createCore from "./migrations/2026_11_22_00_00_00_create_core.ts";
import * as createWebhooks from "./migrations/2026_11_22_02_00_00_create_webhooks.ts";
import * as createEventOutbox from "./migrations/2026_11_22_16_30_00_create_event_outbox.ts";
import * as webhookDeliveryClaim from "./migrations/2026_11_22_17_00_00_webhook_delivery_claim.ts";
import * as createAdEntities from "./migrations/2026_11_22_18_00_00_create_ad_entities.ts";
import * as rateLimits from "./migrations/2026_11_22_19_00_00_rate_limits_and_api_kill_switch.ts";
import * as connectAdAccounts from "./migrations/2026_12_04_20_30_00_connect_ad_accounts.ts";
import * as writeLifecycle from "./migrations/2026_12_04_20_00_00_write_lifecycle.ts";
import * as gatewayCacheInvalidation from "./migrations/2026_12_04_20_30_00_gateway_cache_invalidation.ts";
import * as subOrganizations from "./migrations/2026_12_04_21_10_00_sub_organizations.ts";
import * as optimizerMetrics from "./migrations/2026_12_04_21_10_00_optimizer_metrics.ts";
import * as callBudgets from "./migrations/2026_12_04_21_10_00_call_budgets.ts";
import * as eventTraceparent from "./migrations/2026_12_05_00_00_30_event_traceparent.ts";
import * as supersededWrites from "./migrations/2026_12_05_00_05_00_superseded_writes.ts";
import * as callBudgetSchedule from "./migrations/2026_12_05_23_55_00_call_budget_schedule.ts";
import * as optimizerRunJobs from "./migrations/2026_12_05_00_04_00_optimizer_run_jobs.ts";
import * as jobCancelAndEvents from "./migrations/2026_12_05_00_02_00_job_cancel_and_events.ts";

/** Migrations in order; names are timestamps so they sort as they were written. */
const MIGRATIONS: Record<string, Migration> = {
  "2026_11_22_00_00_00_create_core": createCore,
  "2026_11_22_02_00_00_create_webhooks": createWebhooks,
  "2026_11_22_16_30_00_create_event_outbox": createEventOutbox,
  "2026_11_22_17_00_00_webhook_delivery_claim": webhookDeliveryClaim,
  "2026_11_22_18_00_00_create_ad_entities": createAdEntities,
  "2026_11_22_19_00_00_rate_limits_and_api_kill_switch": rateLimits,
  "2026_12_04_20_30_00_connect_ad_accounts": connectAdAccounts,
  "2026_12_04_20_00_00_write_lifecycle": writeLifecycle,
  "2026_12_04_20_30_00_gateway_cache_invalidation": gatewayCacheInvalidation,
  "2026_12_04_21_10_00_sub_organizations": subOrganizations,
  "2026_12_04_21_10_00_optimizer_metrics": optimizerMetrics,
  "2026_12_04_21_10_00_call_budgets": callBudgets,
  "2026_12_05_00_00_30_event_traceparent": eventTraceparent,
  "2026_12_05_00_05_00_superseded_writes": supersededWrites,
  "2026_12_05_23_55_00_call_budget_schedule": callBudgetSchedule,
  "2026_12_05_00_04_00_optimizer_run_jobs": optimizerRunJobs,
  "2026_12_05_00_02_00_job_cancel_and_events": jobCancelAndEvents,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  // Serialise concurrent migrators (several services booting at once) with an advisory lock.
  await sql`select pg_advisory_lock(727274)`.execute(db);
  try {
    const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
    if (error) throw new Error("migration failed", { cause: error });
    return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
  } finally {
    await sql`select pg_advisory_unlock(727274)`.execute(db);
  }
}

/** Creates the database named in the URL if it does not exist (dev stack and tests). */
export async function ensureDatabase(connectionString: string): Promise<void> {
  const url = new URL(connectionString);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`refusing odd database name ${name}`);
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`create database "${name}"`);
  } catch (err) {
    // Two processes racing to create the same database: the loser sees a duplicate.
    if ((err as { code?: string }).code !== "42P04" && (err as { code?: string }).code !== "23505") throw err;
  } finally {
    await client.end();
  }
}

export async function dropDatabase(connectionString: string): Promise<void> {
  const url = new URL(connectionString);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await client.end();
  }
}
