import type { CampaignLister, SyncedCampaign } from "@layers/dispatch-core";
import { LAYERS_STATUS_OF } from "./plan-tiktok-write.ts";
import { TIKTOK } from "./tiktok-adapter.ts";
import { fromTikTokAmount, TikTokTokenError, type TikTokCampaign, type TikTokClient } from "./tiktok/index.ts";

const SYNC_FIELDS = ["campaign_name", "operation_status", "objective_type", "budget_mode", "budget"] as const;
/** Budget modes whose `budget` is per day; BUDGET_MODE_TOTAL is for the campaign's life, INFINITE has none. */
const DAILY_MODES: ReadonlySet<string> = new Set(["BUDGET_MODE_DAY", "BUDGET_MODE_DYNAMIC_DAILY_BUDGET"]);

/**
 * TikTok's side of sync-account: every live campaign of the advertiser (TikTok hides deleted ones,
 * as Meta does). TikTok campaigns carry no marker, so a Layers create is matched by its platform id only.
 */
export function createTikTokCampaignLister(tt: TikTokClient): CampaignLister {
  return {
    ...TIKTOK,
    async listCampaigns(account, accessToken) {
      const list = await tt.getCampaigns(account.platformAccountId, {}, { accessToken }, SYNC_FIELDS);
      return list.map((c) => campaignFromTikTok(c, account.currency));
    },
    isTokenExpired: (err) => err instanceof TikTokTokenError,
  };
}

/** A campaign read from TikTok, in Layers terms: lower-case status words, budgets in minor units. */
export function campaignFromTikTok(c: TikTokCampaign, currency: string): SyncedCampaign {
  const status = c.operation_status ?? "UNKNOWN";
  const mode = c.budget_mode ?? "BUDGET_MODE_INFINITE";
  // TikTok reads an unbudgeted campaign back as budget 0; Layers keeps that as "no budget".
  const amount = c.budget === undefined || c.budget === null || c.budget === 0 || mode === "BUDGET_MODE_INFINITE" ? null : fromTikTokAmount(c.budget, currency);
  return {
    platformCampaignId: c.campaign_id,
    markerCampaignId: undefined,
    name: c.campaign_name ?? c.campaign_id,
    status: (LAYERS_STATUS_OF as Record<string, string>)[status] ?? status.toLowerCase(),
    objective: c.objective_type ?? null,
    dailyBudgetCents: amount !== null && DAILY_MODES.has(mode) ? amount : null,
    lifetimeBudgetCents: amount !== null && mode === "BUDGET_MODE_TOTAL" ? amount : null,
  };
}
