import type { NatsNames } from "@layers/contracts";
import { quickRetryOf, startDispatcher, startSyncResponder } from "@layers/dispatch-core";
import type { Db } from "@layers/db";
import type { Logger, NatsHandles } from "@layers/runtime";
import { createAppleAdapter } from "./apple-adapter.ts";
import { createAppleCampaignLister } from "./apple-campaign-lister.ts";
import { createAppleClient } from "./apple/index.ts";
import type { DispatcherAppleConfig } from "./config.ts";

export interface DispatcherAppleDeps {
  db: Db;
  nats: NatsHandles;
  names: NatsNames;
  log: Logger;
  config: DispatcherAppleConfig;
  /** Replaces global fetch for Apple calls (tests may count or delay calls). */
  fetch?: typeof fetch;
}

export interface DispatcherApple {
  /** Stops pulling and answering, waits for in-flight writes and syncs; connections stay open (main.ts owns them). */
  stop(): Promise<void>;
}

export type { DispatcherAppleConfig } from "./config.ts";
export { configSchema, loadConfig } from "./config.ts";

/** Builds the Apple adapter, runs the dispatch core on `dispatch.apple`, and answers sync-account. */
export async function startDispatcherApple(deps: DispatcherAppleDeps): Promise<DispatcherApple> {
  const { config, names, log } = deps;
  const apple = createAppleClient({
    baseUrl: config.APPLE_BASE_URL,
    timeoutMs: config.APPLE_TIMEOUT_MS,
    pageSize: config.APPLE_PAGE_SIZE,
    log: log.child({ component: "apple" }),
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  });
  const adapter = createAppleAdapter({ apple, quick: quickRetryOf(config), tokenKey: config.TOKEN_ENCRYPTION_KEY });
  const dispatcher = await startDispatcher({ db: deps.db, nats: deps.nats, names, log, config }, adapter);
  const sync = startSyncResponder(
    { db: deps.db, nc: deps.nats.nc, js: deps.nats.js, names, tokenKey: config.TOKEN_ENCRYPTION_KEY, log: log.child({ component: "sync" }) },
    createAppleCampaignLister(apple),
  );
  log.info({ durable: dispatcher.durable, concurrency: config.DISPATCH_CONCURRENCY, appleBaseUrl: config.APPLE_BASE_URL }, "dispatcher-apple started");
  return {
    async stop() {
      await Promise.all([dispatcher.stop(), sync.stop()]);
    },
  };
}
