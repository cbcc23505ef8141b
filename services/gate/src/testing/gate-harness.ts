import { randomBytes, randomUUID } from "node:crypto";
import type { MsgHdrs } from "@nats-io/transport-node";
import {
  HEADERS,
  NEW_LAYER_CEILING,
  NEW_LAYER_DEFAULTS,
  newId,
  newLayerId,
  type Actor,
  type AuthorityBlock,
  type Dispatch,
  type LayersEvent,
  type Operation,
  type Platform,
  type Verdict,
  type WriteIntent,
} from "@layers/contracts";
import { json } from "@layers/db";
import { acceptWrite } from "@layers/lifecycle";
import { hopHeaders } from "@layers/runtime";
import { createTestEnv, outboxDrained, type TestEnv } from "@layers/testkit";
import { startGate, type RunningGate } from "../app.ts";
import { loadGateConfig } from "../config.ts";

/** A project with one layer and one connected ad account, seeded the way the gateway and OAuth would. */
export interface Tenant {
  orgId: string;
  projectId: string;
  layerId: string;
  adAccountId: string;
  platform: Platform;
  currency: string;
}

export interface LayerSeed {
  platform?: Platform;
  currency?: string;
  defaults?: AuthorityBlock;
  ceiling?: AuthorityBlock;
  killSwitchActive?: boolean;
  partnerWritesEnabled?: boolean;
  maxDailyBudgetCents?: number | null;
  writerPreset?: "END_TO_END" | "ADGROUP_GRAIN" | null;
}

export interface IntentSpec {
  operation: Operation;
  params: Record<string, unknown>;
  actor?: Partial<Actor> & { type: Actor["type"] };
  source?: WriteIntent["source"];
  pendingActionId?: string;
  existingJobId?: string;
  requestId?: string;
  /** The caller's trace (default: a new one). */
  traceparent?: string;
}

/** Verdicts arriving on one gateway-style inbox, in order. */
export class VerdictInbox {
  readonly subject: string;
  private readonly received: Verdict[] = [];
  private waiters: Array<() => void> = [];
  constructor(h: GateHarness) {
    this.subject = h.env.names.subjects.verdict(`gw${randomBytes(4).toString("hex")}`);
    const sub = h.env.nats.nc.subscribe(this.subject, {
      callback: (_err, msg) => {
        this.received.push(msg.json<Verdict>());
        for (const w of this.waiters.splice(0)) w();
      },
    });
    h.onClose(() => sub.unsubscribe());
  }
  /** The n-th verdict (0-based), waiting for it up to `timeoutMs`. */
  async nth(n: number, timeoutMs = 10_000): Promise<Verdict> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length <= n) {
      if (Date.now() > deadline) throw new Error(`verdict #${n} did not arrive on ${this.subject} within ${timeoutMs} ms`);
      await new Promise<void>((r) => {
        this.waiters.push(r);
        setTimeout(r, 50);
      });
    }
    return this.received[n]!;
  }
  get count(): number {
    return this.received.length;
  }
}

export interface Submitted {
  intent: WriteIntent;
  inbox: VerdictInbox;
  /** The headers the intent was published with (absent when not published). */
  headers: MsgHdrs | null;
  traceparent: string;
  verdict(timeoutMs?: number): Promise<Verdict>;
}

export interface StoredMessage<T> {
  seq: number;
  subject: string;
  headers: MsgHdrs | undefined;
  body: T;
}

/** One test file's database, NATS namespace and in-process gate, plus seeding and reading helpers. */
export class GateHarness {
  readonly env: TestEnv;
  gate: RunningGate | null = null;
  private readonly closers: Array<() => unknown> = [];

  private constructor(env: TestEnv) {
    this.env = env;
  }

  static async start(configOverrides: Record<string, string> = {}): Promise<GateHarness> {
    const h = new GateHarness(await createTestEnv());
    await h.startGate(configOverrides);
    return h;
  }

