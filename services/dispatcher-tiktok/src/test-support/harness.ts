import { newId, type Dispatch, type Operation } from "@layers/contracts";
import type { IntentState } from "@layers/db";
import { createLogger } from "@layers/runtime";
import { createSandboxClient, startSandbox, type CreateTiktokAdvertiserBody, type CreateTiktokAdvertiserResponse, type SandboxClient } from "@layers/sandbox";
import { createDispatchHarness, type ConnectedAccount } from "@layers/testkit";
import { startDispatcherTiktok } from "../app.ts";
import { loadConfig, type DispatcherTiktokConfig } from "../config.ts";
import { createTikTokClient, type TikTokAuth, type TikTokClient } from "../tiktok/index.ts";

export { countingFetch, waitFor } from "@layers/testkit";

export interface SeededAdvertiser extends ConnectedAccount {
  /** The TikTok advertiser id, as the sandbox control API and ledger name it (= `platformAccountId`). */
  advertiserId: string;
  auth: TikTokAuth;
  /** Ids on TikTok of the campaigns the advertiser already had. */
  seededCampaignIds: string[];
  /** The seeded campaigns with their ad groups and ads, ids as TikTok gave them. */
  seeded: CreateTiktokAdvertiserResponse["campaigns"];
}

type SeedCampaigns = NonNullable<CreateTiktokAdvertiserBody["campaigns"]>;

const AUTO = { creative: "auto", tactical: "auto", structural: "auto" } as const;
const silent = createLogger({ service: "test", level: "silent" });

