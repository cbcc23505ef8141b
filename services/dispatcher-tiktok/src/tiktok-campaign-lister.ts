import type { CampaignLister, SyncedChild } from "@layers/dispatch-core";
import { adFromTikTok, adgroupFromTikTok, campaignFromTikTok } from "./from-tiktok.ts";
import { TIKTOK } from "./tiktok-adapter.ts";
import { TikTokTokenError, type TikTokClient } from "./tiktok/index.ts";

const CAMPAIGN_FIELDS = ["campaign_name", "operation_status", "objective_type", "budget_mode", "budget"] as const;
const ADGROUP_FIELDS = ["adgroup_name", "operation_status", "budget_mode", "budget", "bid_price"] as const;
const AD_FIELDS = ["adgroup_id", "ad_name", "operation_status"] as const;

/**
 * TikTok's side of sync-account and sync-campaign: every live campaign of the advertiser, and every
 * live ad group and ad of one campaign (TikTok hides deleted objects, as Meta does, so a deletion made
 * in Ads Manager is not seen here). Mapping is in from-tiktok.ts.
 */
export function createTikTokCampaignLister(tt: TikTokClient): CampaignLister {
  return {
    ...TIKTOK,
    async listCampaigns(account, accessToken) {
      const list = await tt.getCampaigns(account.platformAccountId, {}, { accessToken }, CAMPAIGN_FIELDS);
      return list.map((c) => campaignFromTikTok(c, account.currency));
    },
    async listChildren(account, accessToken, platformCampaignId) {
      const filter = { campaignIds: [platformCampaignId] };
      // Both reads filter by the campaign, so they need not wait for each other. An ad whose ad
      // group was created between them is left for the next sync by the upsert.
      const [adgroups, ads] = await Promise.all([
        tt.getAdgroups(account.platformAccountId, filter, { accessToken }, ADGROUP_FIELDS),
        tt.getAds(account.platformAccountId, filter, { accessToken }, AD_FIELDS),
      ]);
      const children: SyncedChild[] = adgroups.map((g) => adgroupFromTikTok(g, account.currency));
      for (const a of ads) {
        const child = adFromTikTok(a);
        if (child) children.push(child);
      }
      return children;
    },
    isTokenExpired: (err) => err instanceof TikTokTokenError,
  };
}