  async startGate(configOverrides: Record<string, string> = {}): Promise<void> {
    const { env } = this;
    const config = loadGateConfig({ ...env.env, GATE_ACK_WAIT_MS: "5000", ...configOverrides });
    this.gate = await startGate({ db: env.db, nats: env.nats, names: env.names, log: env.log, config });
  }

  onClose(fn: () => unknown): void {
    this.closers.push(fn);
  }

  async close(): Promise<void> {
    await this.gate?.stop();
    for (const c of this.closers) await c();
    await this.env.cleanup();
  }

  async seedTenant(seed: LayerSeed = {}): Promise<Tenant> {
    const { db } = this.env;
    const platform = seed.platform ?? "meta";
    const currency = seed.currency ?? "USD";
    const orgId = newId("organization");
    const projectId = randomUUID();
    const layerId = newLayerId();
    const adAccountId = newId("adAccount");
    await db.insertInto("organizations").values({ id: orgId, name: "Partner Co", parent_id: null }).execute();
    await db.insertInto("projects").values({ id: projectId, organization_id: orgId, name: "Customer", customer_external_id: null, timezone: null, primary_language: null }).execute();
    await db
      .insertInto("layers")
      .values({
        id: layerId,
        project_id: projectId,
        platform,
        currency,
        defaults: json(seed.defaults ?? NEW_LAYER_DEFAULTS),
        ceiling: json(seed.ceiling ?? NEW_LAYER_CEILING),
        kill_switch_active: seed.killSwitchActive ?? false,
        kill_switch_reason: null,
        partner_writes_enabled: seed.partnerWritesEnabled ?? true,
        max_daily_budget_cents: seed.maxDailyBudgetCents ?? null,
        writer_preset: seed.writerPreset ?? null,
      })
      .execute();
    await db
      .insertInto("ad_accounts")
      .values({
        id: adAccountId,
        project_id: projectId,
        layer_id: layerId,
        platform,
        platform_account_id: `act_${randomBytes(5).toString("hex")}`,
        name: "Customer account",
        currency,
        access_token_enc: "sealed-token-not-used-by-the-gate",
      })
      .execute();
    return { orgId, projectId, layerId, adAccountId, platform, currency };
  }

  async seedCampaign(
    t: Tenant,
    over: { name?: string; status?: string; dailyBudgetCents?: number | null; authority?: AuthorityBlock | null; platformCampaignId?: string | null } = {},
  ): Promise<string> {
    const id = newId("campaign");
    await this.env.db
      .insertInto("campaigns")
      .values({
        id,
        project_id: t.projectId,
        layer_id: t.layerId,
        ad_account_id: t.adAccountId,
        platform: t.platform,
        platform_campaign_id: over.platformCampaignId === undefined ? `2385${randomBytes(4).toString("hex")}` : over.platformCampaignId,
        name: over.name ?? "Evergreen prospecting",
        outcome: "conversions",
        objective: "OUTCOME_SALES",
        status: over.status ?? "ACTIVE",
        daily_budget_cents: over.dailyBudgetCents === undefined ? 5_000 : over.dailyBudgetCents,
        lifetime_budget_cents: null,
        authority: over.authority ? json(over.authority) : null,
        origin: "platform",
      })
      .execute();
    return id;
  }

  actor(t: Tenant, type: Actor["type"] = "partner"): Actor {
    if (type === "partner") return { type, organizationId: t.orgId, apiKeyId: newId("apiKey") };
    if (type === "customer") return { type, organizationId: t.orgId, userId: newId("user") };
    return { type, organizationId: t.orgId };
  }

