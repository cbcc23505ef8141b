import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import {
  syncAccountReplySchema,
  CREATES,
  entityKeyOfCampaign,
  eventSchema,
  isCreate,
  newId,
  newLayerId,
  NEW_LAYER_CEILING,
  type Dispatch,
  type LayersEvent,
  type Operation,
  type Platform,
  type WriteIntent,
} from "@layers/contracts";
import { json, type IntentState, type WriteIntentRow } from "@layers/db";
import { acceptWrite, storeDecision } from "@layers/lifecycle";
import { childTraceparent, DEV_TOKEN_KEY, hopHeaders, sealToken, type Logger } from "@layers/runtime";
import { killAll, spawnNode, type NodeRun } from "./spawn-node.ts";
import { outboxDrained, startTestOutboxRelay } from "./outbox.ts";
import { createTestEnv, type TestEnv } from "./test-env.ts";

/** Fast clocks for dispatcher tests: short leases, ack waits and retry ladders. */
export const FAST_DISPATCH_CONFIG: Record<string, string> = {
  ACK_WAIT_MS: "2000",
  LEASE_MS: "2000",
  FENCE_DELAY_MS: "30",
  QUICK_RETRY_MIN_MS: "10",
  QUICK_RETRY_MAX_MS: "50",
  RETRY_LADDER_MS: "50,100,200",
  HANDON_SWEEP_AFTER_MS: "2000",
  HANDON_SWEEP_EVERY_MS: "200",
  HANDON_SWEEP_RETRY_MS: "3000",
};

/** A Layers tenant with one connected platform account (the layer is on `auto`, consent given). */
export interface ConnectedAccount {
  organizationId: string;
  projectId: string;
  layerId: string;
  adAccountId: string;
  platform: Platform;
  platformAccountId: string;
  accessToken: string;
  currency: string;
}

export interface StartedService {
  stop(): Promise<void>;
}

export interface DispatchHarnessOptions {
  platform: Platform;
  /** Starts one dispatcher instance with the given env (already holding the test env and fast clocks). */
  startService(deps: { env: TestEnv; config: Record<string, string>; log: Logger; fetch?: typeof fetch }): Promise<StartedService>;
  /** Env entries every instance gets (e.g. the platform base URL). */
  baseConfig(): Record<string, string>;
}

const AUTO = { creative: "auto", tactical: "auto", structural: "auto" } as const;

/**
 * One per dispatcher test file: a database + NATS namespace and helpers that play the gateway
 * (job + sequenced intent) and the gate (allowed state, the row a create makes) so a dispatcher
 * can be driven with real messages. The platform's sandbox is the caller's.
 */
