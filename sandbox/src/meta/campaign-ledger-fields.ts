import { adLabelRefToJson } from "./adlabel-refs.ts";
import type { CampaignCreateInput } from "./campaign-create-input.ts";
import type { CampaignPatch } from "./campaign-update-input.ts";

/** What a create applied, in Graph spelling, for the ledger. Defaults the client left out are included. */
export function createLedgerFields(input: CampaignCreateInput): Record<string, unknown> {
  const f: Record<string, unknown> = {
    name: input.name,
    objective: input.objective,
    status: input.status,
    special_ad_categories: input.specialAdCategories,
    buying_type: input.buyingType,
  };
  if (input.specialAdCategoryCountry.length > 0) f.special_ad_category_country = input.specialAdCategoryCountry;
  if (input.dailyBudget !== undefined) f.daily_budget = input.dailyBudget;
  if (input.lifetimeBudget !== undefined) f.lifetime_budget = input.lifetimeBudget;
  if (input.bidStrategy !== undefined) f.bid_strategy = input.bidStrategy;
  if (input.spendCap !== undefined) f.spend_cap = input.spendCap;
  if (input.startTime !== undefined) f.start_time = input.startTime;
  if (input.stopTime !== undefined) f.stop_time = input.stopTime;
  if (input.adlabels.length > 0) f.adlabels = input.adlabels.map(adLabelRefToJson);
  return f;
}

/** What an update applied, in Graph spelling, for the ledger. */
export function patchLedgerFields(patch: CampaignPatch): Record<string, unknown> {
  const f: Record<string, unknown> = {};
  if (patch.name !== undefined) f.name = patch.name;
  if (patch.status !== undefined) f.status = patch.status;
  if (patch.dailyBudget !== undefined) f.daily_budget = patch.dailyBudget;
  if (patch.lifetimeBudget !== undefined) f.lifetime_budget = patch.lifetimeBudget;
  if (patch.bidStrategy !== undefined) f.bid_strategy = patch.bidStrategy;
  if (patch.spendCap !== undefined) f.spend_cap = patch.spendCap;
  if (patch.startTime !== undefined) f.start_time = patch.startTime;
  if (patch.stopTime !== undefined) f.stop_time = patch.stopTime;
  if (patch.specialAdCategories !== undefined) f.special_ad_categories = patch.specialAdCategories;
  if (patch.adlabels !== undefined) f.adlabels = patch.adlabels.map(adLabelRefToJson);
  if (patch.objective !== undefined) f.objective = patch.objective;
  return f;
}
