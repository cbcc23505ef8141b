import {
  loadAdAccount,
  loadEntityTarget,
  requirePlatformId,
  type AccountPlatform,
  type AdAccountTarget,
  type DispatchAdapter,
  type EntityTarget,
  type QuickRetry,
} from "@layers/dispatch-core";
import type { Db } from "@layers/db";
import { openToken, PermanentError } from "@layers/runtime";
import { AppleTokenError, type AppleClient } from "./apple/index.ts";
import { landAppleWrite, type AppleIds } from "./land-apple-write.ts";
import { locateAppleWrite, planAppleWrite, type AppleLocate, type AppleWrite } from "./plan-apple-write.ts";

/** Accounts this dispatcher acts on, and Apple's name in messages. */
export const APPLE: AccountPlatform = { platform: "apple", label: "Apple" };

export interface AppleAdapterDeps {
  apple: AppleClient;
  quick: QuickRetry;
  /** Opens `ad_accounts.access_token_enc`. */
  tokenKey: string;
  /** Clock for defaults (an ad group's start time); tests may pin it. */
  now?: () => Date;
}

/** A planned Apple write plus the platform ids it acts on. */
export interface ApplePlan {
  write: AppleWrite;
  ids: AppleIds;
}

/**
 * The Apple side of the dispatch core: check and locate the write (`plan-apple-write.ts`), load
 * the account and the platform ids of the entity (or of its parent, for a create), plan, land with
 * reconcile (`land-apple-write.ts`), and recognise a refused token (HTTP 401).
 */
export function createAppleAdapter(deps: AppleAdapterDeps): DispatchAdapter<ApplePlan> {
  const now = deps.now ?? (() => new Date());
  return {
    platform: APPLE.platform,
    label: APPLE.label,

    async prepare(d, { db }) {
      const locate = locateAppleWrite(d);
      const { account, ids, current } = await resolve(db, locate, d.layerId);
      const planned = planAppleWrite(d, { now: now(), currentTargeting: current?.targeting ?? null });
      return { plan: { write: planned.write, ids }, account, entity: planned.entity, created: planned.created, row: planned.row };
    },

    async land({ plan, account }, { log, mayHaveLanded }) {
      return landAppleWrite(deps.apple, deps.quick, log, {
        write: plan.write,
        ids: plan.ids,
        // One token may reach several orgs; the account's platform id says which one this write is for.
        auth: { accessToken: openToken(account.sealedToken, deps.tokenKey), orgId: account.platformAccountId },
        mayHaveLanded,
      });
    },

    isTokenExpired: (err) => err instanceof AppleTokenError,
  };
}

interface Resolved {
  account: AdAccountTarget;
  ids: AppleIds;
  /** The target's own row, for writes to an existing entity. */
  current?: EntityTarget;
}

/** Loads what the write needs from Layers' rows; every Apple id it will use must already exist. */
async function resolve(db: Db, locate: AppleLocate, layerId: string): Promise<Resolved> {
  if (locate.load === "account") return { account: await loadAdAccount(db, APPLE, locate.adAccountId, layerId), ids: {} };

  const e = await loadEntityTarget(db, APPLE, locate.ref, layerId);
  const what = `${e.kind} ${e.id}`;
  // The write is ordered and gated by the campaign it names; an entity of another campaign would slip past both.
  if (e.campaignId !== locate.campaignId) {
    throw new PermanentError("invalid_params", `${what} belongs to campaign ${e.campaignId}, not ${locate.campaignId}`);
  }
  const campaignId = requirePlatformId(e.campaignPlatformId, `campaign ${e.campaignId}`, APPLE.label);

  if (locate.load === "parent") {
    // A create goes under its parent: the campaign (ad group create) or the ad group (keyword create).
    const parentId = requirePlatformId(e.platformId, what, APPLE.label);
    const ids: AppleIds = e.kind === "campaign" ? { campaignId } : { campaignId, adGroupId: parentId };
    return { account: e.account, ids };
  }

  const platformId = requirePlatformId(e.platformId, what, APPLE.label);
  let ids: AppleIds;
  if (e.kind === "campaign") ids = { campaignId };
  else if (e.kind === "adgroup") ids = { campaignId, adGroupId: platformId };
  else ids = { campaignId, adGroupId: requirePlatformId(e.parentPlatformId, `ad group ${e.parentId ?? "(none)"} of ${what}`, APPLE.label), keywordId: platformId };
  return { account: e.account, ids, current: e };
}
