import { newId, type ChildKind, type Dispatch, type Operation } from "@layers/contracts";
import { createSandboxClient, startSandbox, type CreateMetaAdAccountResponse, type SandboxClient, type SeedCampaign } from "@layers/sandbox";
import { createDispatchHarness, type ConnectedAccount } from "@layers/testkit";
import { startDispatcherMeta } from "../app.ts";
import { loadConfig, type DispatcherMetaConfig } from "../config.ts";

export { countingFetch, waitFor } from "@layers/testkit";

export interface SeededAccount extends ConnectedAccount {
  /** `act_…`, as the sandbox control API and ledger name it. */
  actId: string;
  /** Ids on Meta of the campaigns the account already had. */
  seededCampaignIds: string[];
  /** The seeded campaigns with the ids on Meta of their ad sets and ads, in seed order. */
  seeded: CreateMetaAdAccountResponse["campaigns"];
}

const AUTO = { creative: "auto", tactical: "auto", structural: "auto" } as const;

/** One per test file: the shared dispatch harness, a sandbox, and Meta-shaped helpers. */
export async function createHarness() {
  const sandbox = await startSandbox();
  const sbx: SandboxClient = createSandboxClient(sandbox.url);
  const h = await createDispatchHarness({
    platform: "meta",
    baseConfig: () => ({ META_BASE_URL: sandbox.url, META_TIMEOUT_MS: "5000" }),
    startService: ({ env, config, log, fetch }) =>
      startDispatcherMeta({ db: env.db, nats: env.nats, names: env.names, log, config: loadConfig(config), ...(fetch ? { fetch } : {}) }),
  });

  function config(over: Record<string, string> = {}): DispatcherMetaConfig {
    return loadConfig(h.configEnv(over));
  }

  async function seedAccount(opts: { currency?: string; campaigns?: SeedCampaign[] } = {}): Promise<SeededAccount> {
    const currency = opts.currency ?? "USD";
    const acct = await sbx.createMetaAdAccount({ currency, campaigns: opts.campaigns ?? [] });
    const connected = await h.connectAccount({ platformAccountId: acct.platformAccountId, accessToken: acct.accessToken, currency, name: acct.name });
    return { ...connected, actId: acct.accountId, seededCampaignIds: acct.campaigns.map((c) => c.id), seeded: acct.campaigns };
  }

  /** A Layers campaign create, accepted and allowed (not yet published). */
  async function allowCreate(a: SeededAccount, over: Record<string, unknown> = {}, opts: { pendingActionId?: string } = {}) {
    const campaignId = newId("campaign");
    const params = {
      campaignId,
      adAccountId: a.adAccountId,
      name: `Campaign ${campaignId.slice(-6)}`,
      outcome: "conversions",
      dailyBudgetCents: 5000,
      authority: AUTO,
      status: "PAUSED",
      specialAdCategories: [],
      ...over,
    };
    const dispatch = await h.acceptAndAllow(a, "create_campaign", params, opts);
    return { campaignId, dispatch };
  }

  async function allowWrite(a: SeededAccount, campaignId: string, operation: Operation, params: Record<string, unknown> = {}, opts: { pendingActionId?: string } = {}): Promise<Dispatch> {
    return h.acceptAndAllow(a, operation, { campaignId, ...params }, opts);
  }

  /** A write to an ad set or ad (`entityKind`/`entityId` added), accepted and allowed. */
  async function allowEntityWrite(a: SeededAccount, campaignId: string, entity: { kind: ChildKind; id: string }, operation: Operation, params: Record<string, unknown> = {}): Promise<Dispatch> {
    return h.acceptAndAllow(a, operation, { campaignId, entityKind: entity.kind, entityId: entity.id, ...params });
  }

  /** An ad set create under `campaignId` (US targeting, a daily budget), accepted and allowed; the gate's row is inserted. */
  async function allowAdSet(a: SeededAccount, campaignId: string, over: Record<string, unknown> = {}) {
    const adSetId = newId("adSet");
    const params = {
      campaignId,
      entityId: adSetId,
      name: `Ad set ${adSetId.slice(-6)}`,
      status: "PAUSED",
      dailyBudgetCents: 2000,
      targeting: { countries: ["US"] },
      ...over,
    };
    return { adSetId, dispatch: await h.acceptAndAllow(a, "create_adset", params) };
  }

  /** A `create_ad` (or `push_creative`) under the ad set `adSetId`, accepted and allowed. */
  async function allowAd(a: SeededAccount, campaignId: string, adSetId: string, over: Record<string, unknown> = {}, operation: "create_ad" | "push_creative" = "create_ad") {
    const adId = newId("ad");
    const params = {
      campaignId,
      entityId: adId,
      parentId: adSetId,
      name: `Ad ${adId.slice(-6)}`,
      status: "PAUSED",
      creative: { primaryText: "Spring sale", linkUrl: "https://shop.example.com/spring", pageId: "1234567890" },
      ...over,
    };
    return { adId, dispatch: await h.acceptAndAllow(a, operation, params) };
  }

  /** A fresh account the sandbox meters to `calls` per second, as Meta meters an ad account. */
  async function meteredAccount(calls: number): Promise<SeededAccount> {
    const a = await seedAccount();
    await sbx.setMetering({ platform: "meta", account: a.actId, calls, windowMs: 1_000 });
    return a;
  }

  /** `n` campaign creates on `a` (budgets 10.00, 10.01, …), accepted and allowed, in order. */
  async function allowCreates(a: SeededAccount, n: number): Promise<Dispatch[]> {
    const out: Dispatch[] = [];
    for (let i = 0; i < n; i++) out.push((await allowCreate(a, { dailyBudgetCents: 1000 + i })).dispatch);
    return out;
  }

  /** The calls the sandbox refused `a` for its rate, and the campaigns it created on `a`. */
  async function throttledCalls(a: SeededAccount): Promise<number> {
    return (await sbx.metering()).find((m) => m.account === a.actId)?.throttled ?? 0;
  }
  async function landedCreates(a: SeededAccount): Promise<number> {
    return (await sbx.ledger({ account: a.actId })).filter((e) => e.op === "create").length;
  }

  /** Publishes writes in order and waits until every one is dispatched. */
  async function land(...writes: Dispatch[]) {
    for (const d of writes) await h.publish(d);
    return h.waitForStates(writes.map((w) => w.intentId), ["dispatched"]);
  }

  /**
   * A campaign created on Meta. No campaign budget by default: Meta keeps budgets at one level,
   * and ad sets under it then carry their own.
   */
  async function landCampaign(a: SeededAccount, over: Record<string, unknown> = {}) {
    const { campaignId, dispatch } = await allowCreate(a, { dailyBudgetCents: undefined, ...over });
    await land(dispatch);
    const row = await h.env.db.selectFrom("campaigns").select("platform_campaign_id").where("id", "=", campaignId).executeTakeFirstOrThrow();
    return { campaignId, platformId: row.platform_campaign_id! };
  }

  /** An ad set created on Meta under a landed campaign. */
  async function landAdSet(a: SeededAccount, campaignId: string, over: Record<string, unknown> = {}) {
    const { adSetId, dispatch } = await allowAdSet(a, campaignId, over);
    await land(dispatch);
    return { adSetId, platformId: (await entityRow(adSetId)).platform_entity_id! };
  }

  /** The Layers row of an ad set or ad. */
  async function entityRow(id: string) {
    return h.env.db.selectFrom("ad_entities").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  }

  /** Reads an object from the sandbox's Graph surface, as a client of Meta would. */
  async function graph(a: SeededAccount, id: string, fields: string): Promise<Record<string, unknown>> {
    const q = new URLSearchParams({ fields, access_token: a.accessToken });
    const res = await fetch(`${sandbox.url}/v21.0/${id}?${q.toString()}`);
    return (await res.json()) as Record<string, unknown>;
  }

  return {
    ...h,
    sandbox,
    sbx,
    config,
    seedAccount,
    meteredAccount,
    allowCreate,
    allowCreates,
    throttledCalls,
    landedCreates,
    allowWrite,
    allowEntityWrite,
    allowAdSet,
    allowAd,
    land,
    landCampaign,
    landAdSet,
    entityRow,
    graph,
    async cleanup() {
      await h.cleanup();
      await sandbox.stop().catch(() => undefined);
    },
  };
}
export type Harness = Awaited<ReturnType<typeof createHarness>>;
