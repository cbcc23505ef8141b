import type { Db } from "@layers/db";
import { BoundedCache } from "../domain/bounded-cache.ts";
import { findActiveKeyByHash, type ActiveKey } from "../repositories/api-keys.repository.ts";
import type { CacheInvalidation } from "./cache-invalidation.ts";

export interface KeyCacheOptions {
  /** Longest an authenticated key is served from memory without a notification (default 60 s). */
  ttlMs?: number;
  /** How long "no such active key" is remembered (default 5 s): scanners with well-formed keys do not reach Postgres each time. */
  negativeTtlMs?: number;
  /** Most keys held (default 10,000) and most unknown hashes held (the same again, apart: a flood of unknown keys cannot evict real ones). */
  maxEntries?: number;
}

export interface KeyCache {
  /** The active key whose secret hashes to this, or null; from memory when the invalidation channel is healthy. */
  find(secretHash: string): Promise<ActiveKey | null>;
  /** A `key:<hash>` notification: that key changed (revoked, re-scoped, minted). */
  invalidate(secretHash: string): void;
  clear(): void;
}

/**
 * Authenticated keys, by the sha256 of their secret. Correctness rests on the invalidation channel
 * (a revoke NOTIFYs every gateway at commit); the TTL only bounds how long an entry lives if the
 * channel were ever wrong. While the channel is unhealthy nothing is served from memory.
 * Concurrent misses for one hash share one query, and an answer read while an invalidation
 * arrived is used for that request but not stored (it may predate the revoke).
 */
export function createKeyCache(db: Db, invalidation: Pick<CacheInvalidation, "healthy" | "epoch">, opts: KeyCacheOptions = {}): KeyCache {
  const maxEntries = opts.maxEntries ?? 10_000;
  const known = new BoundedCache<string, ActiveKey>({ maxEntries, ttlMs: opts.ttlMs ?? 60_000 });
  const unknown = new BoundedCache<string, true>({ maxEntries, ttlMs: opts.negativeTtlMs ?? 5_000 });
  const inFlight = new Map<string, Promise<ActiveKey | null>>();

  const load = async (hash: string): Promise<ActiveKey | null> => {
    const epoch = invalidation.epoch();
    const key = await findActiveKeyByHash(db, hash);
    if (invalidation.healthy() && invalidation.epoch() === epoch) {
      if (key) known.set(hash, key);
      else unknown.set(hash, true);
    }
    return key;
  };

  return {
    find(hash) {
      if (!invalidation.healthy()) return findActiveKeyByHash(db, hash);
      const hit = known.get(hash);
      if (hit) return Promise.resolve(hit);
      if (unknown.get(hash)) return Promise.resolve(null);
      let p = inFlight.get(hash);
      if (!p) {
        p = load(hash).finally(() => inFlight.delete(hash));
        inFlight.set(hash, p);
      }
      return p;
    },
    invalidate(hash) {
      known.delete(hash);
      unknown.delete(hash);
      // A lookup already running may have read the row before the change: later callers start afresh.
      inFlight.delete(hash);
    },
    clear() {
      known.clear();
      unknown.clear();
      inFlight.clear();
    },
  };
}
