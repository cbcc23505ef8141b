import type { NatsNames } from "@layers/contracts";
import { quickRetryOf, startDispatcher, startSyncResponder } from "@layers/dispatch-core";
import type { Db } from "@layers/db";
import type { Logger, NatsHandles, DispatchMetrics } from "@layers/runtime";
import { createAppleAdapter } from "./apple-adapter.ts";
import { createAppleCampaignLister } from "./apple-campaign-lister.ts";
import { createAppleClient, type AppleClient, type AppleClientOptions } from "./apple/index.ts";
import { appleBaseUrl, type DispatcherAppleConfig } from "./config.ts";
import { createPlatformClient } from "./platform/index.ts";

export interface DispatcherAppleDeps {
  db: Db;
  nats: NatsHandles;
  names: NatsNames;
  log: Logger;
  config: DispatcherAppleConfig;
  /** Replaces global fetch for Apple calls (tests may count or delay calls). */
  fetch?: typeof fetch;
  /** Dispatch attempt metrics, from the process's registry (main.ts). */
  metrics?: DispatchMetrics;
}

export interface DispatcherApple {
  /** Stops pulling and answering, waits for in-flight writes and syncs; connections stay open (main.ts owns them). */
  stop(): Promise<void>;
}

export type { DispatcherAppleConfig } from "./config.ts";
export { appleBaseUrl, configSchema, loadConfig } from "./config.ts";

/** The wire client of the configured API; both speak the same `AppleClient`, so the adapter does not know which. */
export function createConfiguredAppleClient(config: DispatcherAppleConfig, opts: Omit<AppleClientOptions, "baseUrl" | "timeoutMs" | "pageSize">): AppleClient {
  const o: AppleClientOptions = { ...opts, baseUrl: appleBaseUrl(config), timeoutMs: config.APPLE_TIMEOUT_MS, pageSize: config.APPLE_PAGE_SIZE };
  return config.APPLE_API === "platform" ? createPlatformClient(o) : createAppleClient(o);
}

/** Builds the Apple adapter, runs the dispatch core on `dispatch.apple`, and answers sync-account. */
export async function startDispatcherApple(deps: DispatcherAppleDeps): Promise<DispatcherApple> {
  const { config, names, log } = deps;
  const apple = createConfiguredAppleClient(config, { log: log.child({ component: "apple", api: config.APPLE_API }), ...(deps.fetch ? { fetch: deps.fetch } : {}) });
  const adapter = createAppleAdapter({ apple, quick: quickRetryOf(config), tokenKey: config.TOKEN_ENCRYPTION_KEY });
  const dispatcher = await startDispatcher({ db: deps.db, nats: deps.nats, names, log, config, metrics: deps.metrics }, adapter);
  const sync = startSyncResponder(
    { db: deps.db, nc: deps.nats.nc, js: deps.nats.js, names, tokenKey: config.TOKEN_ENCRYPTION_KEY, log: log.child({ component: "sync" }) },
    createAppleCampaignLister(apple),
  );
  log.info({ durable: dispatcher.durable, concurrency: config.DISPATCH_CONCURRENCY, appleApi: config.APPLE_API, appleBaseUrl: appleBaseUrl(config) }, "dispatcher-apple started");
  return {
    async stop() {
      await Promise.all([dispatcher.stop(), sync.stop()]);
    },
  };
}
