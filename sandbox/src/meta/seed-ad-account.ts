import { newAccessToken } from "../ids.ts";
import type { ParsedSeedCampaign } from "../control-schemas.ts";
import type { MetaStore } from "./meta-store.ts";
import type { MetaAd, MetaAdAccount, MetaAdCreative, MetaAdSet, MetaCampaign } from "./meta-types.ts";

export interface SeedAdAccountInput {
  name?: string | undefined;
  currency: string;
  minDailyBudget: number;
  campaigns: readonly ParsedSeedCampaign[];
}

/** A seeded campaign with the ad sets and ads created under it. */
export interface SeededCampaign {
  campaign: MetaCampaign;
  adSets: Array<{ adSet: MetaAdSet; ads: MetaAd[] }>;
}

/**
 * Creates an ad account with its own token and the campaigns, ad sets, ads and creatives it
 * already had. Seeds bypass the Graph rules on purpose: pre-existing objects can be in any state,
 * even ones a create refuses (the schema still keeps budgets at one level, as Meta does).
 */
export function seedAdAccount(store: MetaStore, input: SeedAdAccountInput, now: Date): { account: MetaAdAccount; campaigns: SeededCampaign[] } {
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
  const labelIds = (names: readonly string[]) => {
    const plan = store.planLabels(id, names.map((name) => ({ name })), at);
    store.addLabels(id, plan.created);
    return plan.ids;
  };
  const campaigns = input.campaigns.map((seed): SeededCampaign => {
    const c: MetaCampaign = {
      id: store.newObjectId(),
      accountId: id,
      ordinal: store.allocateOrdinal(),
      name: seed.name,
      objective: seed.objective,
      status: seed.status,
      specialAdCategories: seed.special_ad_categories,
      specialAdCategoryCountry: [],
      startTime: at,
      buyingType: "AUCTION",
      adlabelIds: labelIds(seed.adlabels),
      createdTime: at,
      updatedTime: at,
    };
    if (seed.daily_budget !== undefined) c.dailyBudget = seed.daily_budget;
    if (seed.lifetime_budget !== undefined) c.lifetimeBudget = seed.lifetime_budget;
    store.putCampaign(c);
    const adSets = seed.adsets.map((s) => {
      const a: MetaAdSet = {
        id: store.newObjectId(),
        accountId: id,
        campaignId: c.id,
        ordinal: store.allocateOrdinal(),
        name: s.name,
        status: s.status,
        billingEvent: s.billing_event,
        optimizationGoal: s.optimization_goal,
        targeting: structuredClone(s.targeting),
        startTime: at,
        adlabelIds: labelIds(s.adlabels),
        createdTime: at,
        updatedTime: at,
      };
      if (s.daily_budget !== undefined) a.dailyBudget = s.daily_budget;
      if (s.lifetime_budget !== undefined) a.lifetimeBudget = s.lifetime_budget;
      if (s.bid_amount !== undefined) a.bidAmount = s.bid_amount;
      if (s.bid_strategy !== undefined) a.bidStrategy = s.bid_strategy;
      if (s.end_time !== undefined) a.endTime = new Date(s.end_time).toISOString();
      store.putAdSet(a);
      const ads = s.ads.map((seedAd) => {
        const creative = seedCreative(store, id, seedAd.creative, at);
        const ad: MetaAd = {
          id: store.newObjectId(),
          accountId: id,
          campaignId: c.id,
          adSetId: a.id,
          ordinal: store.allocateOrdinal(),
          name: seedAd.name,
          status: seedAd.status,
          creativeId: creative.id,
          adlabelIds: labelIds(seedAd.adlabels),
          createdTime: at,
          updatedTime: at,
        };
        store.putAd(ad);
        return ad;
      });
      return { adSet: a, ads };
    });
    return { campaign: c, adSets };
  });
  return { account, campaigns };
}

function seedCreative(store: MetaStore, accountId: string, seed: ParsedSeedCampaign["adsets"][number]["ads"][number]["creative"], at: string): MetaAdCreative {
  const linkData: Record<string, unknown> = { link: seed.link, call_to_action: { type: seed.call_to_action_type } };
  if (seed.message !== undefined) linkData.message = seed.message;
  if (seed.headline !== undefined) linkData.name = seed.headline;
  const c: MetaAdCreative = {
    id: store.newObjectId(),
    accountId,
    ordinal: store.allocateOrdinal(),
    status: "ACTIVE",
    objectStorySpec: { page_id: seed.page_id, link_data: linkData },
    adlabelIds: [],
    createdTime: at,
    updatedTime: at,
  };
  if (seed.name !== undefined) c.name = seed.name;
  store.putCreative(c);
  return c;
}
