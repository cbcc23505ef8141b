import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import {
  eventSchema,
  newId,
  newLayerId,
  NEW_LAYER_CEILING,
  type Dispatch,
  type LayersEvent,
  type Operation,
  type WriteIntent,
} from "@layers/contracts";
import { acceptWrite, json, type IntentState, type WriteIntentRow } from "@layers/db";
import { childTraceparent, DEV_TOKEN_KEY, hopHeaders, sealToken, type Logger } from "@layers/runtime";
import { createSandboxClient, startSandbox, type SandboxClient, type SeedCampaign } from "@layers/sandbox";
import { createTestEnv, type TestEnv } from "@layers/testkit";
import { startDispatcherMeta, type DispatcherMeta } from "../app.ts";
import { loadConfig, type DispatcherMetaConfig } from "../config.ts";

/** Fast clocks for tests: short leases, ack waits and retry ladders. */
export const FAST_CONFIG: Record<string, string> = {
  ACK_WAIT_MS: "2000",
  LEASE_MS: "2000",
  FENCE_DELAY_MS: "30",
  QUICK_RETRY_MIN_MS: "10",
  QUICK_RETRY_MAX_MS: "50",
  RETRY_LADDER_MS: "50,100,200",
  META_TIMEOUT_MS: "5000",
};

export interface SeededAccount {
  organizationId: string;
  projectId: string;
  layerId: string;
  adAccountId: string;
  /** `act_…`, as the sandbox control API and ledger name it. */
  actId: string;
  platformAccountId: string;
  accessToken: string;
  currency: string;
  /** Ids on Meta of the campaigns the account already had. */
  seededCampaignIds: string[];
}

const AUTO = { creative: "auto", tactical: "auto", structural: "auto" } as const;