export async function createDispatchHarness(opts: DispatchHarnessOptions) {
  const env: TestEnv = await createTestEnv();
  const { platform } = opts;
  const apps: StartedService[] = [];
  const children: NodeRun[] = [];
  // Dispatchers store their events in the outbox; the relay (the gate's, in production) publishes them.
  const relay = startTestOutboxRelay(env);

  function configEnv(over: Record<string, string> = {}): Record<string, string> {
    return { ...env.env, ...opts.baseConfig(), ...FAST_DISPATCH_CONFIG, ...over };
  }

  async function start(o: { config?: Record<string, string>; log?: Logger; fetch?: typeof fetch } = {}): Promise<StartedService> {
    const app = await opts.startService({ env, config: configEnv(o.config), log: o.log ?? env.log, ...(o.fetch ? { fetch: o.fetch } : {}) });
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

  /** Runs the dispatcher's `main.ts` as its own process (crash tests); SIGKILLed at cleanup if still alive. */
  function spawnMain(main: string, over: Record<string, string> = {}): NodeRun {
    const child = spawnNode(main, configEnv(over));
    children.push(child);
    return child;
  }

  /** Stores a tenant whose layer holds the given platform account. */
  async function connectAccount(a: { platformAccountId: string; accessToken: string; currency: string; name?: string }): Promise<ConnectedAccount> {
    const organizationId = newId("organization");
    const projectId = randomUUID();
    const layerId = newLayerId();
    const adAccountId = newId("adAccount");
    await env.db.insertInto("organizations").values({ id: organizationId, name: "Partner" }).execute();
    await env.db.insertInto("projects").values({ id: projectId, organization_id: organizationId, name: "Customer" }).execute();
    await env.db
      .insertInto("layers")
      .values({ id: layerId, project_id: projectId, platform, currency: a.currency, defaults: json(AUTO), ceiling: json(NEW_LAYER_CEILING), partner_writes_enabled: true })
      .execute();
    await env.db
      .insertInto("ad_accounts")
      .values({
        id: adAccountId,
        project_id: projectId,
        layer_id: layerId,
        platform,
        platform_account_id: a.platformAccountId,
        name: a.name ?? null,
        currency: a.currency,
        access_token_enc: sealToken(a.accessToken, DEV_TOKEN_KEY),
      })
      .execute();
    return { organizationId, projectId, layerId, adAccountId, platform, platformAccountId: a.platformAccountId, accessToken: a.accessToken, currency: a.currency };
  }

  /**
   * What the gateway does (job + sequenced intent) and what the gate does on allow (intent state,
   * job, and for a create the Layers row it makes). Returns the dispatch the gate would publish.
   */
  async function acceptAndAllow(a: ConnectedAccount, operation: Operation, params: Record<string, unknown>, o: { pendingActionId?: string } = {}): Promise<Dispatch> {
    const campaignId = String(params.campaignId);
    const intent: WriteIntent = await acceptWrite(env.db, {
      intent: {
        organizationId: a.organizationId,
        projectId: a.projectId,
        layerId: a.layerId,
        platform,
        operation,
        entityKey: entityKeyOfCampaign(campaignId),
        params,
        actor: { type: "partner", organizationId: a.organizationId, apiKeyId: newId("apiKey") },
        source: o.pendingActionId ? "approval" : "api",
        ...(o.pendingActionId ? { pendingActionId: o.pendingActionId } : {}),
        requestId: `req-${randomUUID()}`,
      },
      traceparent: childTraceparent(),
      replyTo: null,
    });
    const verdictId = randomUUID();
    const now = new Date();
    const dispatch: Dispatch = {
      intentId: intent.intentId,
      jobId: intent.jobId,
      verdictId,
      organizationId: intent.organizationId,
      projectId: intent.projectId,
      layerId: intent.layerId,
      platform,
      operation,
      entityKey: intent.entityKey,
      entitySeq: intent.entitySeq,
      params,
      currency: a.currency,
      // The gate reads the account with the campaign and puts it on the dispatch.
      adAccountId: a.adAccountId,
      ...(o.pendingActionId ? { pendingActionId: o.pendingActionId } : {}),
      requestId: intent.requestId,
    };
    // Stands in for the gate: the allow goes through the lifecycle like the gate's own.
    await storeDecision(env.db, {
      move: "allow",
      audit: {
        id: verdictId,
        organization_id: intent.organizationId,
        project_id: intent.projectId,
        layer_id: intent.layerId,
        platform,
        occurred_at: now,
        actor_type: "partner",
        actor_organization_id: intent.organizationId,
        operation,
        axis: "structural",
        decision: "allow",
        intent_id: intent.intentId,
        entity_key: intent.entityKey,
        request_id: intent.requestId,
        intent: json(intent),
      },
      intentId: intent.intentId,
      jobId: intent.jobId,
      at: now,
      pendingActionId: null,
      dispatch,
      events: [],
      entityKey: intent.entityKey,
      entitySeq: intent.entitySeq,
    });
    if (isCreate(operation)) await insertCreatedRow(a, operation, params);
    return dispatch;
  }

  async function insertCreatedRow(a: ConnectedAccount, operation: keyof typeof CREATES, params: Record<string, unknown>): Promise<void> {
    const num = (v: unknown) => (typeof v === "number" ? v : null);
    const kind = CREATES[operation];
    if (kind === "campaign") {
      await env.db
        .insertInto("campaigns")
        .values({
          id: String(params.campaignId),
          project_id: a.projectId,
          layer_id: a.layerId,
          ad_account_id: String(params.adAccountId ?? a.adAccountId),
          platform,
          name: String(params.name),
          outcome: String(params.outcome),
          status: "creating",
          daily_budget_cents: num(params.dailyBudgetCents),
          lifetime_budget_cents: num(params.lifetimeBudgetCents),
          authority: json(AUTO),
          origin: "layers",
        })
        .execute();
      return;
    }
    await env.db
      .insertInto("ad_entities")
      .values({
        id: String(params.entityId),
        kind,
        project_id: a.projectId,
        layer_id: a.layerId,
        ad_account_id: a.adAccountId,
        platform,
        campaign_id: String(params.campaignId),
        parent_id: typeof params.parentId === "string" ? params.parentId : null,
        name: String(params.name ?? params.text),
        status: "creating",
        daily_budget_cents: num(params.dailyBudgetCents),
        lifetime_budget_cents: num(params.lifetimeBudgetCents),
        bid_cents: num(params.bidCents),
        creative: params.creative === undefined ? null : json(params.creative),
        attributes: json(params.matchType ? { matchType: params.matchType } : {}),
        origin: "layers",
      })
      .execute();
  }

  /** Publishes like the gate (msgID = intent id); pass another msgID to play an ops replay. */
  async function publish(d: Dispatch, msgID: string = d.intentId) {
    return env.nats.js.publish(env.names.subjects.dispatch(platform), JSON.stringify(d), {
      msgID,
      headers: hopHeaders({ requestId: d.requestId, traceparent: childTraceparent() }),
    });
  }

  async function intent(id: string): Promise<WriteIntentRow> {
    return env.db.selectFrom("write_intents").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  }

  async function waitForStates(ids: readonly string[], states: readonly IntentState[] = ["dispatched", "failed", "dead"], timeoutMs = 20_000) {
    return waitFor(async () => {
      const rows = await env.db.selectFrom("write_intents").select(["id", "state", "failure_reason", "platform_result"]).where("id", "in", ids).execute();
      return rows.length === ids.length && rows.every((r) => states.includes(r.state)) ? rows : undefined;
    }, timeoutMs);
  }

  /** Asks the running dispatcher to sync an ad account (`rpc.<platform>.sync-account`) and parses its reply. */
  async function syncAccount(body: unknown) {
    const reply = await env.nats.nc.request(env.names.subjects.syncAccount(platform), typeof body === "string" ? body : JSON.stringify(body), { timeout: 10_000 });
    return syncAccountReplySchema.parse(reply.json());
  }

  /** Asks the running dispatcher to sync one campaign's tree (`rpc.<platform>.sync-campaign`). */
  async function syncCampaign(campaignId: string) {
    const reply = await env.nats.nc.request(env.names.subjects.syncCampaign(platform), JSON.stringify({ campaignId }), { timeout: 10_000 });
    return syncAccountReplySchema.parse(reply.json());
  }

  /** Every event in the namespace's events stream, oldest first. */
  async function events(): Promise<LayersEvent[]> {
    await outboxDrained(env);
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
    configEnv,
    start,
    spawnMain,
    connectAccount,
    acceptAndAllow,
    publish,
    intent,
    waitForStates,
    events,
    syncAccount,
    syncCampaign,
    /** Stops every instance a test started, also when the test failed before stopping it. */
    async stopApps() {
      for (const app of apps.splice(0)) await app.stop().catch(() => undefined);
    },
    async cleanup() {
      killAll(children);
      for (const app of apps.splice(0)) await app.stop().catch(() => undefined);
      await relay.stop();
      await env.cleanup();
    },
  };
}
export type DispatchHarness = Awaited<ReturnType<typeof createDispatchHarness>>;

export async function waitFor<T>(check: () => Promise<T | undefined | false>, timeoutMs = 20_000, everyMs = 25): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > until) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(everyMs);
  }
}

/** Wraps fetch to count calls towards a sandbox's platform surface (not its control API). */
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

/** Deterministic shuffle (seeded LCG), so an ordering test that fails can be replayed. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
