import { loadAdAccount, loadCampaignTarget, type AccountPlatform, type AdAccountTarget, type DispatchAdapter, type QuickRetry } from "@layers/dispatch-core";
import { openToken, PermanentError } from "@layers/runtime";
import { landWrite } from "./land-write.ts";
import { planMetaWrite, type MetaWrite } from "./map-campaign.ts";
import { MetaTokenError, type MetaClient } from "./meta/index.ts";

/** Accounts this dispatcher acts on, and Meta's name in messages. */
export const META: AccountPlatform = { platform: "meta", label: "Meta" };

export interface MetaAdapterDeps {
  meta: MetaClient;
  quick: QuickRetry;
  /** Opens `ad_accounts.access_token_enc`. */
  tokenKey: string;
}

/** A planned Meta write plus the platform ids it acts on. */
export interface MetaPlan {
  write: MetaWrite;
  /** Set for updates: the campaign's id on Meta. */
  platformCampaignId?: string;
}

/**
 * The Meta side of the dispatch core: plan (`map-campaign.ts`), resolve the account and campaign,
 * land with reconcile (`land-write.ts`), and recognise a refused token (code 190).
 */
export function createMetaAdapter(deps: MetaAdapterDeps): DispatchAdapter<MetaPlan> {
  return {
    platform: META.platform,
    label: META.label,

    async prepare(d, { db }) {
      const write = planMetaWrite(d);
      let account: AdAccountTarget;
      let platformCampaignId: string | undefined;
      if (write.kind === "create") {
        account = await loadAdAccount(db, META, write.adAccountId, d.layerId);
      } else {
        const campaign = await loadCampaignTarget(db, META, write.campaignId, d.layerId);
        if (!campaign.platformCampaignId) {
          throw new PermanentError("campaign_not_on_platform", `campaign ${write.campaignId} was never created on Meta`);
        }
        platformCampaignId = campaign.platformCampaignId;
        account = campaign.account;
      }
      const plan: MetaPlan = platformCampaignId === undefined ? { write } : { write, platformCampaignId };
      return { plan, account, entity: { kind: "campaign", id: write.campaignId }, created: write.kind === "create", row: write.row };
    },

    async land({ plan, account }, { log, mayHaveLanded }) {
      return landWrite(deps.meta, deps.quick, log, {
        plan: plan.write,
        auth: { accessToken: openToken(account.sealedToken, deps.tokenKey) },
        platformAccountId: account.platformAccountId,
        platformCampaignId: plan.platformCampaignId,
        mayHaveLanded,
      });
    },

    isTokenExpired: (err) => err instanceof MetaTokenError,
  };
}
