import { sql } from "kysely";
import type { Db } from "@layers/db";

/** What a landed write changes on the `campaigns` row (contract units); unset fields stay as they are. */
export interface CampaignRowPatch {
  status?: string;
  objective?: string;
  dailyBudgetCents?: number;
  lifetimeBudgetCents?: number;
}

/** How a claimed write ended. `dead` = gave up after bounded attempts; `failed` = the platform (or we) refused it for good. */
export type Outcome =
  | { kind: "landed"; platformCampaignId: string; reconciled: boolean; created: boolean; row: CampaignRowPatch }
  | { kind: "failed" | "dead"; code: string; message: string };

export interface OutcomeTarget {
  intentId: string;
  /** The claim's fencing token: nothing is recorded if another claim has taken over since. */
  attempts: number;
  jobId: string;
  operation: string;
  campaignId?: string | undefined;
  pendingActionId?: string | undefined;
}

/** Stored in `write_intents.platform_result` and echoed as the job result. */
export function landedResult(t: OutcomeTarget, o: Extract<Outcome, { kind: "landed" }>) {
  return { platformId: o.platformCampaignId, platformCampaignId: o.platformCampaignId, campaignId: t.campaignId, operation: t.operation, reconciled: o.reconciled };
}

export function failureReason(o: Extract<Outcome, { kind: "failed" | "dead" }>): string {
  return `${o.code}: ${o.message}`.slice(0, 2000);
}

const jsonb = (v: unknown) => (v === null ? sql`null::jsonb` : sql`${JSON.stringify(v)}::jsonb`);

/**
 * Records the outcome atomically: intent, campaign row, job and pending action. One statement
 * (data-modifying CTEs) rather than a transaction of four, because round trips to Postgres are
 * what bounds a dispatcher's throughput. Every update hangs off the intent update, which only
 * matches while this claim still holds the lease: returns false, changing nothing, when another
 * instance has taken the write over.
 */
export async function recordOutcome(db: Db, t: OutcomeTarget, o: Outcome, at: Date): Promise<boolean> {
  const f =
    o.kind === "landed"
      ? {
          state: "dispatched",
          result: landedResult(t, o),
          reason: null,
          error: null,
          jobStatus: "completed",
          paStatus: "dispatched",
          dispatchedAt: at,
          campaignId: t.campaignId ?? null,
          platformCampaignId: o.created ? o.platformCampaignId : null,
          row: o.row,
        }
      : {
          state: o.kind,
          result: null,
          reason: failureReason(o),
          error: { code: "PLATFORM_ERROR", message: o.message, reason: o.code },
          jobStatus: "failed",
          paStatus: "dispatch_failed",
          dispatchedAt: null,
          campaignId: null,
          platformCampaignId: null,
          row: {} as CampaignRowPatch,
        };
  const r = await sql<{ n: number }>`
    with i as (
      update write_intents
      set state = ${f.state}, platform_result = ${jsonb(f.result)}, failure_reason = ${f.reason}, finished_at = ${at}, lease_until = null
      where id = ${t.intentId} and state = 'dispatching' and attempts = ${t.attempts}
      returning id
    ), c as (
      update campaigns
      set platform_campaign_id = coalesce(${f.platformCampaignId}::text, platform_campaign_id),
        status = coalesce(${f.row.status ?? null}::text, status),
        objective = coalesce(${f.row.objective ?? null}::text, objective),
        daily_budget_cents = coalesce(${f.row.dailyBudgetCents ?? null}::bigint, daily_budget_cents),
        lifetime_budget_cents = coalesce(${f.row.lifetimeBudgetCents ?? null}::bigint, lifetime_budget_cents),
        updated_at = ${at}
      where id = ${f.campaignId} and exists (select 1 from i)
    ), j as (
      update jobs
      set status = ${f.jobStatus}, result = ${jsonb(f.result)}, error = ${jsonb(f.error)}, completed_at = ${at}, updated_at = ${at}
      where id = ${t.jobId} and exists (select 1 from i)
    ), p as (
      update pending_actions
      set status = ${f.paStatus}, dispatched_at = ${f.dispatchedAt}, dispatched_failure_reason = ${f.reason}, updated_at = ${at}
      where id = ${t.pendingActionId ?? null} and exists (select 1 from i)
    )
    select count(*)::int as n from i`.execute(db);
  return (r.rows[0]?.n ?? 0) > 0;
}
