import { RATE_TIERS, type Platform } from "@layers/contracts";
import { startDispatcherApple, loadConfig as loadAppleConfig } from "@layers/dispatcher-apple";
import { startDispatcherMeta, loadConfig as loadDispatcherConfig, type DispatcherMeta } from "@layers/dispatcher-meta";
import { startDispatcherTiktok, loadConfig as loadTiktokConfig } from "@layers/dispatcher-tiktok";
import { startGate, loadGateConfig, type RunningGate } from "@layers/gate";
import { startGateway, type StartedGateway } from "@layers/gateway";
import { watchResponses, type ResponseViolation } from "@layers/gateway/testing";
import { seedDev, type SeedDevResult } from "@layers/ops/seed-dev";
import { loadOpsConfig } from "@layers/ops/config";
import { connectNats, DEV_TOKEN_KEY, type NatsHandles } from "@layers/runtime";
import { startSandbox } from "@layers/sandbox";
import { loadConfig as loadWebhooksConfig, startWebhooks, type Webhooks } from "@layers/webhooks";
import { createTestEnv, type TestEnv } from "@layers/testkit";

export const CUSTOMER_JWT_SECRET = "e2e-customer-jwt-secret-0123456789";
const WEBHOOK_ALLOWED_HOSTS = "127.0.0.1,localhost";

export interface StackOptions {
  verdictTimeoutMs?: number;
  gateEnv?: Record<string, string>;
  dispatcherEnv?: Record<string, string>;
  /** Start without a dispatcher (a test may spawn its own as a child process). */
  dispatcher?: boolean;
  /** Platforms whose dispatcher runs (default: Meta only). */
  platforms?: readonly Platform[];
  /** A NATS server of the test's own (e.g. one it restarts) instead of the shared one. */
  natsUrl?: string;
  /** Stream replicas (3 against a `startNatsCluster` cluster). */
  streamReplicas?: number;
  /** Also run the webhooks delivery service (fast retry ladder; 127.0.0.1 and localhost allowlisted). */
  webhooks?: boolean | { env?: Record<string, string>; fetch?: typeof fetch };
}

export interface E2EStack {
  env: TestEnv;
  sandboxUrl: string;
  apiUrl: string;
  gateway: StartedGateway;
  startGate(): Promise<void>;
  stopGate(): Promise<void>;
  startDispatcher(): Promise<DispatcherMeta>;
  dispatchers: DispatcherMeta[];
  /** The webhooks service, when started with `webhooks`. */
  webhooks: Webhooks | undefined;
  seed(): Promise<SeedDevResult>;
  /** Env for spawning a service of this stack as a child process. */
  childEnv(extra?: Record<string, string>): Record<string, string>;
  stop(): Promise<void>;
}

/**
 * The whole write path in one test file: sandbox, gate, dispatcher-meta and a listening gateway,
 * each on its own NATS connection, over this file's own database and NATS namespace.
 */
