import type { Db } from "@layers/db";
import type { Logger } from "@layers/runtime";
import { watchApiKillSwitches, type ApiKillSwitchWatch } from "./api-kill-switch-watch.ts";
import { listenForCacheInvalidations, resyncCaches, routeCacheMessage, type CacheTargets } from "./cache-invalidation.ts";
import { createKeyCache, type KeyCache, type KeyCacheOptions } from "./key-cache.ts";
import { createProjectCache, type ProjectCache } from "./project-cache.ts";
import { createOrgCache, type OrgCache } from "./org-cache.ts";
import { createRateCounter, type RateCounter } from "./rate-counter.ts";
import { addRateDeltas } from "../repositories/rate-limits.repository.ts";

export interface GatewayCachesOptions {
  db: Db;
  databaseUrl: string;
  log: Logger;
  /** Key/project cache bounds and the invalidation heartbeat. */
  caches?: (KeyCacheOptions & { heartbeatMs?: number }) | undefined;
  /** Kill-switch re-read period while the invalidation channel is down. */
  killSwitchPollMs: number;
  /** Rate-limit flush period. */
  rateFlushEveryMs?: number | undefined;
}

/** What makes the gateway's per-request work cheap, and `close()` to stop it (flushes the last rate counts). */
export interface GatewayCaches {
  keys: KeyCache;
  projects: ProjectCache;
  orgs: OrgCache;
  killSwitches: ApiKillSwitchWatch;
  rateCounter: RateCounter;
  close(): Promise<void>;
}

/**
 * Starts the invalidation listener first (its first connect resyncs), then the caches it feeds:
 * messages that arrive before the caches exist have nothing to drop.
 */
export async function startGatewayCaches(opts: GatewayCachesOptions): Promise<GatewayCaches> {
  let targets: CacheTargets | null = null;
  const invalidation = await listenForCacheInvalidations({
    connectionString: opts.databaseUrl,
    log: opts.log,
    handlers: {
      onMessage: (payload) => targets && routeCacheMessage(payload, targets),
      onResync: () => targets && resyncCaches(targets),
    },
    ...(opts.caches?.heartbeatMs ? { heartbeatMs: opts.caches.heartbeatMs } : {}),
  });
  let killSwitches: ApiKillSwitchWatch;
  try {
    killSwitches = await watchApiKillSwitches(opts.db, opts.log, invalidation, { pollMs: opts.killSwitchPollMs });
  } catch (err) {
    await invalidation.close();
    throw err;
  }
  const keys = createKeyCache(opts.db, invalidation, opts.caches);
  const projects = createProjectCache(opts.db, invalidation, { ...(opts.caches?.ttlMs ? { ttlMs: opts.caches.ttlMs } : {}), ...(opts.caches?.maxEntries ? { maxEntries: opts.caches.maxEntries } : {}) });
  const orgs = createOrgCache(opts.db, invalidation, { ...(opts.caches?.ttlMs ? { ttlMs: opts.caches.ttlMs } : {}), ...(opts.caches?.maxEntries ? { maxEntries: opts.caches.maxEntries } : {}) });
  targets = { keys, projects, orgs, killSwitches };
  const rateCounter = createRateCounter({
    flush: (deltas) => addRateDeltas(opts.db, deltas),
    ...(opts.rateFlushEveryMs ? { flushEveryMs: opts.rateFlushEveryMs } : {}),
    onFlushError: (err) => opts.log.warn({ err }, "could not flush rate-limit counts; they are sent with the next flush"),
  });
  return {
    keys,
    projects,
    orgs,
    killSwitches,
    rateCounter,
    async close() {
      killSwitches.stop();
      await rateCounter.stop().catch((err: unknown) => opts.log.warn({ err }, "could not flush the last rate-limit counts"));
      await invalidation.close();
    },
  };
}
