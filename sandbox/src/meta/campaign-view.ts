import type { FieldSelection } from "./field-selection.ts";
import { nonexistingField } from "./graph-errors.ts";
import { formatGraphTime } from "./graph-time.ts";
import { AD_LABEL_FIELDS, CAMPAIGN_FIELDS } from "./known-fields.ts";
import type { MetaAdLabel, MetaCampaign } from "./meta-types.ts";

export type LabelLookup = (id: string) => MetaAdLabel | undefined;

/**
 * Renders a campaign as Graph JSON with just the requested fields. Money and caps read back as
 * numeric strings, `account_id` is the bare number, and unset fields are left out.
 */
export function renderCampaign(c: MetaCampaign, selection: readonly FieldSelection[], labelOf: LabelLookup): Record<string, unknown> {
  assertCampaignSelection(selection);
  const out: Record<string, unknown> = {};
  for (const f of selection) {
    const v = campaignField(c, f, labelOf);
    if (v !== undefined) out[f.name] = v;
  }
  return out;
}

/** Refuses names Meta does not define on Campaign, even when there is nothing to render. */
export function assertCampaignSelection(selection: readonly FieldSelection[]): void {
  for (const f of selection) {
    if (!CAMPAIGN_FIELDS.has(f.name)) throw nonexistingField(f.name, "Campaign");
    if (f.name === "adlabels") for (const s of f.sub ?? []) if (!AD_LABEL_FIELDS.has(s.name)) throw nonexistingField(s.name, "AdLabel");
  }
}

function campaignField(c: MetaCampaign, f: FieldSelection, labelOf: LabelLookup): unknown {
  switch (f.name) {
    case "id": return c.id;
    case "name": return c.name;
    case "account_id": return c.accountId;
    case "objective": return c.objective;
    case "status":
    case "configured_status":
    case "effective_status":
      // A campaign has no parent to stop it, and its children never change its effective status.
      return c.status;
    case "special_ad_categories": return c.specialAdCategories;
    case "special_ad_category": return c.specialAdCategories[0] ?? "NONE";
    case "special_ad_category_country": return c.specialAdCategoryCountry.length > 0 ? c.specialAdCategoryCountry : undefined;
    case "daily_budget": return c.dailyBudget === undefined ? undefined : String(c.dailyBudget);
    case "lifetime_budget": return c.lifetimeBudget === undefined ? undefined : String(c.lifetimeBudget);
    // Nothing is ever spent in the sandbox, so the remainder is the whole budget.
    case "budget_remaining": return String(c.dailyBudget ?? c.lifetimeBudget ?? 0);
    case "bid_strategy": return c.bidStrategy;
    case "spend_cap": return c.spendCap === undefined ? undefined : String(c.spendCap);
    case "can_use_spend_cap": return true;
    case "start_time": return formatGraphTime(new Date(c.startTime));
    case "stop_time": return c.stopTime === undefined ? undefined : formatGraphTime(new Date(c.stopTime));
    case "buying_type": return c.buyingType;
    case "created_time": return formatGraphTime(new Date(c.createdTime));
    case "updated_time": return formatGraphTime(new Date(c.updatedTime));
    case "adlabels": return renderLabels(c.adlabelIds, f.sub, labelOf);
    default: return undefined;
  }
}

/** `adlabels` as Graph reads it back: `[{id,name,created_time,updated_time}]`, or the requested sub-fields plus id. */
export function renderLabels(ids: readonly string[], sub: readonly FieldSelection[] | undefined, labelOf: LabelLookup): unknown {
  const labels = ids.map(labelOf).filter((l): l is MetaAdLabel => l !== undefined);
  if (labels.length === 0) return undefined;
  const wanted = sub?.map((s) => s.name) ?? ["id", "name", "created_time", "updated_time"];
  return labels.map((l) => {
    const row: Record<string, unknown> = { id: l.id };
    if (wanted.includes("name")) row.name = l.name;
    if (wanted.includes("created_time")) row.created_time = formatGraphTime(new Date(l.createdTime));
    if (wanted.includes("updated_time")) row.updated_time = formatGraphTime(new Date(l.updatedTime));
    return row;
  });
}
