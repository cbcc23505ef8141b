import { sql, type Kysely } from "kysely";
import type { Database, Db, WebhookEndpointRow } from "@layers/db";

export interface AttemptRecord {
  deliveryId: string;
  endpointId: string;
  attemptNo: number;
  startedAt: Date;
  statusCode: number | null;
  latencyMs: number | null;
  error: string | null;
  responseExcerpt: string | null;
  /** What the delivery becomes: `pending` with `nextDelayMs` for another attempt. */
  status: "pending" | "succeeded" | "failed";
  nextDelayMs: number | null;
}

export interface RecordOutcome {
  /** False when this attempt no longer owned the delivery (another claim took over); the attempt row is kept all the same. */
  owned: boolean;
  /** After a failure: the endpoint's run of failures has lasted `disableAfterMs` (and it is still enabled). */
  failingTooLong: boolean;
  /** The endpoint's `failing_since` before this attempt (the start of the run it ended or extended). */
  failingSince: Date | null;
}

/**
 * Records one attempt in one statement: the attempt row, the delivery (guarded by the attempt
 * number, the claim's fencing token) and the endpoint's `failing_since` (cleared by a success, set
 * by the first failure of a run). An `interrupted` placeholder for the same attempt is overwritten.
 * (Postgres runs every data-modifying CTE to completion whether or not the final select reads it.)
 */
export async function recordAttempt(db: Kysely<Database>, r: AttemptRecord, disableAfterMs: number): Promise<RecordOutcome> {
  const succeeded = r.status === "succeeded";
  const { rows } = await sql<{ owned: number; failing_too_long: boolean | null; failing_since: Date | null }>`
    with att as (
      insert into webhook_attempts (delivery_id, attempt_no, started_at, status_code, latency_ms, error, response_excerpt)
      values (${r.deliveryId}, ${r.attemptNo}, ${r.startedAt}, ${r.statusCode}, ${r.latencyMs}, ${r.error}, ${r.responseExcerpt})
      on conflict (delivery_id, attempt_no) do update set
        started_at = excluded.started_at, status_code = excluded.status_code, latency_ms = excluded.latency_ms,
        error = excluded.error, response_excerpt = excluded.response_excerpt
      returning id
    ),
    upd as (
      update webhook_deliveries set
        status = ${r.status}::text,
        next_attempt_at = case when ${r.nextDelayMs}::int is null then null
                               else statement_timestamp() + ${r.nextDelayMs}::int * interval '1 millisecond' end,
        lease_until = null,
        last_status_code = ${r.statusCode}::int,
        last_error = ${r.error}::text,
        updated_at = statement_timestamp(),
        completed_at = case when ${r.status}::text = 'pending' then null else statement_timestamp() end
      where id = ${r.deliveryId} and attempt_count = ${r.attemptNo} and status = 'pending'
      returning id
    ),
    before as (
      select failing_since, enabled and deleted_at is null as live from webhook_endpoints where id = ${r.endpointId}
    ),
    health as (
      update webhook_endpoints set failing_since = ${succeeded ? sql`null` : sql`statement_timestamp()`}
      where id = ${r.endpointId} and ${succeeded ? sql`failing_since is not null` : sql`failing_since is null`}
      returning id
    )
    select (select count(*)::int from upd) as owned,
      ${!succeeded} and (select live from before)
        and (select failing_since from before) <= statement_timestamp() - ${disableAfterMs}::bigint * interval '1 millisecond'
        as failing_too_long,
      (select failing_since from before) as failing_since
  `.execute(db);
  const row = rows[0]!;
  return { owned: row.owned === 1, failingTooLong: row.failing_too_long === true, failingSince: row.failing_since };
}

/** The attempt a crashed worker never recorded: it may or may not have reached the receiver. */
export async function recordInterrupted(db: Db, deliveryId: string, attemptNo: number, startedAt: Date): Promise<void> {
  await db
    .insertInto("webhook_attempts")
    .values({
      delivery_id: deliveryId,
      attempt_no: attemptNo,
      started_at: startedAt,
      status_code: null,
      latency_ms: null,
      error: "interrupted: the worker stopped before recording this attempt's outcome (it may have been delivered)",
      response_excerpt: null,
    })
    .onConflict((oc) => oc.columns(["delivery_id", "attempt_no"]).doNothing())
    .execute();
}

/**
 * Disables a live endpoint and fails its pending deliveries that no attempt holds, in the caller's
 * transaction. Undefined when it was already disabled or deleted (someone else got there first).
 */
export async function disableEndpoint(db: Kysely<Database>, endpointId: string, reason: string): Promise<WebhookEndpointRow | undefined> {
  const row = await db
    .updateTable("webhook_endpoints")
    .set({ enabled: false, disabled_reason: reason, disabled_at: sql<Date>`statement_timestamp()`, updated_at: sql<Date>`statement_timestamp()` })
    .where("id", "=", endpointId)
    .where("enabled", "=", true)
    .where("deleted_at", "is", null)
    .returningAll()
    .executeTakeFirst();
  if (!row) return undefined;
  await sql`
    update webhook_deliveries set status = 'failed', next_attempt_at = null, lease_until = null,
      last_error = ${`the endpoint is disabled: ${reason}`}, completed_at = statement_timestamp(), updated_at = statement_timestamp()
    where endpoint_id = ${endpointId} and status = 'pending' and (lease_until is null or lease_until <= statement_timestamp())
  `.execute(db);
  return row;
}
