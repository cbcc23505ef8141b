import type { CampaignLister, SyncedCampaign, SyncedChild } from "@layers/dispatch-core";
import { APPLE } from "./apple-adapter.ts";
import { layersStatusOfApple } from "./apple-status.ts";
import { adGroupChildFromApple, keywordChildFromApple } from "./child-from-apple.ts";
import { AppleTokenError, fromAppleMoney, type AppleCampaign, type AppleClient } from "./apple/index.ts";

/**
 * Apple's side of sync-account and sync-campaign: every campaign of the org, and every ad group and
 * keyword of one campaign, soft-deleted ad groups and campaigns included (as `deleted`), in Layers
 * terms. Apple keeps no marker Layers could set, so a create whose record was lost is adopted by
 * the dispatcher's reconcile (by name), not by sync.
 */
export function createAppleCampaignLister(apple: AppleClient): CampaignLister {
  return {
    ...APPLE,
    async listCampaigns(account, accessToken) {
      const list = await apple.listCampaigns({ accessToken, orgId: account.platformAccountId });
      return list.map((c) => campaignFromApple(c, account.currency));
    },
    async listChildren(account, accessToken, platformCampaignId) {
      const auth = { accessToken, orgId: account.platformAccountId };
      const adGroups = await apple.listAdGroups(platformCampaignId, auth);
      const children: SyncedChild[] = adGroups.map((g) => adGroupChildFromApple(g, account.currency));
      // One ad group at a time: a campaign has few, and Apple's limits are per org, shared with the
      // dispatcher's writes. A deleted ad group no longer serves, and what Apple answers for its
      // keywords is not documented: they are left as Layers last saw them.
      for (const g of adGroups) {
        if (g.deleted === true) continue;
        const keywords = await apple.listKeywords(platformCampaignId, g.id, auth);
        for (const k of keywords) children.push(keywordChildFromApple(k, g.id, account.currency));
      }
      return children;
    },
    isTokenExpired: (err) => err instanceof AppleTokenError,
  };
}

/** One Apple campaign as a Layers row: money in minor units of the account currency, lower-case status. */
export function campaignFromApple(c: AppleCampaign, currency: string): SyncedCampaign {
  return {
    platformCampaignId: c.id,
    markerCampaignId: undefined,
    name: c.name,
    status: layersStatusOfApple(c),
    // Apple campaigns promote one app; there is no objective to report.
    objective: null,
    dailyBudgetCents: c.dailyBudgetAmount ? fromAppleMoney(c.dailyBudgetAmount, currency) : null,
    lifetimeBudgetCents: c.budgetAmount ? fromAppleMoney(c.budgetAmount, currency) : null,
  };
}
