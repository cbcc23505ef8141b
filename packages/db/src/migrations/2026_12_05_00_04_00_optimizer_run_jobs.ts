import { type Kysely, sql } from "kysely";

/**
 * Every optimizer run has a job (`GET /v1/jobs/:jobId`, kind `ads.optimizer.run`), created with
 * the run and moved by `@layers/lifecycle` as the run starts and ends. Runs stored before this
 * migration have none.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table optimizer_runs add column job_id text references jobs(id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table optimizer_runs drop column job_id`.execute(db);
}
