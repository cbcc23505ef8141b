import { newAccessToken } from "../ids.ts";
import type { SeedCampaign } from "../control-schemas.ts";
import type { MetaStore } from "./meta-store.ts";
import type { MetaAdAccount, MetaCampaign } from "./meta-types.ts";

export interface SeedAdAccountInput {
  name?: string | undefined;
  currency: string;
  minDailyBudget: number;
  campaigns: ReadonlyArray<Required<Pick<SeedCampaign, "name" | "objective" | "status" | "special_ad_categories" | "adlabels">> &
    Pick<SeedCampaign, "daily_budget" | "lifetime_budget">>;
}

/**
 * Creates an ad account with its own token and the campaigns it already had. Seeds bypass the
 * Graph rules on purpose: pre-existing campaigns can be in any state, even ones a create refuses.
 */
export function seedAdAccount(store: MetaStore, input: SeedAdAccountInput, now: Date): { account: MetaAdAccount; campaigns: MetaCampaign[] } {
  const at = now.toISOString();
  const id = store.newAccountId();
  const account: MetaAdAccount = {
    id,
    name: input.name ?? `Sandbox account ${id}`,
    currency: input.currency,
    accessToken: newAccessToken(),
    minDailyBudget: input.minDailyBudget,
    createdTime: at,
  };
  store.addAccount(account);
  const campaigns = input.campaigns.map((seed) => {
    const labels = store.planLabels(id, seed.adlabels.map((name) => ({ name })), at);
    store.addLabels(id, labels.created);
    const c: MetaCampaign = {
      id: store.newCampaignId(),
      accountId: id,
      ordinal: store.allocateOrdinal(),
      name: seed.name,
      objective: seed.objective,
      status: seed.status,
      specialAdCategories: seed.special_ad_categories,
      specialAdCategoryCountry: [],
      startTime: at,
      buyingType: "AUCTION",
      adlabelIds: labels.ids,
      createdTime: at,
      updatedTime: at,
    };
    if (seed.daily_budget !== undefined) c.dailyBudget = seed.daily_budget;
    if (seed.lifetime_budget !== undefined) c.lifetimeBudget = seed.lifetime_budget;
    store.putCampaign(c);
    return c;
  });
  return { account, campaigns };
}
