import { BoundedCache } from "../domain/bounded-cache.ts";
import type { CacheInvalidation } from "./cache-invalidation.ts";

export interface InvalidatedLookupOptions {
  /** Longest an entry is served without a notification. */
  ttlMs: number;
  /** How long "not found" is remembered; 0 or absent: misses are not remembered. */
  negativeTtlMs?: number;
  /** Most entries held (found and not-found are bounded apart: a flood of unknown ids cannot evict real ones). */
  maxEntries: number;
}

export interface InvalidatedLookup<V> {
  /** The row for this id (or null): from memory while the invalidation channel is healthy, else from Postgres. */
  find(id: string): Promise<V | null>;
  /** A notification (or this gateway's own write) says the row changed. */
  invalidate(id: string): void;
  clear(): void;
}

/**
 * A read-through cache whose correctness rests on pushed invalidation (`cache-invalidation.ts`),
 * not on its TTL. While the channel is unhealthy nothing is served from memory. Concurrent misses
 * for one id share one query; an answer read while any invalidation arrived is used for its
 * request but not stored (it may predate the change), and an invalidation makes later callers
 * start a new query instead of joining one already running.
 */
export function createInvalidatedLookup<V>(
  load: (id: string) => Promise<V | null>,
  invalidation: Pick<CacheInvalidation, "healthy" | "epoch">,
  opts: InvalidatedLookupOptions,
): InvalidatedLookup<V> {
  const found = new BoundedCache<string, V>({ maxEntries: opts.maxEntries, ttlMs: opts.ttlMs });
  const negativeTtlMs = opts.negativeTtlMs ?? 0;
  const missing = negativeTtlMs > 0 ? new BoundedCache<string, true>({ maxEntries: opts.maxEntries, ttlMs: negativeTtlMs }) : null;
  const inFlight = new Map<string, Promise<V | null>>();

  const fill = async (id: string): Promise<V | null> => {
    const epoch = invalidation.epoch();
    const value = await load(id);
    if (invalidation.healthy() && invalidation.epoch() === epoch) {
      if (value !== null) found.set(id, value);
      else missing?.set(id, true);
    }
    return value;
  };

  return {
    find(id) {
      if (!invalidation.healthy()) return load(id);
      const hit = found.get(id);
      if (hit !== undefined) return Promise.resolve(hit);
      if (missing?.get(id)) return Promise.resolve(null);
      let p = inFlight.get(id);
      if (!p) {
        const started = fill(id).finally(() => {
          if (inFlight.get(id) === started) inFlight.delete(id);
        });
        inFlight.set(id, started);
        p = started;
      }
      return p;
    },
    invalidate(id) {
      found.delete(id);
      missing?.delete(id);
      inFlight.delete(id);
    },
    clear() {
      found.clear();
      missing?.clear();
      inFlight.clear();
    },
  };
}
