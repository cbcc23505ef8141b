import type { CreateCampaignParams } from "@layers/contracts";
import { PLATFORM_SURFACE } from "@layers/contracts";
import { PermanentError } from "@layers/runtime";
import type { MetaPlan } from "./meta-plan.ts";
import { fromMetaAmount, type MetaCampaign } from "./meta/index.ts";
import { budgetFields, checkBidStrategy, layersStatus, markerLabel } from "./plan-fields.ts";

export { layersStatus, markerLabel } from "./plan-fields.ts";

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

/** `POST /act_{id}/campaigns` for a Layers campaign, carrying its marker adlabel. */
export function planCreateCampaign(p: CreateCampaignParams, currency: string): MetaPlan {
  const objective = OBJECTIVE_OF_OUTCOME[p.outcome];
  if (!objective) throw new PermanentError("unsupported_outcome", `outcome ${p.outcome} has no Meta objective`);
  checkBidStrategy(p.bidStrategy, PLATFORM_SURFACE.meta.campaign?.bidStrategies);
  const budget = budgetFields(p, currency);
  const marker = markerLabel(p.campaignId);
  return {
    call: {
      kind: "create_campaign",
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
    },
    entity: { kind: "campaign", id: p.campaignId },
    created: true,
    row: { status: layersStatus(p.status), objective, ...budget.row },
  };
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

/** A budget or bid read from Meta → minor units, or null when unset. */
export function nonZeroAmount(v: string | number | undefined, currency: string): number | null {
  // Meta renders an unset budget as "0"; Layers keeps it as "no budget at this level".
  if (v === undefined || v === "" || v === "0" || v === 0) return null;
  return fromMetaAmount(v, currency);
}
