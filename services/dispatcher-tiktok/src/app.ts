import type { NatsNames } from "@layers/contracts";
import { quickRetryOf, startDispatcher, startSyncResponder } from "@layers/dispatch-core";
import type { Db } from "@layers/db";
import type { Logger, NatsHandles, DispatchMetrics } from "@layers/runtime";
import type { DispatcherTiktokConfig } from "./config.ts";
import { createTikTokAdapter } from "./tiktok-adapter.ts";
import { createTikTokCampaignLister } from "./tiktok-campaign-lister.ts";
import { createTikTokClient } from "./tiktok/index.ts";

export interface DispatcherTiktokDeps {
  db: Db;
  nats: NatsHandles;
  names: NatsNames;
  log: Logger;
  config: DispatcherTiktokConfig;
  /** Replaces global fetch for TikTok calls (tests may count or delay calls). */
  fetch?: typeof fetch;
  /** Dispatch attempt metrics, from the process's registry (main.ts). */
  metrics?: DispatchMetrics;
}

export interface DispatcherTiktok {
  /** Stops pulling and answering, waits for in-flight writes and syncs; connections stay open (main.ts owns them). */
  stop(): Promise<void>;
}

export type { DispatcherTiktokConfig } from "./config.ts";
export { configSchema, loadConfig } from "./config.ts";

/** Builds the TikTok adapter, runs the dispatch core on `dispatch.tiktok`, and answers sync-account. */
export async function startDispatcherTiktok(deps: DispatcherTiktokDeps): Promise<DispatcherTiktok> {
  const { config, names, log } = deps;
  const tiktok = createTikTokClient({
    baseUrl: config.TIKTOK_BASE_URL,
    timeoutMs: config.TIKTOK_TIMEOUT_MS,
    pageSize: config.TIKTOK_PAGE_SIZE,
    log: log.child({ component: "tiktok" }),
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  });
  const adapter = createTikTokAdapter({ tiktok, quick: quickRetryOf(config), tokenKey: config.TOKEN_ENCRYPTION_KEY });
  const dispatcher = await startDispatcher({ db: deps.db, nats: deps.nats, names, log, config, metrics: deps.metrics }, adapter);
  const sync = startSyncResponder(
    { db: deps.db, nc: deps.nats.nc, js: deps.nats.js, names, tokenKey: config.TOKEN_ENCRYPTION_KEY, log: log.child({ component: "sync" }) },
    createTikTokCampaignLister(tiktok),
  );
  log.info({ durable: dispatcher.durable, concurrency: config.DISPATCH_CONCURRENCY, tiktokBaseUrl: config.TIKTOK_BASE_URL }, "dispatcher-tiktok started");
  return {
    async stop() {
      await Promise.all([dispatcher.stop(), sync.stop()]);
    },
  };
}