/** One per test file: a database + NATS namespace, a sandbox, and helpers that play the gateway and gate. */
export async function createHarness() {
  const env: TestEnv = await createTestEnv();
  const sandbox = await startSandbox();
  const sbx: SandboxClient = createSandboxClient(sandbox.url);
  const apps: DispatcherMeta[] = [];

  function configEnv(over: Record<string, string> = {}): Record<string, string> {
    return { ...env.env, META_BASE_URL: sandbox.url, ...FAST_CONFIG, ...over };
  }
  function config(over: Record<string, string> = {}): DispatcherMetaConfig {
    return loadConfig(configEnv(over));
  }

  async function start(opts: { config?: Record<string, string>; log?: Logger; fetch?: typeof fetch } = {}): Promise<DispatcherMeta> {
    const app = await startDispatcherMeta({
      db: env.db,
      nats: env.nats,
      names: env.names,
      log: opts.log ?? env.log,
      config: config(opts.config),
      ...(opts.fetch ? { fetch: opts.fetch } : {}),
    });
    apps.push(app);
    return {
      async stop() {
        const i = apps.indexOf(app);
        if (i === -1) return;
        apps.splice(i, 1);
        await app.stop();
      },
    };
  }

  async function seedAccount(opts: { currency?: string; campaigns?: SeedCampaign[] } = {}): Promise<SeededAccount> {
    const currency = opts.currency ?? "USD";
    const acct = await sbx.createMetaAdAccount({ currency, campaigns: opts.campaigns ?? [] });
    const organizationId = newId("organization");
    const projectId = randomUUID();
    const layerId = newLayerId();
    const adAccountId = newId("adAccount");
    await env.db.insertInto("organizations").values({ id: organizationId, name: "Partner" }).execute();
    await env.db.insertInto("projects").values({ id: projectId, organization_id: organizationId, name: "Customer" }).execute();
    await env.db
      .insertInto("layers")
      .values({ id: layerId, project_id: projectId, platform: "meta", currency, defaults: json(AUTO), ceiling: json(NEW_LAYER_CEILING), partner_writes_enabled: true })
      .execute();
    await env.db
      .insertInto("ad_accounts")
      .values({
        id: adAccountId,
        project_id: projectId,
        layer_id: layerId,
        platform: "meta",
        platform_account_id: acct.platformAccountId,
        name: acct.name,
        currency,
        access_token_enc: sealToken(acct.accessToken, DEV_TOKEN_KEY),
      })
      .execute();
    return {
      organizationId,
      projectId,
      layerId,
      adAccountId,
      actId: acct.accountId,
      platformAccountId: acct.platformAccountId,
      accessToken: acct.accessToken,
      currency,
      seededCampaignIds: acct.campaigns.map((c) => c.id),
    };
  }

  /** What the gateway does: job + sequenced intent. What the gate does on allow: state, job, campaign row. */
  async function acceptAndAllow(
    a: SeededAccount,
    operation: Operation,
    campaignId: string,
    params: Record<string, unknown>,
    opts: { pendingActionId?: string; campaignRow?: boolean } = {},
  ): Promise<Dispatch> {
    const intent: WriteIntent = await acceptWrite(env.db, {
      intent: {
        organizationId: a.organizationId,
        projectId: a.projectId,
        layerId: a.layerId,
        platform: "meta",
        operation,
        entityKey: `campaign:${campaignId}`,
        params,
        actor: { type: "partner", organizationId: a.organizationId, apiKeyId: newId("apiKey") },
        source: opts.pendingActionId ? "approval" : "api",
        ...(opts.pendingActionId ? { pendingActionId: opts.pendingActionId } : {}),
        requestId: `req-${randomUUID()}`,
      },
      traceparent: childTraceparent(),
      replyTo: null,
    });
    const verdictId = randomUUID();
    const now = new Date();
    await env.db.updateTable("write_intents").set({ state: "allowed", verdict_id: verdictId, decided_at: now }).where("id", "=", intent.intentId).execute();
    await env.db.updateTable("jobs").set({ status: "running", verdict_id: verdictId, decision: "allow", updated_at: now }).where("id", "=", intent.jobId).execute();
    if (opts.campaignRow) {
      await env.db
        .insertInto("campaigns")
        .values({
          id: campaignId,
          project_id: a.projectId,
          layer_id: a.layerId,
          ad_account_id: a.adAccountId,
          platform: "meta",
          name: String(params.name),
          outcome: String(params.outcome),
          status: "pending",
          daily_budget_cents: (params.dailyBudgetCents as number | undefined) ?? null,
          lifetime_budget_cents: (params.lifetimeBudgetCents as number | undefined) ?? null,
          authority: json(AUTO),
          origin: "layers",
        })
        .execute();
    }
    return {
      intentId: intent.intentId,
      jobId: intent.jobId,
      verdictId,
      organizationId: intent.organizationId,
      projectId: intent.projectId,
      layerId: intent.layerId,
      platform: "meta",
      operation,
      entityKey: intent.entityKey,
      entitySeq: intent.entitySeq,
      params,
      currency: a.currency,
      ...(opts.pendingActionId ? { pendingActionId: opts.pendingActionId } : {}),
      requestId: intent.requestId,
    };
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
    const dispatch = await acceptAndAllow(a, "create_campaign", campaignId, params, { ...opts, campaignRow: true });
    return { campaignId, dispatch };
  }

  async function allowWrite(a: SeededAccount, campaignId: string, operation: Operation, params: Record<string, unknown> = {}, opts: { pendingActionId?: string } = {}) {
    return acceptAndAllow(a, operation, campaignId, { campaignId, ...params }, opts);
  }

  /** Publishes like the gate (msgID = intent id); pass another msgID to play an ops replay. */
  async function publish(d: Dispatch, msgID: string = d.intentId) {
    return env.nats.js.publish(env.names.subjects.dispatch("meta"), JSON.stringify(d), {
      msgID,
      headers: hopHeaders({ requestId: d.requestId, traceparent: childTraceparent() }),
    });
  }

  async function intent(id: string): Promise<WriteIntentRow> {
    return env.db.selectFrom("write_intents").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  }

  async function waitForStates(ids: readonly string[], states: readonly IntentState[] = ["dispatched", "failed", "dead"], timeoutMs = 20_000) {
    return waitFor(async () => {
      const rows = await env.db.selectFrom("write_intents").select(["id", "state"]).where("id", "in", ids).execute();
      return rows.length === ids.length && rows.every((r) => states.includes(r.state)) ? rows : undefined;
    }, timeoutMs);
  }

  /** Every event in the namespace's events stream, oldest first. */
  async function events(): Promise<LayersEvent[]> {
    const info = await env.nats.jsm.streams.info(env.names.streams.events);
    const out: LayersEvent[] = [];
    for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
      const m = await env.nats.jsm.streams.getMessage(env.names.streams.events, { seq });
      if (m) out.push(eventSchema.parse(m.json()));
    }
    return out;
  }

  return {
    env,
    sandbox,
    sbx,
    config,
    configEnv,
    start,
    seedAccount,
    allowCreate,
    allowWrite,
    publish,
    intent,
    waitForStates,
    events,
    /** Stops every instance a test started, also when the test failed before stopping it. */
    async stopApps() {
      for (const app of apps.splice(0)) await app.stop().catch(() => undefined);
    },
    async cleanup() {
      for (const app of apps.splice(0)) await app.stop().catch(() => undefined);
      await sandbox.stop().catch(() => undefined);
      await env.cleanup();
    },
  };
}
export type Harness = Awaited<ReturnType<typeof createHarness>>;

/** Polls until `check` returns a value (not undefined/false) or the time is up. */
export async function waitFor<T>(check: () => Promise<T | undefined | false>, timeoutMs = 20_000, everyMs = 25): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(everyMs);
  }
}

/** Wraps fetch to count calls towards the sandbox's Graph surface (not its control API). */
export function countingFetch(): { fetch: typeof fetch; calls: () => number } {
  let n = 0;
  return {
    fetch: (input, init) => {
      if (!String(input instanceof Request ? input.url : input).includes("/_sandbox/")) n++;
      return fetch(input, init);
    },
    calls: () => n,
  };
}
