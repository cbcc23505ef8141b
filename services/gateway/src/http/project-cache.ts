import type { Db, ProjectRow } from "@layers/db";
import { findProject } from "../repositories/projects.repository.ts";
import type { CacheInvalidation } from "./cache-invalidation.ts";
import { createInvalidatedLookup, type InvalidatedLookup } from "./invalidated-lookup.ts";

/**
 * Project rows by id, for tenancy (project → org, which never changes) and the archive check. Any
 * update or delete of a project NOTIFYs `project:<id>` at commit and drops the entry on every
 * gateway; this gateway also drops it itself right after its own project writes, so it reads its
 * own writes. Unknown ids are not remembered (a project created a moment ago must be found).
 */
export type ProjectCache = InvalidatedLookup<ProjectRow>;

export function createProjectCache(db: Db, invalidation: Pick<CacheInvalidation, "healthy" | "epoch">, opts: { ttlMs?: number; maxEntries?: number } = {}): ProjectCache {
  return createInvalidatedLookup(async (id) => (await findProject(db, id)) ?? null, invalidation, {
    ttlMs: opts.ttlMs ?? 60_000,
    maxEntries: opts.maxEntries ?? 10_000,
  });
}
