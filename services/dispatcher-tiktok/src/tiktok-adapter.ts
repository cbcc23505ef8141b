import type { AccountPlatform, DispatchAdapter, QuickRetry } from "@layers/dispatch-core";
import { openToken } from "@layers/runtime";
import { platformIdsInUse } from "./db/platform-ids-in-use.ts";
import { landTikTokWrite } from "./land-tiktok-write.ts";
import { loadRefOf, planTikTokWrite, type TikTokCall } from "./plan-tiktok-write.ts";
import { TikTokTokenError, type TikTokClient } from "./tiktok/index.ts";

/** Accounts this dispatcher acts on, and TikTok's name in messages. */
export const TIKTOK: AccountPlatform = { platform: "tiktok", label: "TikTok" };

export interface TikTokAdapterDeps {
  tiktok: TikTokClient;
  quick: QuickRetry;
  /** Opens `ad_accounts.access_token_enc`. */
  tokenKey: string;
  /** Clock for ad groups scheduled to start now; tests may fix it. */
  now?: () => Date;
}

/**
 * The TikTok side of the dispatch core: load the row a write needs (`loadRefOf`), plan the one
 * TikTok call (`plan-tiktok-write.ts`), land it with reconcile (`land-tiktok-write.ts`), and
 * recognise a refused token (codes 40105/40104/40102).
 */
export function createTikTokAdapter(deps: TikTokAdapterDeps): DispatchAdapter<TikTokCall> {
  const now = deps.now ?? (() => new Date());
  return {
    platform: TIKTOK.platform,
    label: TIKTOK.label,

    async prepare(d, { loadRows }) {
      const { account, known } = await loadRows(loadRefOf(d), d.layerId);
      const plan = planTikTokWrite(d, { known, now: now() });
      return { plan: plan.call, account, entity: plan.entity, created: plan.created, row: plan.row };
    },

    async land({ plan, account, entity }, { db, log, mayHaveLanded }) {
      return landTikTokWrite(deps.tiktok, deps.quick, log, {
        call: plan,
        advertiserId: account.platformAccountId,
        auth: { accessToken: openToken(account.sealedToken, deps.tokenKey) },
        mayHaveLanded,
        claimed: (level, ids) => platformIdsInUse(db, account.id, level, ids, entity.id),
      });
    },

    isTokenExpired: (err) => err instanceof TikTokTokenError,
  };
}
