import type { z } from "zod";
import { createCampaignParamsSchema, lifecycleParamsSchema, updateBudgetParamsSchema, type Dispatch } from "@layers/contracts";
import type { EntityRowPatch } from "@layers/dispatch-core";
import { PermanentError } from "@layers/runtime";
import { fromMetaAmount, toMetaAmount, type MetaCampaign, type MetaFields } from "./meta/index.ts";

/** Contract outcome → Meta ODAX objective. Conversions and sales both optimise for purchases. */
export const OBJECTIVE_OF_OUTCOME: Readonly<Record<string, string>> = {
  conversions: "OUTCOME_SALES",
  sales: "OUTCOME_SALES",
  traffic: "OUTCOME_TRAFFIC",
  app_installs: "OUTCOME_APP_PROMOTION",
  awareness: "OUTCOME_AWARENESS",
  engagement: "OUTCOME_ENGAGEMENT",
  leads: "OUTCOME_LEADS",
};

/** Lifecycle operation → the campaign `status` Meta is asked to hold. */
export const STATUS_OF_OPERATION = {
  pause_campaign: "PAUSED",
  resume_campaign: "ACTIVE",
  archive_campaign: "ARCHIVED",
  delete_campaign: "DELETED",
} as const;

/** The adlabel every Layers-made campaign carries, so a create whose answer was lost can be found. */
export function markerLabel(campaignId: string): string {
  return `layers:${campaignId}`;
}

/** Columns of the Layers campaign row a landed write sets. Money in contract minor units. */
export type { EntityRowPatch };

export type MetaWrite =
  | { kind: "create"; campaignId: string; adAccountId: string; fields: MetaFields; marker: string; row: EntityRowPatch }
  | { kind: "update"; campaignId: string; fields: MetaFields; row: EntityRowPatch };

/** Translates one allowed write into the Meta call it needs. Pure: throws PermanentError for what Meta cannot take. */
export function planMetaWrite(d: Pick<Dispatch, "operation" | "params" | "currency">): MetaWrite {
  switch (d.operation) {
    case "create_campaign": {
      const p = parseParams(createCampaignParamsSchema, d.params);
      const objective = OBJECTIVE_OF_OUTCOME[p.outcome];
      if (!objective) throw new PermanentError("unsupported_outcome", `outcome ${p.outcome} has no Meta objective`);
      const budget = budgetFields(p, d.currency);
      const marker = markerLabel(p.campaignId);
      return {
        kind: "create",
        campaignId: p.campaignId,
        adAccountId: p.adAccountId,
        marker,
        fields: {
          name: p.name,
          objective,
          status: p.status,
          special_ad_categories: p.specialAdCategories,
          ...budget.fields,
          bid_strategy: p.bidStrategy,
          start_time: p.startTime,
          stop_time: p.stopTime,
          adlabels: [{ name: marker }],
        },
        row: { status: layersStatus(p.status), objective, ...budget.row },
      };
    }
    case "update_budget": {
      const p = parseParams(updateBudgetParamsSchema, d.params);
      const budget = budgetFields(p, d.currency);
      if (Object.keys(budget.fields).length === 0) throw new PermanentError("invalid_params", "update_budget needs dailyBudgetCents or lifetimeBudgetCents");
      return { kind: "update", campaignId: p.campaignId, fields: budget.fields, row: budget.row };
    }
    case "pause_campaign":
    case "resume_campaign":
    case "archive_campaign":
    case "delete_campaign": {
      const p = parseParams(lifecycleParamsSchema, d.params);
      const status = STATUS_OF_OPERATION[d.operation];
      return { kind: "update", campaignId: p.campaignId, fields: { status }, row: { status: layersStatus(status) } };
    }
    default:
      throw new PermanentError("unsupported_operation", `dispatcher-meta does not support ${d.operation}`);
  }
}

/**
 * Reconcile check for an update: true when Meta already holds every field the write sets, so an
 * earlier attempt landed and calling again would be a second mutation.
 */
export function metaHolds(current: MetaCampaign, fields: MetaFields): boolean {
  return Object.entries(fields).every(([key, want]) => {
    const have = (current as Record<string, unknown>)[key];
    if (have === undefined || have === null) return false;
    return String(have) === String(want);
  });
}

/** Graph fields to read for `metaHolds` on a given write. */
export function fieldsToVerify(fields: MetaFields): string[] {
  return Object.keys(fields);
}

/** Meta status → Layers status (`ACTIVE` → `active`). */
export function layersStatus(metaStatus: string): string {
  return metaStatus.toLowerCase();
}

/** A campaign read from Meta, in Layers terms (for sync). Budgets arrive as numeric strings. */
export function campaignFromMeta(c: MetaCampaign, currency: string) {
  return {
    platformCampaignId: c.id,
    name: c.name ?? c.id,
    status: layersStatus(c.status ?? "UNKNOWN"),
    objective: c.objective ?? null,
    dailyBudgetCents: nonZeroAmount(c.daily_budget, currency),
    lifetimeBudgetCents: nonZeroAmount(c.lifetime_budget, currency),
  };
}

function nonZeroAmount(v: string | undefined, currency: string): number | null {
  // Meta renders an unset budget as "0"; Layers keeps it as "no budget at this level".
  if (v === undefined || v === "" || v === "0") return null;
  return fromMetaAmount(v, currency);
}

function budgetFields(p: { dailyBudgetCents?: number | undefined; lifetimeBudgetCents?: number | undefined }, currency: string) {
  const fields: Record<string, number> = {};
  const row: EntityRowPatch = {};
  if (p.dailyBudgetCents !== undefined) {
    fields.daily_budget = toMetaAmount(p.dailyBudgetCents, currency);
    row.dailyBudgetCents = p.dailyBudgetCents;
  }
  if (p.lifetimeBudgetCents !== undefined) {
    fields.lifetime_budget = toMetaAmount(p.lifetimeBudgetCents, currency);
    row.lifetimeBudgetCents = p.lifetimeBudgetCents;
  }
  return { fields, row };
}

function parseParams<S extends z.ZodType>(schema: S, params: unknown): z.infer<S> {
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw new PermanentError("invalid_params", `params do not match the contract: ${parsed.error.message.slice(0, 300)}`);
  return parsed.data;
}
