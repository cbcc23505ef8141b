import type { FastifyInstance } from "fastify";
import { RATE_TIERS, type RateTierTable } from "@layers/contracts";
import type { Db } from "@layers/db";
import { ApiError } from "../errors.ts";
import { principalKey } from "../domain/principal.ts";
import { rateClassOf, rateVerdict, windowStartOf } from "../domain/rate-limit.ts";
import type { ApiKillSwitchWatch } from "../http/api-kill-switch-watch.ts";
import type { RateCounter } from "../http/rate-counter.ts";
import { pruneRateWindows } from "../repositories/rate-limits.repository.ts";

export interface RateLimitDeps {
  db: Db;
  killSwitches: ApiKillSwitchWatch;
  /** Counts in memory and flushes to the shared windows in batches (`http/rate-counter.ts`). */
  counter: RateCounter;
  /** Tier table (default `RATE_TIERS`); tests pass small quotas. */
  tiers?: RateTierTable;
  /** How often windows older than an hour are dropped (0: never). */
  pruneEveryMs: number;
}

const SCOPE_WORDS = { global: "for every API key", org: "for this organization", key: "for this API key" } as const;

/**
 * After authentication, before anything else runs: the API kill switch stops writes of a key, an
 * organization or everyone (`403 KILL_SWITCH`); then the request is counted against its key's
 * tier and class (read / write) in a window shared by every gateway instance (counted in memory,
 * flushed to Postgres in batches: no statement per request). Every counted answer
 * carries `RateLimit-Policy` and `RateLimit`; over the quota it is `429 RATE_LIMITED` with
 * `Retry-After`. Unauthenticated requests are not counted (they would let anyone drain a key's quota).
 */
export function installRateLimit(app: FastifyInstance, deps: RateLimitDeps): void {
  const tiers: RateTierTable = deps.tiers ?? RATE_TIERS;
  if (deps.pruneEveryMs > 0) {
    const timer = setInterval(() => {
      pruneRateWindows(deps.db, new Date(Date.now() - 3_600_000)).catch((err: unknown) => app.log.warn({ err }, "rate window sweep failed"));
    }, deps.pruneEveryMs);
    timer.unref();
    app.addHook("onClose", async () => clearInterval(timer));
  }
  app.addHook("onRequest", async (req, reply) => {
    const p = req.principal;
    if (!p) return;
    const cls = rateClassOf(req.method);
    if (cls === "write") {
      const sw = deps.killSwitches.blocking(p);
      if (sw) throw new ApiError("KILL_SWITCH", `writes are stopped by the API kill switch ${SCOPE_WORDS[sw.scope]}${sw.reason ? `: ${sw.reason}` : ""}`);
    }
    const tier = p.kind === "api_key" ? p.rateTier : "standard";
    const policy = (tiers[tier] ?? tiers.standard ?? RATE_TIERS.standard)[cls];
    const now = Date.now();
    const count = await deps.counter.count(principalKey(p), cls, windowStartOf(policy, now), policy.quota);
    const v = rateVerdict(cls, policy, count, now);
    reply.header("ratelimit-policy", v.policyHeader);
    reply.header("ratelimit", v.limitHeader);
    if (v.exceeded) {
      throw new ApiError("RATE_LIMITED", `this key may make ${policy.quota} ${cls} requests per ${policy.windowSeconds} s; try again in ${v.retryAfter} s`, {
        headers: { "retry-after": String(v.retryAfter) },
      });
    }
  });
}
