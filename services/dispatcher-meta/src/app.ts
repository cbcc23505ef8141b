import type { NatsNames } from "@layers/contracts";
import { createPlatformBudgets, quickRetryOf, startDispatcher, startSyncResponder } from "@layers/dispatch-core";
import type { Db } from "@layers/db";
import type { Logger, NatsHandles, DispatchMetrics } from "@layers/runtime";
import type { DispatcherMetaConfig } from "./config.ts";
import { createMetaAdapter } from "./meta-adapter.ts";
import { createMetaClient } from "./meta/index.ts";
import { createMetaCampaignLister } from "./meta-campaign-lister.ts";

export interface DispatcherMetaDeps {
  db: Db;
  nats: NatsHandles;
  names: NatsNames;
  log: Logger;
  config: DispatcherMetaConfig;
  /** Replaces global fetch for Meta calls (tests may count or delay calls). */
  fetch?: typeof fetch;
  /** Dispatch attempt metrics, from the process's registry (main.ts). */
  metrics?: DispatchMetrics;
}

export interface DispatcherMeta {
  /** Stops pulling and answering, waits for in-flight writes and syncs; connections stay open (main.ts owns them). */
  stop(): Promise<void>;
}

export type { DispatcherMetaConfig } from "./config.ts";
export { configSchema, loadConfig } from "./config.ts";

/** Builds the Meta adapter, runs the dispatch core on `dispatch.meta`, and answers sync-account. */
export async function startDispatcherMeta(deps: DispatcherMetaDeps): Promise<DispatcherMeta> {
  const { config, names, log } = deps;
  const budgets = createPlatformBudgets({ db: deps.db, log, config }, "meta", { reportsUsage: true });
  const meta = createMetaClient({
    baseUrl: config.META_BASE_URL,
    apiVersion: config.META_API_VERSION,
    timeoutMs: config.META_TIMEOUT_MS,
    log: log.child({ component: "meta" }),
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
    // Meta's usage readings teach the account's shared call budget (slow down near 100 %, pause for the regain time).
    onUsage: (u) => {
      void budgets.observe(u.accountId, { kind: "usage", pct: u.pct, regainMs: u.regainMs }).catch((err: unknown) => log.warn({ err }, "could not update the call budget"));
    },
  });
  const adapter = createMetaAdapter({
    meta,
    quick: quickRetryOf(config),
    tokenKey: config.TOKEN_ENCRYPTION_KEY,
    adSetBudgetRule: { changes: config.META_ADSET_BUDGET_CHANGES, windowMs: config.META_ADSET_BUDGET_WINDOW_MS },
  });
  const dispatcher = await startDispatcher({ db: deps.db, nats: deps.nats, names, log, config, budgets, metrics: deps.metrics }, adapter);
  const sync = startSyncResponder(
    { db: deps.db, nc: deps.nats.nc, js: deps.nats.js, names, tokenKey: config.TOKEN_ENCRYPTION_KEY, log: log.child({ component: "sync" }) },
    createMetaCampaignLister(meta),
  );
  log.info({ durable: dispatcher.durable, concurrency: config.DISPATCH_CONCURRENCY, metaBaseUrl: config.META_BASE_URL }, "dispatcher-meta started");
  return {
    async stop() {
      await Promise.all([dispatcher.stop(), sync.stop()]);
    },
  };
}
