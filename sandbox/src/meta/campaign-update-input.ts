import { readAdLabelRefs } from "./adlabel-refs.ts";
import {
  readBidStrategy, readBudgets, readName, readSpecialAdCategories, readTime, type BudgetRules,
} from "./campaign-fields-input.ts";
import { CAMPAIGN_STATUSES, type CampaignStatus } from "./enums.ts";
import { readEnum, readString, readUnsignedInt, type GraphParams } from "./graph-params.ts";
import type { AdLabelRef } from "./meta-types.ts";

/** The fields a `POST /{campaign_id}` asked to change; absent keys stay as they are. */
export interface CampaignPatch {
  name?: string;
  status?: CampaignStatus;
  dailyBudget?: number;
  lifetimeBudget?: number;
  bidStrategy?: string;
  spendCap?: number;
  startTime?: string;
  stopTime?: string;
  specialAdCategories?: string[];
  adlabels?: AdLabelRef[];
  /** Sent but not changeable after create; kept so the state rules can refuse a different value. */
  objective?: string;
}

export function parseCampaignUpdate(params: GraphParams, rules: BudgetRules): CampaignPatch {
  const patch: CampaignPatch = { ...readBudgets(params, rules) };
  const name = readName(params);
  if (name !== undefined) patch.name = name;
  const status = readEnum(params, "status", CAMPAIGN_STATUSES);
  if (status !== undefined) patch.status = status;
  const bidStrategy = readBidStrategy(params);
  if (bidStrategy !== undefined) patch.bidStrategy = bidStrategy;
  const spendCap = readUnsignedInt(params, "spend_cap");
  if (spendCap !== undefined) patch.spendCap = spendCap;
  const startTime = readTime(params, "start_time");
  if (startTime !== undefined) patch.startTime = startTime;
  const stopTime = readTime(params, "stop_time");
  if (stopTime !== undefined) patch.stopTime = stopTime;
  const cats = readSpecialAdCategories(params);
  if (cats !== undefined) patch.specialAdCategories = cats;
  const adlabels = readAdLabelRefs(params);
  if (adlabels !== undefined) patch.adlabels = adlabels;
  const objective = readString(params, "objective");
  if (objective !== undefined) patch.objective = objective;
  return patch;
}

const GRAPH_NAMES: Readonly<Record<string, string>> = {
  name: "name", status: "status", dailyBudget: "daily_budget", lifetimeBudget: "lifetime_budget",
  bidStrategy: "bid_strategy", spendCap: "spend_cap", startTime: "start_time", stopTime: "stop_time",
  specialAdCategories: "special_ad_categories", adlabels: "adlabels", adlabelIds: "adlabels", objective: "objective",
};

/** Keys of a patch (raw or label-resolved) that carry a value, in Graph spelling. */
export function patchFieldNames(patch: object): string[] {
  return Object.entries(patch)
    .filter(([k, v]) => v !== undefined && GRAPH_NAMES[k] !== undefined)
    .map(([k]) => GRAPH_NAMES[k] as string);
}