export async function startStack(opts: StackOptions = {}): Promise<E2EStack> {
  const env = await createTestEnv({ ...(opts.natsUrl ? { natsUrl: opts.natsUrl } : {}), ...(opts.streamReplicas ? { streamReplicas: opts.streamReplicas } : {}) });
  const sandbox = await startSandbox({ port: 0 });
  const conns: NatsHandles[] = [];
  const conn = async (name: string) => {
    const h = await connectNats(env.natsUrl, `${env.id}-${name}`);
    conns.push(h);
    return h;
  };

  const gateNats = await conn("gate");
  const gateConfig = loadGateConfig({ ...env.env, RELAY_INTERVAL_MS: "200", RELAY_AFTER_MS: "500", ...opts.gateEnv });
  let gate: RunningGate | undefined;
  const startGateNow = async () => {
    gate ??= await startGate({ db: env.db, nats: gateNats, names: env.names, log: env.log.child({ svc: "gate" }), config: gateConfig });
  };
  await startGateNow();

  const dispatchers: DispatcherMeta[] = [];
  const dispatcherConfig = loadDispatcherConfig({
    ...env.env,
    META_BASE_URL: sandbox.url,
    TOKEN_ENCRYPTION_KEY: DEV_TOKEN_KEY,
    RETRY_LADDER_MS: "50,100,200",
    QUICK_RETRY_MIN_MS: "10",
    QUICK_RETRY_MAX_MS: "50",
    FENCE_DELAY_MS: "25",
    ...opts.dispatcherEnv,
  });
  const startDispatcher = async () => {
    const d = await startDispatcherMeta({ db: env.db, nats: await conn("dispatcher"), names: env.names, log: env.log.child({ svc: "dispatcher" }), config: dispatcherConfig });
    dispatchers.push(d);
    return d;
  };
  if (opts.dispatcher !== false) await startDispatcher();
  const fastClocks = { TOKEN_ENCRYPTION_KEY: DEV_TOKEN_KEY, RETRY_LADDER_MS: "50,100,200", QUICK_RETRY_MIN_MS: "10", QUICK_RETRY_MAX_MS: "50", FENCE_DELAY_MS: "25" };
  const others: Array<{ stop(): Promise<void> }> = [];
  if (opts.platforms?.includes("tiktok")) {
    const config = loadTiktokConfig({ ...env.env, TIKTOK_BASE_URL: sandbox.url, ...fastClocks });
    others.push(await startDispatcherTiktok({ db: env.db, nats: await conn("dispatcher-tiktok"), names: env.names, log: env.log.child({ svc: "dispatcher-tiktok" }), config }));
  }
  if (opts.platforms?.includes("apple")) {
    const config = loadAppleConfig({ ...env.env, APPLE_BASE_URL: sandbox.url, ...fastClocks });
    others.push(await startDispatcherApple({ db: env.db, nats: await conn("dispatcher-apple"), names: env.names, log: env.log.child({ svc: "dispatcher-apple" }), config }));
  }

  const gwNats = await conn("gateway");
  // Every answer the gateway gives in an end-to-end test is checked against its own OpenAPI document.
  const violations: ResponseViolation[] = [];
  const gateway = await startGateway({
    onBuilt: (app) => void watchResponses(app, violations),
    db: env.db,
    databaseUrl: env.databaseUrl,
    nats: gwNats,
    names: env.names,
    log: env.log.child({ svc: "gateway" }),
    customerJwtSecret: CUSTOMER_JWT_SECRET,
    verdictTimeoutMs: opts.verdictTimeoutMs ?? 3000,
    // As in the dev stack: endpoints may point at a receiver on this machine.
    webhooks: { allowedHosts: WEBHOOK_ALLOWED_HOSTS.split(",") },
    // As in the dev stack: consent pages and token endpoints are the sandbox's; return URLs may be http on loopback.
    connect: { sandboxUrl: sandbox.url, allowLoopbackHttp: true },
    // Fault and replay suites drive one key hard; the gateway's own tests cover the limits.
    rateLimits: { tiers: { ...RATE_TIERS, standard: { read: { quota: 1_000_000, windowSeconds: 60 }, write: { quota: 1_000_000, windowSeconds: 60 } } } },
    port: 0,
    host: "127.0.0.1",
  });

  let webhooks: Webhooks | undefined;
  if (opts.webhooks) {
    const w = opts.webhooks === true ? {} : opts.webhooks;
    const config = loadWebhooksConfig({
      ...env.env,
      WEBHOOK_ALLOWED_HOSTS,
      WEBHOOK_RETRY_SCHEDULE_MS: "0,100,200,400,800,1600,3200,6400",
      WEBHOOK_RETRY_JITTER: "0",
      WEBHOOK_POLL_MS: "25",
      WEBHOOK_TIMEOUT_MS: "3000",
      WEBHOOK_LEASE_MS: "5000",
      TOKEN_ENCRYPTION_KEY: DEV_TOKEN_KEY,
      ...w.env,
    });
    webhooks = await startWebhooks({ db: env.db, nats: await conn("webhooks"), names: env.names, log: env.log.child({ svc: "webhooks" }), config, ...(w.fetch ? { fetch: w.fetch } : {}) });
  }

  const opsConfig = loadOpsConfig({
    ...env.env,
    API_BASE_URL: gateway.url,
    SANDBOX_URL: sandbox.url,
    CUSTOMER_JWT_SECRET,
    TOKEN_ENCRYPTION_KEY: DEV_TOKEN_KEY,
  });

  return {
    env,
    sandboxUrl: sandbox.url,
    apiUrl: gateway.url,
    gateway,
    startGate: startGateNow,
    async stopGate() {
      await gate?.stop();
      gate = undefined;
    },
    startDispatcher,
    dispatchers,
    webhooks,
    seed: () => seedDev(env.db, opsConfig),
    childEnv: (extra = {}) => ({
      ...env.env,
      META_BASE_URL: sandbox.url,
      TOKEN_ENCRYPTION_KEY: DEV_TOKEN_KEY,
      CUSTOMER_JWT_SECRET,
      ...extra,
    }),
    async stop() {
      await gateway.app.close();
      await webhooks?.stop();
      for (const d of [...dispatchers, ...others]) await d.stop();
      await gate?.stop();
      for (const c of conns) await c.nc.close().catch(() => undefined);
      await sandbox.stop();
      await env.cleanup();
      // After the cleanup, so a failing check leaves nothing running.
      if (violations.length > 0) {
        throw new Error(`the gateway answered outside its OpenAPI document:\n${violations.map((v) => `${v.requestId}: ${v.what}`).join("\n")}`);
      }
    },
  };
}
