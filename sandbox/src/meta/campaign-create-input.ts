import { readAdLabelRefs } from "./adlabel-refs.ts";
import {
  readBidStrategy, readBudgets, readCountries, readName, readSpecialAdCategories, readTime, type BudgetRules,
} from "./campaign-fields-input.ts";
import { BUYING_TYPES, CREATE_STATUSES, LEGACY_OBJECTIVES, OBJECTIVES, type Objective } from "./enums.ts";
import { invalidParam, missingParam } from "./graph-errors.ts";
import { readEnum, readString, readUnsignedInt, type GraphParams } from "./graph-params.ts";
import type { AdLabelRef } from "./meta-types.ts";

/** A validated `POST /act_{id}/campaigns`. */
export interface CampaignCreateInput {
  name: string;
  objective: Objective;
  status: "ACTIVE" | "PAUSED";
  specialAdCategories: string[];
  specialAdCategoryCountry: string[];
  dailyBudget?: number;
  lifetimeBudget?: number;
  bidStrategy?: string;
  spendCap?: number;
  startTime?: string;
  stopTime?: string;
  buyingType: string;
  adlabels: AdLabelRef[];
}

/**
 * Status defaults to ACTIVE when omitted, as on Meta; that is why careful clients always send
 * PAUSED explicitly. Legacy (pre-ODAX) objectives are refused: Meta no longer creates them.
 */
export function parseCampaignCreate(params: GraphParams, rules: BudgetRules): CampaignCreateInput {
  const name = readName(params);
  if (name === undefined) throw missingParam("name");
  const objective = readObjective(params);
  const specialAdCategories = readSpecialAdCategories(params);
  if (specialAdCategories === undefined) throw missingParam("special_ad_categories");
  const input: CampaignCreateInput = {
    name,
    objective,
    status: readEnum(params, "status", CREATE_STATUSES) ?? "ACTIVE",
    specialAdCategories,
    specialAdCategoryCountry: readCountries(params) ?? [],
    ...readBudgets(params, rules),
    buyingType: readEnum(params, "buying_type", BUYING_TYPES) ?? "AUCTION",
    adlabels: readAdLabelRefs(params) ?? [],
  };
  const bidStrategy = readBidStrategy(params);
  if (bidStrategy !== undefined) input.bidStrategy = bidStrategy;
  const spendCap = readUnsignedInt(params, "spend_cap");
  if (spendCap !== undefined) input.spendCap = spendCap;
  const startTime = readTime(params, "start_time");
  if (startTime !== undefined) input.startTime = startTime;
  const stopTime = readTime(params, "stop_time");
  if (stopTime !== undefined) input.stopTime = stopTime;
  return input;
}

function readObjective(params: GraphParams): Objective {
  const v = readString(params, "objective");
  if (v === undefined) throw missingParam("objective");
  if ((OBJECTIVES as readonly string[]).includes(v)) return v as Objective;
  if ((LEGACY_OBJECTIVES as readonly string[]).includes(v)) {
    throw invalidParam("objective", `The objective ${v} is no longer available for new campaigns. Use one of {${OBJECTIVES.join(", ")}}.`, {
      title: "Objective Is Invalid",
    });
  }
  throw invalidParam("objective", `Param objective must be one of {${OBJECTIVES.join(", ")}}`);
}
