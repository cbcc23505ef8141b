import { sql, type Kysely } from "kysely";
import type { Database } from "@layers/db";
import { IllegalTransitionError, targetState } from "./transitions.ts";

/**
 * `ops dlq redrive` of a write a dispatcher gave up on (move `redrive`): the intent returns to
 * `allowed` with its attempts reset, its job runs again (`revive`) and an approved action's
 * pending row is `approved` again, in one statement. Throws `IllegalTransitionError` when the
 * intent is not `dead` (e.g. it landed meanwhile, or was redriven already).
 */
export async function redriveIntent(db: Kysely<Database>, intentId: string): Promise<void> {
  const r = await sql<{ n: number; state: string | null }>`
    with i as (
      update write_intents set state = ${targetState("intent", "redrive")}, attempts = 0, lease_until = null, failure_reason = null, failure = null, finished_at = null
      where id = ${intentId} and state = 'dead'
      returning id, job_id, payload
    ), j as (
      update jobs set status = ${targetState("job", "revive")}, error = null, completed_at = null, updated_at = now()
      where id = (select job_id from i) and status = 'failed'
    ), p as (
      update pending_actions set status = ${targetState("pending", "redrive")}, dispatched_failure_reason = null, updated_at = now()
      where id = (select payload->>'pendingActionId' from i) and status = 'dispatch_failed'
    )
    select (select count(*)::int from i) as n, (select state from write_intents where id = ${intentId}) as state`.execute(db);
  const row = r.rows[0];
  if ((row?.n ?? 0) === 0) throw new IllegalTransitionError("intent", "redrive", intentId, row?.state ?? undefined);
}
