import type { CampaignCreateInput } from "./campaign-create-input.ts";
import { assertCampaignInvariants } from "./campaign-state.ts";
import type { MetaCampaign } from "./meta-types.ts";

export interface NewCampaignIdentity {
  id: string;
  accountId: string;
  ordinal: number;
  adlabelIds: string[];
  /** ISO 8601 creation time; also the start time when the request names none. */
  now: string;
}

/** Turns a validated create into a stored campaign, or throws if the combination is invalid. */
export function buildCampaign(input: CampaignCreateInput, who: NewCampaignIdentity): MetaCampaign {
  const c: MetaCampaign = {
    id: who.id,
    accountId: who.accountId,
    ordinal: who.ordinal,
    name: input.name,
    objective: input.objective,
    status: input.status,
    specialAdCategories: input.specialAdCategories,
    specialAdCategoryCountry: input.specialAdCategoryCountry,
    startTime: input.startTime ?? who.now,
    buyingType: input.buyingType,
    adlabelIds: who.adlabelIds,
    createdTime: who.now,
    updatedTime: who.now,
  };
  if (input.dailyBudget !== undefined) c.dailyBudget = input.dailyBudget;
  if (input.lifetimeBudget !== undefined) c.lifetimeBudget = input.lifetimeBudget;
  if (input.bidStrategy !== undefined) c.bidStrategy = input.bidStrategy;
  if (input.spendCap !== undefined) c.spendCap = input.spendCap;
  if (input.stopTime !== undefined) c.stopTime = input.stopTime;
  assertCampaignInvariants(c);
  return c;
}
