import { assertCampaignSelection, renderCampaign, renderLabels } from "./campaign-view.ts";
import { adSetEffectiveStatus } from "./effective-status.ts";
import { assertKnownFields, nestedWithId, type FieldSelection } from "./field-selection.ts";
import { nonexistingField } from "./graph-errors.ts";
import { formatGraphTime } from "./graph-time.ts";
import { AD_LABEL_FIELDS, ADSET_FIELDS } from "./known-fields.ts";
import type { MetaAdSet, MetaLookup } from "./meta-types.ts";

/**
 * Renders an ad set as Graph JSON with just the requested fields. Budgets read back as numeric
 * strings and `bid_amount` as a number (the SDK types say `unsigned int`); `campaign` is `{id}`
 * unless sub-fields are asked for; unset fields are left out.
 */
export function renderAdSet(a: MetaAdSet, selection: readonly FieldSelection[], lookup: MetaLookup): Record<string, unknown> {
  assertAdSetSelection(selection);
  const out: Record<string, unknown> = {};
  for (const f of selection) {
    const v = adSetField(a, f, lookup);
    if (v !== undefined) out[f.name] = v;
  }
  return out;
}

export function assertAdSetSelection(selection: readonly FieldSelection[]): void {
  assertKnownFields(selection, ADSET_FIELDS, "AdSet", {
    adlabels: (sub) => {
      for (const s of sub) if (!AD_LABEL_FIELDS.has(s.name)) throw nonexistingField(s.name, "AdLabel");
    },
    campaign: assertCampaignSelection,
  });
}

function adSetField(a: MetaAdSet, f: FieldSelection, lookup: MetaLookup): unknown {
  const campaign = lookup.campaign(a.campaignId);
  switch (f.name) {
    case "id": return a.id;
    case "name": return a.name;
    case "account_id": return a.accountId;
    case "campaign_id": return a.campaignId;
    case "campaign":
      if (f.sub === undefined || campaign === undefined) return { id: a.campaignId };
      return renderCampaign(campaign, nestedWithId(f.sub), (id) => lookup.label(id));
    case "status":
    case "configured_status": return a.status;
    case "effective_status": return adSetEffectiveStatus(a.status, campaign?.status);
    case "billing_event": return a.billingEvent;
    case "optimization_goal": return a.optimizationGoal;
    case "targeting": return a.targeting;
    case "daily_budget": return a.dailyBudget === undefined ? undefined : String(a.dailyBudget);
    case "lifetime_budget": return a.lifetimeBudget === undefined ? undefined : String(a.lifetimeBudget);
    // Nothing is ever spent in the sandbox; under a campaign budget the ad set has none of its own.
    case "budget_remaining": return String(a.dailyBudget ?? a.lifetimeBudget ?? 0);
    case "bid_amount": return a.bidAmount;
    case "bid_strategy": return a.bidStrategy;
    case "promoted_object": return a.promotedObject;
    case "start_time": return formatGraphTime(new Date(a.startTime));
    case "end_time": return a.endTime === undefined ? undefined : formatGraphTime(new Date(a.endTime));
    case "created_time": return formatGraphTime(new Date(a.createdTime));
    case "updated_time": return formatGraphTime(new Date(a.updatedTime));
    case "adlabels": return renderLabels(a.adlabelIds, f.sub, (id) => lookup.label(id));
    default: return undefined;
  }
}