  /**
   * Stores an intent exactly as the gateway does (`acceptWrite`) and, unless `publish: false`,
   * publishes it with the gateway's headers and a verdict inbox.
   */
  async submit(t: Tenant, spec: IntentSpec, opts: { publish?: boolean; inbox?: VerdictInbox } = {}): Promise<Submitted> {
    const inbox = opts.inbox ?? new VerdictInbox(this);
    const campaignId = typeof spec.params.campaignId === "string" ? spec.params.campaignId : undefined;
    const requestId = spec.requestId ?? `req_${randomBytes(6).toString("hex")}`;
    const traceparent = spec.traceparent ?? `00-${randomBytes(16).toString("hex")}-${randomBytes(8).toString("hex")}-01`;
    const actor: Actor = { ...this.actor(t, spec.actor?.type ?? "partner"), ...spec.actor };
    const intent = await acceptWrite(this.env.db, {
      intent: {
        organizationId: t.orgId,
        projectId: t.projectId,
        layerId: t.layerId,
        platform: t.platform,
        operation: spec.operation,
        entityKey: campaignId ? `campaign:${campaignId}` : `layer:${t.layerId}`,
        params: spec.params,
        actor,
        source: spec.source ?? "api",
        ...(spec.pendingActionId ? { pendingActionId: spec.pendingActionId } : {}),
        requestId,
      },
      traceparent,
      replyTo: inbox.subject,
      ...(spec.existingJobId ? { existingJobId: spec.existingJobId } : {}),
    });
    let headers: MsgHdrs | null = null;
    if (opts.publish !== false) headers = await this.publishIntent(intent, { requestId, traceparent, replyTo: inbox.subject });
    return { intent, inbox, headers, traceparent, verdict: (ms) => inbox.nth(0, ms) };
  }

  /** Publishes (again) an intent message; `msgID` defaults to the intent id, as the gateway sets it. */
  async publishIntent(intent: WriteIntent, h: { requestId: string; traceparent: string; replyTo?: string; msgID?: string }): Promise<MsgHdrs> {
    const headers = hopHeaders({ requestId: h.requestId, traceparent: h.traceparent }, h.replyTo ? { [HEADERS.replyTo]: h.replyTo } : {});
    await this.env.nats.js.publish(this.env.names.subjects.intent(intent.platform), JSON.stringify(intent), {
      msgID: h.msgID ?? intent.intentId,
      headers,
    });
    return headers;
  }

  /** Every message currently stored in one stream (test streams are small). */
  async readStream<T>(stream: string): Promise<Array<StoredMessage<T>>> {
    const info = await this.env.nats.jsm.streams.info(stream);
    const out: Array<StoredMessage<T>> = [];
    for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
      const m = await this.env.nats.jsm.streams.getMessage(stream, { seq });
      if (m) out.push({ seq: m.seq, subject: m.subject, headers: m.header, body: m.json<T>() });
    }
    return out;
  }

  async dispatchesFor(intentId: string): Promise<Array<StoredMessage<Dispatch>>> {
    return (await this.readStream<Dispatch>(this.env.names.streams.dispatch)).filter((m) => m.body.intentId === intentId);
  }

  async eventsFor(intentId: string): Promise<Array<StoredMessage<LayersEvent>>> {
    await outboxDrained(this.env);
    return (await this.readStream<LayersEvent>(this.env.names.streams.events)).filter((m) => m.body.data.intentId === intentId);
  }

  async auditRowsFor(intentId: string) {
    return this.env.db.selectFrom("audit_log").selectAll().where("intent_id", "=", intentId).execute();
  }

  async job(jobId: string) {
    return this.env.db.selectFrom("jobs").selectAll().where("id", "=", jobId).executeTakeFirstOrThrow();
  }

  async intentRow(intentId: string) {
    return this.env.db.selectFrom("write_intents").selectAll().where("id", "=", intentId).executeTakeFirstOrThrow();
  }

  async layer(layerId: string) {
    return this.env.db.selectFrom("layers").selectAll().where("id", "=", layerId).executeTakeFirstOrThrow();
  }

  async campaign(id: string) {
    return this.env.db.selectFrom("campaigns").selectAll().where("id", "=", id).executeTakeFirst();
  }
}

/** Polls until `probe` returns something truthy. */
export async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The trace id of a W3C traceparent. */
export function traceIdOf(traceparent: string | undefined | null): string | undefined {
  return traceparent?.split("-")[1];
}
export function spanIdOf(traceparent: string | undefined | null): string | undefined {
  return traceparent?.split("-")[2];
}
