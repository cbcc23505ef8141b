import type { Db } from "@layers/db";
import { findOrgState, type OrgState } from "../repositories/organizations.repository.ts";
import type { CacheInvalidation } from "./cache-invalidation.ts";
import { createInvalidatedLookup, type InvalidatedLookup } from "./invalidated-lookup.ts";

/**
 * Org state by id (parent and status), read on every authenticated request: whether the caller's
 * org may write, and whether an `X-Layers-Organization` target is a direct child. A suspend,
 * resume, archive or re-parent NOTIFYs `org:<id>` at commit (migration 2026_12_04_21_10_00), so
 * every gateway stops a suspended child's writes within the invalidation channel's latency.
 * Unknown ids are not remembered (a child created a moment ago must be found).
 */
export type OrgCache = InvalidatedLookup<OrgState>;

export function createOrgCache(db: Db, invalidation: Pick<CacheInvalidation, "healthy" | "epoch">, opts: { ttlMs?: number; maxEntries?: number } = {}): OrgCache {
  return createInvalidatedLookup((id) => findOrgState(db, id), invalidation, {
    ttlMs: opts.ttlMs ?? 60_000,
    maxEntries: opts.maxEntries ?? 10_000,
  });
}
