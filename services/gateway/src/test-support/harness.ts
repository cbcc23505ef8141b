import { randomUUID } from "node:crypto";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import { newId, problemSchema, type Platform } from "@layers/contracts";
import { json } from "@layers/db";
import { acceptWrite, insertPendingAction, storeDecision } from "@layers/lifecycle";
import { DEV_TOKEN_KEY, hashApiKey, mintApiKeySecret, sealToken, signCustomerToken } from "@layers/runtime";
import { createTestEnv, type TestEnv } from "@layers/testkit";
import { buildGateway, type GatewayDeps } from "../app.ts";
import { watchResponses, type ResponseViolation } from "./response-check.ts";

export const JWT_SECRET = "test-customer-jwt-secret-0123456789";

export interface SendOptions {
  auth?: string;
  body?: unknown;
  /** Raw payload (sent as-is, e.g. malformed JSON). */
  payload?: string;
  headers?: Record<string, string>;
}

/** One test file's world: a fresh database and NATS namespace, and a gateway built on them. */
export interface Harness {
  env: TestEnv;
  app: FastifyInstance;
  send(method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE", url: string, opts?: SendOptions): Promise<LightMyRequestResponse>;
  seedOrg(): Promise<string>;
  mintKey(organizationId: string, scopes: string[]): Promise<{ id: string; secret: string }>;
  customerToken(organizationId: string, projectId: string, sub?: string): string;
  createProject(secret: string, name?: string): Promise<{ id: string; layers: Array<{ id: string; platform: Platform }> }>;
  seedAdAccount(projectId: string, platform?: Platform): Promise<string>;
  /**
   * An org with a full-scope partner key, a project (made through the API), a customer token and a
   * Meta ad account; `consent` switches partner writes on for every layer (as the customer would).
   */
  seedTenant(opts?: { consent?: boolean }): Promise<Tenant>;
  seedCampaign(projectId: string, opts?: { platform?: Platform; authority?: object | null }): Promise<string>;
  seedPending(organizationId: string, projectId: string, campaignId: string): Promise<{ pendingActionId: string; jobId: string }>;
  count(table: "jobs" | "write_intents" | "projects" | "layers" | "campaigns" | "pending_actions" | "idempotency_keys"): Promise<number>;
  /** Answers the OpenAPI document does not describe (undocumented status, body off its schema); `send` and `close` fail on them. */
  violations: ResponseViolation[];
  /** How many answers were checked against the document (proves the check runs). */
  responseChecks: { readonly checked: number };
  /** Another gateway instance on the same database and NATS namespace (as another process would be); closed by `close()`. */
  another(overrides?: Partial<GatewayDeps>): Promise<FastifyInstance>;
  close(): Promise<void>;
}

export interface Tenant {
  org: string;
  partner: string;
  projectId: string;
  customer: string;
  adAccountId: string;
}

const ROOMY = { read: { quota: 1_000_000, windowSeconds: 60 }, write: { quota: 1_000_000, windowSeconds: 60 } };

export interface HarnessOptions {
  /** Check every answer against the OpenAPI document (default on: every gateway integration test proves the document). */
  checkResponses?: boolean;
}

export async function createHarness(opts: Partial<GatewayDeps> = {}, hopts: HarnessOptions = {}): Promise<Harness> {
  const env = await createTestEnv();
  const violations: ResponseViolation[] = [];
  const checkStats: Array<{ checked: number }> = [];
  // One running total over this harness's gateways (`another()` builds more).
  const responseChecks = {
    get checked() {
      return checkStats.reduce((n, st) => n + st.checked, 0);
    },
  };
  const build = async (overrides: Partial<GatewayDeps>) => {
    const built = await buildGateway({
      db: env.db,
      databaseUrl: env.databaseUrl,
      nats: env.nats,
      names: env.names,
      log: env.log,
      customerJwtSecret: JWT_SECRET,
      verdictTimeoutMs: 300,
      syncTimeoutMs: 300,
      idempotencyPruneEveryMs: 0,
      // Suites make hundreds of writes a minute with one key; rate-limits.int.test.ts sets small quotas.
      rateLimits: { tiers: { standard: ROOMY, internal: ROOMY }, killSwitchRefreshMs: 100 },
      // Injected requests wait for the whole answer: a job event stream must end on its own (the hostile-input fuzz opens some).
      jobStreams: { heartbeatMs: 100, maxStreamMs: 300 },
      ...overrides,
    });
    if (hopts.checkResponses !== false) checkStats.push(watchResponses(built, violations));
    return built;
  };
  let reported = 0;
  /** Throws the violations not yet reported (each is reported once). */
  const failOnViolations = () => {
    if (violations.length <= reported) return;
    const fresh = violations.slice(reported);
    reported = violations.length;
    throw new Error(`the gateway answered outside its OpenAPI document:\n${fresh.map((v) => `- [${v.requestId}] ${v.what}`).join("\n")}`);
  };
  const app = await build(opts);
  const others: FastifyInstance[] = [];
  const { db } = env;

  const h: Harness = {
    env,
    app,
    violations,
    responseChecks,
    async send(method, url, o = {}) {
      const headers: Record<string, string> = { ...(o.headers ?? {}) };
      if (o.auth) headers.authorization = `Bearer ${o.auth}`;
      let payload: string | undefined = o.payload;
      if (o.body !== undefined) payload = JSON.stringify(o.body);
      if (payload !== undefined && !Object.keys(headers).some((k) => k.toLowerCase() === "content-type")) headers["content-type"] = "application/json";
      const res = await app.inject({ method, url, headers, ...(payload !== undefined ? { payload } : {}) });
      failOnViolations();
      return res;
    },
    async seedOrg() {
      const id = newId("organization");
      await db.insertInto("organizations").values({ id, name: `org ${id}`, parent_id: null }).execute();
      return id;
    },
    async mintKey(organizationId, scopes) {
      const secret = mintApiKeySecret("test");
      const id = newId("apiKey");
      await db
        .insertInto("api_keys")
        .values({ id, organization_id: organizationId, name: "test key", secret_hash: hashApiKey(secret), last4: secret.slice(-4), scopes })
        .execute();
      return { id, secret };
    },
    customerToken(organizationId, projectId, sub = "user_1") {
      return signCustomerToken({ sub, org: organizationId, project: projectId }, JWT_SECRET);
    },
    async createProject(secret, name = "Acme") {
      const res = await h.send("POST", "/v1/projects", { auth: secret, body: { name } });
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    },
    async seedTenant(opts = {}) {
      const org = await h.seedOrg();
      const partner = (await h.mintKey(org, ["*"])).secret;
      const projectId = (await h.createProject(partner)).id;
      const customer = h.customerToken(org, projectId, "usr_owner");
      const adAccountId = await h.seedAdAccount(projectId);
      if (opts.consent) await db.updateTable("layers").set({ partner_writes_enabled: true }).where("project_id", "=", projectId).execute();
      return { org, partner, projectId, customer, adAccountId };
    },
    async seedAdAccount(projectId, platform = "meta") {
      const layer = await db.selectFrom("layers").select("id").where("project_id", "=", projectId).where("platform", "=", platform).executeTakeFirstOrThrow();
      const id = newId("adAccount");
      await db
        .insertInto("ad_accounts")
        .values({
          id,
          project_id: projectId,
          layer_id: layer.id,
          platform,
          platform_account_id: `act_${randomUUID().slice(0, 8)}`,
          name: "BYO account",
          currency: "USD",
          access_token_enc: sealToken("token", DEV_TOKEN_KEY),
        })
        .execute();
      return id;
    },
    async seedCampaign(projectId, o = {}) {
      const platform = o.platform ?? "meta";
      const accountId = await h.seedAdAccount(projectId, platform);
      const account = await db.selectFrom("ad_accounts").select("layer_id").where("id", "=", accountId).executeTakeFirstOrThrow();
      const id = newId("campaign");
      await db
        .insertInto("campaigns")
        .values({
          id,
          project_id: projectId,
          layer_id: account.layer_id,
          ad_account_id: accountId,
          platform,
          platform_campaign_id: null,
          name: "Seeded campaign",
          outcome: "traffic",
          objective: null,
          status: "PAUSED",
          daily_budget_cents: 5000,
          authority: o.authority ? json(o.authority) : null,
          origin: "layers",
        })
        .execute();
      return id;
    },
    async seedPending(organizationId, projectId, campaignId) {
      const campaign = await db.selectFrom("campaigns").selectAll().where("id", "=", campaignId).executeTakeFirstOrThrow();
      const intent = await acceptWrite(db, {
        intent: {
          organizationId,
          projectId,
          layerId: campaign.layer_id,
          platform: campaign.platform as Platform,
          operation: "update_budget",
          entityKey: `campaign:${campaignId}`,
          params: { campaignId, dailyBudgetCents: 7500 },
          actor: { type: "optimizer", organizationId },
          source: "optimizer",
          requestId: "req_seed",
        },
        traceparent: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
        replyTo: null,
      });
      const pendingActionId = newId("pendingAction");
      const at = new Date();
      // Stands in for the gate queueing it: the same lifecycle calls the gate makes.
      await insertPendingAction(db, {
        id: pendingActionId,
        intent,
        content: {
          campaignId,
          entityName: campaign.name,
          currentValue: { dailyBudgetCents: 5000 },
          newValue: { dailyBudgetCents: 7500 },
          rationale: "seeded",
          proposedAction: { detail: { dailyBudgetCents: 7500 } },
        },
        at,
      });
      await storeDecision(db, {
        move: "queue",
        audit: {
          id: randomUUID(),
          organization_id: organizationId,
          project_id: projectId,
          layer_id: campaign.layer_id,
          platform: campaign.platform,
          occurred_at: at,
          actor_type: "optimizer",
          actor_organization_id: organizationId,
          operation: "update_budget",
          axis: "tactical",
          decision: "queue_for_approval",
          intent_id: intent.intentId,
          entity_key: intent.entityKey,
          pending_action_id: pendingActionId,
          request_id: intent.requestId,
          intent: json(intent),
        },
        intentId: intent.intentId,
        jobId: intent.jobId,
        at,
        pendingActionId,
        events: [],
        entityKey: intent.entityKey,
        entitySeq: intent.entitySeq,
      });
      return { pendingActionId, jobId: intent.jobId };
    },
    async count(table) {
      const r = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async another(overrides = {}) {
      const other = await build({ ...opts, ...overrides });
      others.push(other);
      return other;
    },
    async close() {
      for (const other of others) await other.close();
      await app.close();
      await env.cleanup();
      failOnViolations();
    },
  };
  return h;
}

/** Every error is a problem: right content type, status mirrored, stable code, requestId = X-Request-Id, no internals. */
export function expectProblem(res: LightMyRequestResponse, status: number, code: string): Record<string, any> {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
  const body = res.json();
  expect(problemSchema.parse(body)).toEqual(body);
  expect(body.status).toBe(status);
  expect(body.code).toBe(code);
  expect(typeof body.type).toBe("string");
  expect(typeof body.title).toBe("string");
  expect(typeof body.detail).toBe("string");
  expect(body.requestId).toBe(res.headers["x-request-id"]);
  expect(res.body).not.toMatch(/stack|\bat .*\.ts:\d+|node_modules/);
  return body;
}
