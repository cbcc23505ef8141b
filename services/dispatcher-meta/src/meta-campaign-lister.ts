import type { CampaignLister } from "@layers/dispatch-core";
import { campaignFromMeta } from "./map-campaign.ts";
import { META } from "./meta-adapter.ts";
import { MetaTokenError, type MetaClient } from "./meta/index.ts";

const SYNC_FIELDS = ["id", "name", "status", "objective", "daily_budget", "lifetime_budget", "adlabels"] as const;
const MARKER = /^layers:(cmp_[0-9a-z]{26})$/;

/** Meta's side of sync-account: every campaign of the account, with the Layers id its marker adlabel names. */
export function createMetaCampaignLister(meta: MetaClient): CampaignLister {
  return {
    ...META,
    async listCampaigns(account, accessToken) {
      const list = await meta.listCampaigns(account.platformAccountId, SYNC_FIELDS, { accessToken }, { includeArchived: true });
      return list.map((c) => ({
        ...campaignFromMeta(c, account.currency),
        markerCampaignId: c.adlabels?.map((l) => MARKER.exec(l.name)?.[1]).find((id) => id !== undefined),
      }));
    },
    isTokenExpired: (err) => err instanceof MetaTokenError,
  };
}
