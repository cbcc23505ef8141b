import type { CampaignLister, SyncedCampaign } from "@layers/dispatch-core";
import { APPLE } from "./apple-adapter.ts";
import { AppleTokenError, fromAppleMoney, type AppleCampaign, type AppleClient } from "./apple/index.ts";

/**
 * Apple's side of sync-account: every campaign of the org, soft-deleted ones included (as
 * `deleted`), in Layers terms. Apple keeps no marker Layers could set, so a create whose record was
 * lost is adopted by the dispatcher's reconcile (by name), not by sync.
 */
export function createAppleCampaignLister(apple: AppleClient): CampaignLister {
  return {
    ...APPLE,
    async listCampaigns(account, accessToken) {
      const list = await apple.listCampaigns({ accessToken, orgId: account.platformAccountId });
      return list.map((c) => campaignFromApple(c, account.currency));
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

/** `deleted` wins over `status` (a soft-deleted campaign keeps its last ENABLED/PAUSED). */
export function layersStatusOfApple(o: { status: string; deleted?: boolean | undefined }): string {
  if (o.deleted === true) return "deleted";
  if (o.status === "ENABLED" || o.status === "ACTIVE") return "active";
  return o.status.toLowerCase();
}
