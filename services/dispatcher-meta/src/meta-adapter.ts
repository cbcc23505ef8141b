import type { AccountPlatform, DispatchAdapter, QuickRetry } from "@layers/dispatch-core";
import { openToken } from "@layers/runtime";
import { createAdSetBudgetLimit } from "./adset-budget-limit.ts";
import { loadCampaignGoal } from "./db/campaign-goal.repository.ts";
import type { AdSetBudgetRule } from "./db/adset-budget-changes.repository.ts";
import { landWrite } from "./land-write.ts";
import type { MetaCall } from "./meta-plan.ts";
import { MetaTokenError, type MetaClient } from "./meta/index.ts";
import { loadRefOf, planMetaWrite } from "./plan-meta-write.ts";

/** Accounts this dispatcher acts on, and Meta's name in messages. */
export const META: AccountPlatform = { platform: "meta", label: "Meta" };

export interface MetaAdapterDeps {
  meta: MetaClient;
  quick: QuickRetry;
  /** Opens `ad_accounts.access_token_enc`. */
  tokenKey: string;
  /** Meta's ad set budget change limit (4 per hour). */
  adSetBudgetRule: AdSetBudgetRule;
}

/**
 * The Meta side of the dispatch core: load the row a write needs (`loadRefOf`), plan its Meta
 * calls (`plan-meta-write.ts`), land them with reconcile (`land-write.ts`), and recognise a
 * refused token (code 190). Ad set budget writes keep Meta's change limit by coalescing and
 * waiting (`adset-budget-limit.ts`).
 */
export function createMetaAdapter(deps: MetaAdapterDeps): DispatchAdapter<MetaCall> {
  const adSetBudgets = createAdSetBudgetLimit(deps.adSetBudgetRule);
  return {
    platform: META.platform,
    label: META.label,

    async prepare(d, { db, loadRows }) {
      const { account, known } = await loadRows(loadRefOf(d), d.layerId);
      // Only a new ad set without a named goal needs its campaign's objective.
      const campaignGoal = d.operation === "create_adset" && d.params.optimizationGoal === undefined && known ? await loadCampaignGoal(db, known.id) : undefined;
      const plan = planMetaWrite(d, { known, campaignGoal });
      return { plan: plan.call, account, entity: plan.entity, created: plan.created, row: plan.row };
    },

    beforeCall: (_write, d, ctx) => adSetBudgets.beforeCall(d, ctx),

    async land(write, { db, log, mayHaveLanded }) {
      const { plan, account } = write;
      const landed = await landWrite(deps.meta, deps.quick, log, {
        call: plan,
        auth: { accessToken: openToken(account.sealedToken, deps.tokenKey) },
        platformAccountId: account.platformAccountId,
        mayHaveLanded,
      }).catch(async (err: unknown) => {
        throw await adSetBudgets.onLandError(err, write, db);
      });
      // The creative's Meta id exists only now: it joins the spec planned into the row.
      const creative = landed.creativeId !== undefined && write.row.creative !== undefined ? { ...write.row.creative, platformCreativeId: landed.creativeId } : undefined;
      return { platformId: landed.platformId, reconciled: landed.reconciled, ...(creative ? { row: { creative } } : {}) };
    },

    isTokenExpired: (err) => err instanceof MetaTokenError,
  };
}
