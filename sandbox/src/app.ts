import type { AddressInfo } from "node:net";
import { AppleStore } from "./apple/apple-store.ts";
import { registerAppleRoutes } from "./apple/routes.ts";
import { createLogger, type Logger } from "@layers/runtime";
import Fastify, { LogController, type FastifyInstance } from "fastify";
import { registerControlRoutes } from "./control-routes.ts";
import { FaultBook } from "./faults.ts";
import { Ledger } from "./ledger.ts";
import { MetaStore } from "./meta/meta-store.ts";
import { registerMetaRoutes } from "./meta/routes.ts";
import { PerformanceBook } from "./performance/performance-book.ts";
import { registerPerformanceRoutes } from "./performance/routes.ts";
import { registerTiktokRoutes } from "./tiktok/routes.ts";
import { TiktokStore } from "./tiktok/tiktok-store.ts";
import { createStateWriter, readStateFile, type SandboxState } from "./state-file.ts";
import { UsageMeter } from "./usage-meter.ts";
import { OauthStore } from "./oauth/oauth-store.ts";
import { registerOauthRoutes, restoreGrantTokens } from "./oauth/routes.ts";
import { CallMeter } from "./metering/call-meter.ts";
import { registerMeteringRoutes } from "./metering/metering-routes.ts";
import { BudgetChangeMeter } from "./metering/budget-change-meter.ts";
import { registerBudgetChangeRoutes } from "./metering/budget-change-routes.ts";

export type { CreateMetaAdAccountBody, CreateMetaAdAccountResponse, PutFaultsBody, SeedAd, SeedAdSet, SeedCampaign } from "./control-schemas.ts";
export type { FaultEntry, FaultSpec } from "./faults.ts";
export type { CreateAppleOrgBody, CreateAppleOrgResponse, PutAppleFaultsBody } from "./apple/control-routes.ts";
export type { LedgerEntry, LedgerOp } from "./ledger.ts";
export type { CreateTiktokAdvertiserBody, CreateTiktokAdvertiserResponse } from "./tiktok/control.ts";
export type { PutMeteringBody } from "./metering/metering-routes.ts";
export type { MeteredAccount } from "./metering/call-meter.ts";
export type { BudgetChangeAccount } from "./metering/budget-change-meter.ts";
export type { PutAdSetBudgetLimitBody } from "./metering/budget-change-routes.ts";
export { createSandboxClient, type SandboxClient } from "./sandbox-client.ts";
export type { ScriptedDay } from "./performance/daily.ts";

export interface SandboxOptions {
  log?: Logger;
  /** JSON file to load at start and keep up to date; without it state lives in memory only. */
  stateFile?: string;
  /** Usage score at which the usage headers read 100 % (Meta standard tier: 9000 per 300 s). */
  usageMaxScore?: number;
}

/** Builds the sandbox app (control API + Meta Graph surface) without listening. */
export function buildSandbox(opts: SandboxOptions = {}): FastifyInstance {
  const log = opts.log ?? createLogger({ service: "sandbox", level: "silent" });
  const loaded = opts.stateFile === undefined ? undefined : readStateFile(opts.stateFile);
  const store = loaded ? MetaStore.fromSnapshot(loaded.meta) : new MetaStore();
  const ledger = loaded ? Ledger.fromSnapshot(loaded.ledger) : new Ledger();
  const apple = AppleStore.fromSnapshot(loaded?.apple);
  const tiktok = TiktokStore.fromSnapshot(loaded?.tiktok);
  const oauth = OauthStore.fromSnapshot(loaded?.oauth);
  const faults = new FaultBook();
  // Per-account call rates (`/_sandbox/metering`): in memory only, like faults.
  const metering = new CallMeter();
  // Meta's ad set budget change limit (`/_sandbox/adset-budget-limit`): in memory only, like metering.
  const budgetChanges = new BudgetChangeMeter();
  const usage = new UsageMeter({ maxScore: opts.usageMaxScore ?? 9000, decayMs: 300_000 });
  const snapshot = (): SandboxState => ({ version: 1, meta: store.snapshot(), apple: apple.snapshot(), tiktok: tiktok.snapshot(), oauth: oauth.snapshot(), ledger: ledger.snapshot() });
  const writer = opts.stateFile === undefined ? undefined : createStateWriter({ path: opts.stateFile, snapshot, log });
  const onMutation = () => writer?.schedule();
  if (loaded) log.info({ stateFile: opts.stateFile, ledgerEntries: loaded.ledger.length }, "sandbox state loaded");

  // Request logging is off: at thousands of calls per second it would dominate the cost.
  // forceCloseConnections: stop() must not wait on a request whose client gave up during injected latency.
  const app = Fastify({ loggerInstance: log, logController: new LogController({ disableRequestLogging: true }), forceCloseConnections: true }) as unknown as FastifyInstance;
  app.addHook("onClose", async () => {
    await writer?.flush();
  });
  registerControlRoutes(app, { store, ledger, faults, tiktok, onMutation });
  registerMeteringRoutes(app, metering);
  registerBudgetChangeRoutes(app, budgetChanges);
  registerMetaRoutes(app, { store, ledger, faults, usage, metering, budgetChanges, log, onMutation });
  // Scripted performance lives in memory only: tests and the walk-through script it per run. One
  // book serves every reporting surface, so Apple's v5 and Platform API reports agree.
  const book = new PerformanceBook();
  registerAppleRoutes(app, { store: apple, ledger, faults, metering, log, onMutation, book });
  registerTiktokRoutes(app, { store: tiktok, ledger, faults, metering, log, onMutation });
  const oauthDeps = { store: oauth, meta: store, tiktok, apple, onMutation };
  restoreGrantTokens(oauthDeps);
  registerOauthRoutes(app, oauthDeps);
  registerPerformanceRoutes(app, { meta: store, tiktok, apple, book });
  app.setNotFoundHandler((request, reply) => {
    void reply.code(404).send({ error: { message: `Unknown path components: ${request.url.split("?")[0]}`, type: "OAuthException", code: 2500 } });
  });
  return app;
}

export interface StartSandboxOptions extends SandboxOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
}

export interface RunningSandbox {
  /** e.g. `http://127.0.0.1:4010`; Graph calls go to `${url}/v24.0/…`. */
  url: string;
  stop(): Promise<void>;
}

/** Builds and listens; `stop` closes the server and flushes the state file. */
export async function startSandbox(opts: StartSandboxOptions = {}): Promise<RunningSandbox> {
  const app = buildSandbox(opts);
  const host = opts.host ?? "127.0.0.1";
  await app.listen({ port: opts.port ?? 0, host });
  const { port } = app.server.address() as AddressInfo;
  const urlHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  return { url: `http://${urlHost}:${port}`, stop: () => app.close() };
}