/** One per test file: the shared dispatch harness, a sandbox, and TikTok-shaped helpers. */
export async function createHarness() {
  const sandbox = await startSandbox();
  const sbx: SandboxClient = createSandboxClient(sandbox.url);
  const h = await createDispatchHarness({
    platform: "tiktok",
    baseConfig: () => ({ TIKTOK_BASE_URL: sandbox.url, TIKTOK_TIMEOUT_MS: "5000" }),
    startService: ({ env, config, log, fetch }) =>
      startDispatcherTiktok({ db: env.db, nats: env.nats, names: env.names, log, config: loadConfig(config), ...(fetch ? { fetch } : {}) }),
  });
  /** Reads TikTok state the way TikTok serves it, to check what landed (page size 2: reads cross pages). */
  const tt: TikTokClient = createTikTokClient({ baseUrl: sandbox.url, pageSize: 2, log: silent });

  function config(over: Record<string, string> = {}): DispatcherTiktokConfig {
    return loadConfig(h.configEnv(over));
  }

  async function seedAccount(opts: { currency?: string; campaigns?: SeedCampaigns } = {}): Promise<SeededAdvertiser> {
    const currency = opts.currency ?? "USD";
    const adv = await sbx.createTiktokAdvertiser({ currency, campaigns: opts.campaigns ?? [] });
    const connected = await h.connectAccount({ platformAccountId: adv.advertiserId, accessToken: adv.accessToken, currency, name: adv.name });
    return {
      ...connected, advertiserId: adv.advertiserId, auth: { accessToken: adv.accessToken }, seededCampaignIds: adv.campaigns.map((c) => c.campaign_id), seeded: adv.campaigns,
    };
  }

  /** A Layers campaign create, accepted and allowed (not yet published). USD $50 a day by default: TikTok's minimum. */
  async function allowCreateCampaign(a: SeededAdvertiser, over: Record<string, unknown> = {}) {
    const campaignId = newId("campaign");
    const params = {
      campaignId, adAccountId: a.adAccountId, name: `Campaign ${campaignId.slice(-8)}`, outcome: "traffic", dailyBudgetCents: 5000,
      authority: AUTO, status: "PAUSED", specialAdCategories: [], ...over,
    };
    return { campaignId, dispatch: await h.acceptAndAllow(a, "create_campaign", params) };
  }

  /** An ad group create under `campaignId`. USD $20 a day by default: TikTok's minimum. */
  async function allowCreateAdgroup(a: SeededAdvertiser, campaignId: string, over: Record<string, unknown> = {}) {
    const adgroupId = newId("adGroup");
    const params = {
      campaignId, entityId: adgroupId, name: `Ad group ${adgroupId.slice(-8)}`, status: "ACTIVE", dailyBudgetCents: 2000,
      targeting: { locationIds: ["6252001"] }, ...over,
    };
    return { adgroupId, dispatch: await h.acceptAndAllow(a, "create_adgroup", params) };
  }

  /** An ad create (or `push_creative`) under the ad group `adgroupId`. */
  async function allowCreateAd(a: SeededAdvertiser, campaignId: string, adgroupId: string, over: Record<string, unknown> = {}, operation: "create_ad" | "push_creative" = "create_ad") {
    const adId = newId("ad");
    const params = {
      campaignId, entityId: adId, parentId: adgroupId, name: `Ad ${adId.slice(-8)}`, status: "ACTIVE",
      creative: { primaryText: "Try it today", linkUrl: "https://example.com/landing", callToAction: "LEARN_MORE", videoId: "v_101" }, ...over,
    };
    return { adId, dispatch: await h.acceptAndAllow(a, operation, params) };
  }

  async function allowWrite(a: SeededAdvertiser, campaignId: string, operation: Operation, params: Record<string, unknown> = {}): Promise<Dispatch> {
    return h.acceptAndAllow(a, operation, { campaignId, ...params });
  }

  /** Publishes in order and waits until every one reaches one of `states`. */
  async function land(writes: readonly Dispatch[], states: readonly IntentState[] = ["dispatched"], timeoutMs?: number) {
    for (const d of writes) await h.publish(d);
    return h.waitForStates(writes.map((w) => w.intentId), states, timeoutMs);
  }

  /** A landed campaign → ad group → ad tree, with the TikTok ids. */
  async function landedTree(a: SeededAdvertiser, opts: { withAd?: boolean } = {}) {
    const c = await allowCreateCampaign(a);
    const g = await allowCreateAdgroup(a, c.campaignId);
    const writes = [c.dispatch, g.dispatch];
    const ad = opts.withAd ? await allowCreateAd(a, c.campaignId, g.adgroupId) : undefined;
    if (ad) writes.push(ad.dispatch);
    await land(writes);
    return {
      campaignId: c.campaignId,
      adgroupId: g.adgroupId,
      adId: ad?.adId,
      platformCampaignId: (await campaignRow(c.campaignId)).platform_campaign_id!,
      platformAdgroupId: (await entityRow(g.adgroupId)).platform_entity_id!,
      platformAdId: ad ? (await entityRow(ad.adId)).platform_entity_id! : undefined,
    };
  }

  async function campaignRow(id: string) {
    return h.env.db.selectFrom("campaigns").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  }

  async function entityRow(id: string) {
    return h.env.db.selectFrom("ad_entities").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  }

  /** The sandbox ledger of one advertiser (optionally one object), in order. */
  async function ledger(a: SeededAdvertiser, objectId?: string) {
    return sbx.ledger({ platform: "tiktok", account: a.advertiserId, ...(objectId ? { objectId } : {}) });
  }

  /** The object as TikTok serves it now, deleted ones included. */
  const read = {
    campaign: async (a: SeededAdvertiser, id: string) => (await tt.getCampaigns(a.advertiserId, { campaignIds: [id], includeDeleted: true }, a.auth))[0],
    adgroup: async (a: SeededAdvertiser, id: string) => (await tt.getAdgroups(a.advertiserId, { adgroupIds: [id], includeDeleted: true }, a.auth))[0],
    ad: async (a: SeededAdvertiser, id: string) => (await tt.getAds(a.advertiserId, { adIds: [id], includeDeleted: true }, a.auth))[0],
  };

  return {
    ...h,
    sandbox,
    sbx,
    tt,
    config,
    seedAccount,
    allowCreateCampaign,
    allowCreateAdgroup,
    allowCreateAd,
    allowWrite,
    land,
    landedTree,
    campaignRow,
    entityRow,
    ledger,
    read,
    async cleanup() {
      await h.cleanup();
      await sandbox.stop().catch(() => undefined);
    },
  };
}
export type Harness = Awaited<ReturnType<typeof createHarness>>;
