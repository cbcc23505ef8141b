import { z } from "zod";

/** The two endpoint classes a key is limited by: reads (GET/HEAD) and writes (every other method). */
export const RATE_CLASSES = ["read", "write"] as const;
export type RateClass = (typeof RATE_CLASSES)[number];

export interface RatePolicy {
  /** Requests allowed per window. */
  quota: number;
  /** Window length, seconds. */
  windowSeconds: number;
}

/**
 * Rate tiers (SPEC §10): per API key and endpoint class, shared by every gateway instance. A key's
 * tier is set when it is minted (`ops mint-key --tier`); customer tokens use `standard`.
 */
export const RATE_TIERS = {
  standard: { read: { quota: 1200, windowSeconds: 60 }, write: { quota: 300, windowSeconds: 60 } },
  scale: { read: { quota: 6000, windowSeconds: 60 }, write: { quota: 1500, windowSeconds: 60 } },
  enterprise: { read: { quota: 30000, windowSeconds: 60 }, write: { quota: 7500, windowSeconds: 60 } },
  /** Ops-only keys (benchmarks, load tests): counted and reported, practically never limited. */
  internal: { read: { quota: 100_000_000, windowSeconds: 60 }, write: { quota: 100_000_000, windowSeconds: 60 } },
} as const satisfies Record<string, Record<RateClass, RatePolicy>>;
export type RateTier = keyof typeof RATE_TIERS;
export const rateTierSchema = z.enum(Object.keys(RATE_TIERS) as [RateTier, ...RateTier[]]);
export type RateTierTable = Record<string, Record<RateClass, RatePolicy>>;

/** Where an API kill switch applies (ops only): one key, one organization, or every write. */
export const apiKillSwitchScopeSchema = z.enum(["global", "org", "key"]);
export type ApiKillSwitchScope = z.infer<typeof apiKillSwitchScopeSchema>;
