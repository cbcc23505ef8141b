import { z } from "zod";
import { dispatchConfigSchema } from "@layers/dispatch-core";
import { parseConfig } from "@layers/runtime";

const int = (min: number, max?: number) => (max === undefined ? z.coerce.number().int().min(min) : z.coerce.number().int().min(min).max(max));

/** The shared dispatcher settings (`@layers/dispatch-core`) plus Apple's own. */
export const configSchema = dispatchConfigSchema.extend({
  /**
   * Which Apple API writes land on: the Apple Ads Platform API (`platform`, the default) or the
   * Campaign Management API v5, which Apple turns off on 2027-01-26. Switching needs no data
   * migration: the v5 org id is the Platform API's ad account id, and object ids are the same.
   */
  APPLE_API: z.enum(["platform", "v5"]).default("platform"),
  /**
   * Apple Ads host without the API path (the client adds `/v1` or `/api/v5`). Unset: Apple's host
   * for `APPLE_API`. Dev and tests: the sandbox, which serves both.
   */
  APPLE_BASE_URL: z.url().optional(),
  /** Per-request timeout towards Apple. A timed-out write may still land; the next try reconciles by name. */
  APPLE_TIMEOUT_MS: int(100).default(10_000),
  /** Page size of list calls (v5 `limit`, Platform API `pageSize`; reconcile by name, sync); Apple's maximum is 1000 for both. */
  APPLE_PAGE_SIZE: int(1, 1000).default(1000),
});

export type DispatcherAppleConfig = z.infer<typeof configSchema>;

/** Apple's hosts per API. */
export const APPLE_HOSTS = { platform: "https://api.ads.apple.com", v5: "https://api.searchads.apple.com" } as const;

/** The host the configured API is called on. */
export function appleBaseUrl(config: Pick<DispatcherAppleConfig, "APPLE_API" | "APPLE_BASE_URL">): string {
  return config.APPLE_BASE_URL ?? APPLE_HOSTS[config.APPLE_API];
}

/** Parsed once in main.ts (and by tests, with their own env); fails at boot naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Readonly<DispatcherAppleConfig> {
  return parseConfig(configSchema, env);
}
