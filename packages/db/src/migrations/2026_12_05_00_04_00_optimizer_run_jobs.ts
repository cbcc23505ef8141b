import { type Kysely, sql } from "kysely";

/**
 * Every optimizer run has a job (`GET /v1/jobs/:jobId`, kind `ads.optimizer.run`), created with
 * the run and moved by `@layers/lifecycle` as the run starts and ends. Runs stored before this
 * migration have none.
 *
 * `ad_metrics_sync_ticks`: the last schedule tick whose metrics sync a layer got. Layers the
 * optimizer does not run (no consent) still get their metrics synced on the schedule; the row lets
 * exactly one optimizer instance claim each (layer, tick).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table optimizer_runs add column job_id text references jobs(id);
    create table ad_metrics_sync_ticks (
      layer_id text primary key references layers(id),
      tick bigint not null,
      claimed_at timestamptz not null default now()
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table ad_metrics_sync_ticks; alter table optimizer_runs drop column job_id`.execute(db);
}
