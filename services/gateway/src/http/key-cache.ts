import type { Db } from "@layers/db";
import { findActiveKeyByHash, type ActiveKey } from "../repositories/api-keys.repository.ts";
import type { CacheInvalidation } from "./cache-invalidation.ts";
import { createInvalidatedLookup, type InvalidatedLookup } from "./invalidated-lookup.ts";

export interface KeyCacheOptions {
  /** Longest an authenticated key is served from memory without a notification (default 60 s). */
  ttlMs?: number;
  /** How long "no such active key" is remembered (default 5 s): scanners with well-formed keys do not reach Postgres each time. */
  negativeTtlMs?: number;
  /** Most keys held (default 10,000), and most unknown hashes held apart from them. */
  maxEntries?: number;
}

/** Active keys by the sha256 of their secret; a `key:<hash>` notification (revoke, re-scope, mint) drops the entry. */
export type KeyCache = InvalidatedLookup<ActiveKey>;

export function createKeyCache(db: Db, invalidation: Pick<CacheInvalidation, "healthy" | "epoch">, opts: KeyCacheOptions = {}): KeyCache {
  return createInvalidatedLookup((hash) => findActiveKeyByHash(db, hash), invalidation, {
    ttlMs: opts.ttlMs ?? 60_000,
    negativeTtlMs: opts.negativeTtlMs ?? 5_000,
    maxEntries: opts.maxEntries ?? 10_000,
  });
}
