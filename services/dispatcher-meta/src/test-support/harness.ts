import { newId, type Dispatch, type Operation } from "@layers/contracts";
import { createSandboxClient, startSandbox, type SandboxClient, type SeedCampaign } from "@layers/sandbox";
import { createDispatchHarness, type ConnectedAccount } from "@layers/testkit";
import { startDispatcherMeta } from "../app.ts";
import { loadConfig, type DispatcherMetaConfig } from "../config.ts";

export { countingFetch, waitFor } from "@layers/testkit";

export interface SeededAccount extends ConnectedAccount {
  /** `act_…`, as the sandbox control API and ledger name it. */
  actId: string;
  /** Ids on Meta of the campaigns the account already had. */
  seededCampaignIds: string[];
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
    return { ...connected, actId: acct.accountId, seededCampaignIds: acct.campaigns.map((c) => c.id) };
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

  return {
    ...h,
    sandbox,
    sbx,
    config,
    seedAccount,
    allowCreate,
    allowWrite,
    async cleanup() {
      await h.cleanup();
      await sandbox.stop().catch(() => undefined);
    },
  };
}
export type Harness = Awaited<ReturnType<typeof createHarness>>;
