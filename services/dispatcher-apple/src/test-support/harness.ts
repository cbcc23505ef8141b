import { newId, type Dispatch, type Operation } from "@layers/contracts";
import type { IntentState } from "@layers/db";
import { createLogger } from "@layers/runtime";
import { createSandboxClient, startSandbox, type CreateAppleOrgBody, type CreateAppleOrgResponse, type SandboxClient } from "@layers/sandbox";
import { createDispatchHarness, type ConnectedAccount } from "@layers/testkit";
import { startDispatcherApple } from "../app.ts";
import { createAppleClient, type AppleAuth, type AppleClient } from "../apple/index.ts";
import { createPlatformClient } from "../platform/index.ts";
import { loadConfig, type DispatcherAppleConfig } from "../config.ts";
import { wireOf, type AppleApi } from "./wire.ts";

export { countingFetch, waitFor } from "@layers/testkit";
export { APPLE_APIS, wireOf, type AppleApi, type Wire } from "./wire.ts";

type SeedCampaigns = NonNullable<CreateAppleOrgBody["campaigns"]>;

export interface SeededOrg extends ConnectedAccount {
  /** The Apple org id (also `platformAccountId`), as the sandbox control API takes it. */
  orgId: number;
  /** Ledger filter for this org's mutations. */
  ledgerKey: { platform: "apple"; account: string };
  auth: AppleAuth;
  /** Ids on Apple of the campaigns the org already had. */
  seededCampaignIds: string[];
  /** The seeded campaigns with their ad groups and keywords, as the sandbox answered (ids as numbers). */
  seeded: CreateAppleOrgResponse["campaigns"];
}

const AUTO = { creative: "auto", tactical: "auto", structural: "auto" } as const;

/**
 * One per test file (and API): the shared dispatch harness, a sandbox, and Apple-shaped helpers.
 * `api` is the `APPLE_API` the dispatcher starts with (a test may start another with the other API,
 * as a cutover does); `wire` says how that API spells what the ledger records.
 */
