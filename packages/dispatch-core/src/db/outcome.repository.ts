import { sql } from "kysely";
import type { EntityKind } from "@layers/contracts";
import type { Db } from "@layers/db";

/**
 * What a landed write changes on the Layers row of its entity (a campaign or a child), in contract
 * units; unset fields stay as they are. `attributes` is merged into the row's attributes.
 */
export interface EntityRowPatch {
  name?: string;
  status?: string;
  objective?: string;
  dailyBudgetCents?: number;
  lifetimeBudgetCents?: number;
  bidCents?: number;
  bidStrategy?: string;
  startTime?: string;
  endTime?: string;
  targeting?: Record<string, unknown>;
  creative?: Record<string, unknown>;
  attributes?: Record<string, unknown>;
}

/** The Layers entity a write acts on. */
export interface EntityRef {
  kind: EntityKind;
  id: string;
}

/** How a claimed write ended. `dead` = gave up after bounded attempts; `failed` = the platform (or we) refused it for good. */
export type Outcome =
  | { kind: "landed"; platformId: string; reconciled: boolean; created: boolean; row: EntityRowPatch }
  | { kind: "failed" | "dead"; code: string; message: string };

export interface OutcomeTarget {
  intentId: string;
  /** The claim's fencing token: nothing is recorded if another claim has taken over since. */
  attempts: number;
  jobId: string;
  operation: string;
  campaignId?: string | undefined;
  /** The entity whose row the landed write updates; absent for writes whose params name none. */
  entity?: EntityRef | undefined;
  pendingActionId?: string | undefined;
}

/** Stored in `write_intents.platform_result` and echoed as the job result. */
export function landedResult(t: OutcomeTarget, o: Extract<Outcome, { kind: "landed" }>) {
  const entity = t.entity ?? (t.campaignId ? { kind: "campaign" as const, id: t.campaignId } : undefined);
  return {
    platformId: o.platformId,
    ...(entity?.kind === "campaign" ? { platformCampaignId: o.platformId } : {}),
    campaignId: t.campaignId,
    ...(entity ? { entityKind: entity.kind, entityId: entity.id } : {}),
    operation: t.operation,
    reconciled: o.reconciled,
  };
}

export function failureReason(o: Extract<Outcome, { kind: "failed" | "dead" }>): string {
  return `${o.code}: ${o.message}`.slice(0, 2000);
}

const jsonb = (v: unknown) => (v === null || v === undefined ? sql`null::jsonb` : sql`${JSON.stringify(v)}::jsonb`);

/**
 * Records the outcome atomically: intent, entity row, job and pending action. One statement
 * (data-modifying CTEs) rather than a transaction of four, because round trips to Postgres are
 * what bounds a dispatcher's throughput. Every update hangs off the intent update, which only
 * matches while this claim still holds the lease: returns false, changing nothing, when another
 * instance has taken the write over.
 */
export async function recordOutcome(db: Db, t: OutcomeTarget, o: Outcome, at: Date): Promise<boolean> {
  const landed = o.kind === "landed";
  const entity = t.entity ?? (t.campaignId ? { kind: "campaign" as const, id: t.campaignId } : undefined);
  const result = landed ? landedResult(t, o) : null;
  const reason = landed ? null : failureReason(o);
  const row: EntityRowPatch = landed ? o.row : {};
  const platformId = landed && o.created ? o.platformId : null;
  const entityId = landed ? (entity?.id ?? null) : null;
  const table = entity?.kind === "campaign" || entity === undefined ? sql.raw("campaigns") : sql.raw("ad_entities");
  const platformIdColumn = entity?.kind === "campaign" || entity === undefined ? sql.raw("platform_campaign_id") : sql.raw("platform_entity_id");
  const r = await sql<{ n: number }>`
    with i as (
      update write_intents
      set state = ${landed ? "dispatched" : o.kind}, platform_result = ${jsonb(result)}, failure_reason = ${reason}, finished_at = ${at}, lease_until = null
      where id = ${t.intentId} and state = 'dispatching' and attempts = ${t.attempts}
      returning id
    ), e as (
      update ${table}
      set ${platformIdColumn} = coalesce(${platformId}::text, ${platformIdColumn}),
        name = coalesce(${row.name ?? null}::text, name),
        status = coalesce(${row.status ?? null}::text, status),
        daily_budget_cents = coalesce(${row.dailyBudgetCents ?? null}::bigint, daily_budget_cents),
        lifetime_budget_cents = coalesce(${row.lifetimeBudgetCents ?? null}::bigint, lifetime_budget_cents),
        bid_strategy = coalesce(${row.bidStrategy ?? null}::text, bid_strategy),
        start_time = coalesce(${row.startTime ?? null}::timestamptz, start_time),
        end_time = coalesce(${row.endTime ?? null}::timestamptz, end_time),
        targeting = coalesce(${jsonb(row.targeting)}, targeting),
        attributes = attributes || coalesce(${jsonb(row.attributes)}, '{}'::jsonb),
        ${entity?.kind === "campaign" || entity === undefined
          ? sql`objective = coalesce(${row.objective ?? null}::text, objective)`
          : sql`bid_cents = coalesce(${row.bidCents ?? null}::bigint, bid_cents), creative = coalesce(${jsonb(row.creative)}, creative)`},
        updated_at = ${at}
      where id = ${entityId} and exists (select 1 from i)
    ), j as (
      update jobs
      set status = ${landed ? "completed" : "failed"}, result = ${jsonb(result)},
        error = ${jsonb(landed ? null : { code: "PLATFORM_ERROR", message: o.message, reason: o.code })}, completed_at = ${at}, updated_at = ${at}
      where id = ${t.jobId} and exists (select 1 from i)
    ), p as (
      update pending_actions
      set status = ${landed ? "dispatched" : "dispatch_failed"}, dispatched_at = ${landed ? at : null}, dispatched_failure_reason = ${reason}, updated_at = ${at}
      where id = ${t.pendingActionId ?? null} and exists (select 1 from i)
    )
    select count(*)::int as n from i`.execute(db);
  return (r.rows[0]?.n ?? 0) > 0;
}
