import type { CampaignLister, SyncedChild } from "@layers/dispatch-core";
import { campaignFromMeta } from "./map-campaign.ts";
import { AD_SYNC_FIELDS, ADSET_SYNC_FIELDS, adFromMeta, adSetFromMeta, markerIdIn } from "./map-children.ts";
import { META } from "./meta-adapter.ts";
import { MetaTokenError, type MetaClient } from "./meta/index.ts";

const SYNC_FIELDS = ["id", "name", "status", "objective", "daily_budget", "lifetime_budget", "adlabels"] as const;

/**
 * Meta's side of sync-account (every campaign of the account, with the Layers id its marker
 * adlabel names) and of sync-campaign (its ad sets and their ads). Archived objects are asked for;
 * deleted ones no Meta edge lists, so they are never synced.
 */
export function createMetaCampaignLister(meta: MetaClient): CampaignLister {
  return {
    ...META,
    async listCampaigns(account, accessToken) {
      const list = await meta.listCampaigns(account.platformAccountId, SYNC_FIELDS, { accessToken }, { includeArchived: true });
      return list.map((c) => ({
        ...campaignFromMeta(c, account.currency),
        markerCampaignId: markerIdIn(c.adlabels, "campaign"),
      }));
    },
    async listChildren(account, accessToken, platformCampaignId) {
      const auth = { accessToken };
      const adSets = await meta.listAdSets(platformCampaignId, ADSET_SYNC_FIELDS, auth, { includeArchived: true });
      const children: SyncedChild[] = adSets.map((a) => adSetFromMeta(a, account.currency));
      // One ad set at a time: the calls share the account's rate budget, and a campaign's ad sets are few.
      for (const a of adSets) {
        const ads = await meta.listAds(a.id, AD_SYNC_FIELDS, auth, { includeArchived: true });
        children.push(...ads.map((ad) => adFromMeta(ad, a.id)));
      }
      return children;
    },
    isTokenExpired: (err) => err instanceof MetaTokenError,
  };
}