export async function createHarness(api: AppleApi = "platform") {
  const sandbox = await startSandbox();
  const sbx: SandboxClient = createSandboxClient(sandbox.url);
  const h = await createDispatchHarness({
    platform: "apple",
    baseConfig: () => ({ APPLE_API: api, APPLE_BASE_URL: sandbox.url, APPLE_TIMEOUT_MS: "5000" }),
    startService: ({ env, config, log, fetch }) =>
      startDispatcherApple({ db: env.db, nats: env.nats, names: env.names, log, config: loadConfig(config), ...(fetch ? { fetch } : {}) }),
  });
  /** Reads (and, for "made outside Layers", writes) what the sandbox holds, the way the dispatcher's own client sees it. */
  const clientOf = (which: AppleApi): AppleClient => {
    const opts = { baseUrl: sandbox.url, log: createLogger({ service: "test", level: "silent" }) };
    return which === "platform" ? createPlatformClient(opts) : createAppleClient(opts);
  };
  const apple = clientOf(api);

  function config(over: Record<string, string> = {}): DispatcherAppleConfig {
    return loadConfig(h.configEnv(over));
  }

  async function seedOrg(opts: { currency?: string; campaigns?: SeedCampaigns } = {}): Promise<SeededOrg> {
    const currency = opts.currency ?? "USD";
    const org = await sbx.createAppleOrg({ currency, campaigns: opts.campaigns ?? [] });
    const orgId = String(org.orgId);
    const connected = await h.connectAccount({ platformAccountId: orgId, accessToken: org.accessToken, currency, name: org.name });
    return {
      ...connected,
      orgId: org.orgId,
      ledgerKey: { platform: "apple", account: orgId },
      auth: { accessToken: org.accessToken, orgId },
      seededCampaignIds: org.campaigns.map((c) => String(c.id)),
      seeded: org.campaigns,
    };
  }

  /** A Layers campaign create, accepted and allowed (not yet published). Names are unique: Apple reconciles creates by name. */
  async function allowCreate(a: SeededOrg, over: Record<string, unknown> = {}, opts: { pendingActionId?: string } = {}) {
    const campaignId = newId("campaign");
    const params = {
      campaignId,
      adAccountId: a.adAccountId,
      name: `Campaign ${campaignId.slice(-8)}`,
      outcome: "app_installs",
      dailyBudgetCents: 5000,
      authority: AUTO,
      status: "PAUSED",
      specialAdCategories: [],
      adamId: "1234567890",
      countriesOrRegions: ["US"],
      ...over,
    };
    const dispatch = await h.acceptAndAllow(a, "create_campaign", params, opts);
    return { campaignId, dispatch };
  }

  async function allowAdGroup(a: SeededOrg, campaignId: string, over: Record<string, unknown> = {}) {
    const adGroupId = newId("adGroup");
    const params = { campaignId, entityId: adGroupId, name: `Ad group ${adGroupId.slice(-8)}`, status: "ACTIVE", bidCents: 150, ...over };
    return { adGroupId, dispatch: await h.acceptAndAllow(a, "create_adgroup", params) };
  }

  async function allowKeyword(a: SeededOrg, campaignId: string, adGroupId: string, over: Record<string, unknown> = {}) {
    const keywordId = newId("keyword");
    const params = { campaignId, entityId: keywordId, parentId: adGroupId, text: `kw ${keywordId.slice(-8)}`, matchType: "EXACT", status: "ACTIVE", ...over };
    return { keywordId, dispatch: await h.acceptAndAllow(a, "create_keyword", params) };
  }

  async function allowWrite(a: SeededOrg, campaignId: string, operation: Operation, params: Record<string, unknown> = {}, opts: { pendingActionId?: string } = {}): Promise<Dispatch> {
    return h.acceptAndAllow(a, operation, { campaignId, ...params }, opts);
  }

  /** Publishes the writes in order and waits for them to end in `states`. */
  async function run(writes: readonly Dispatch[], states: readonly IntentState[] = ["dispatched"]) {
    for (const d of writes) await h.publish(d);
    return h.waitForStates(writes.map((w) => w.intentId), states);
  }

  async function campaignRow(id: string) {
    return h.env.db.selectFrom("campaigns").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  }

  async function entityRow(id: string) {
    return h.env.db.selectFrom("ad_entities").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  }

  /** A campaign (and optionally an ad group and a keyword under it) landed on Apple. */
  async function landedTree(a: SeededOrg, opts: { campaign?: Record<string, unknown>; adGroup?: Record<string, unknown>; keyword?: Record<string, unknown> | false } = {}) {
    const c = await allowCreate(a, opts.campaign);
    const g = await allowAdGroup(a, c.campaignId, opts.adGroup);
    const writes = [c.dispatch, g.dispatch];
    const k = opts.keyword === false ? undefined : await allowKeyword(a, c.campaignId, g.adGroupId, opts.keyword ?? {});
    if (k) writes.push(k.dispatch);
    await run(writes);
    const appleCampaignId = (await campaignRow(c.campaignId)).platform_campaign_id!;
    const appleAdGroupId = (await entityRow(g.adGroupId)).platform_entity_id!;
    const appleKeywordId = k ? (await entityRow(k.keywordId)).platform_entity_id! : undefined;
    return { campaignId: c.campaignId, adGroupId: g.adGroupId, keywordId: k?.keywordId, appleCampaignId, appleAdGroupId, appleKeywordId };
  }

  return {
    ...h,
    api,
    wire: wireOf(api),
    sandbox,
    sbx,
    apple,
    clientOf,
    config,
    seedOrg,
    allowCreate,
    allowAdGroup,
    allowKeyword,
    allowWrite,
    run,
    campaignRow,
    entityRow,
    landedTree,
    async cleanup() {
      await h.cleanup();
      await sandbox.stop().catch(() => undefined);
    },
  };
}
export type Harness = Awaited<ReturnType<typeof createHarness>>;
