import { z } from "zod";
import { dispatchConfigSchema } from "@layers/dispatch-core";
import { parseConfig } from "@layers/runtime";

const int = (min: number, max?: number) => (max === undefined ? z.coerce.number().int().min(min) : z.coerce.number().int().min(min).max(max));

/** The shared dispatcher settings (`@layers/dispatch-core`) plus Apple's own. */
export const configSchema = dispatchConfigSchema.extend({
  /** Apple Ads host without the API path (the client adds `/api/v5`). Dev and tests: the sandbox. */
  APPLE_BASE_URL: z.url().default("https://api.searchads.apple.com"),
  /** Per-request timeout towards Apple. A timed-out write may still land; the next try reconciles by name. */
  APPLE_TIMEOUT_MS: int(100).default(10_000),
  /** `limit` of list calls (reconcile by name, sync); Apple's maximum is 1000. */
  APPLE_PAGE_SIZE: int(1, 1000).default(1000),
});

export type DispatcherAppleConfig = z.infer<typeof configSchema>;

/** Parsed once in main.ts (and by tests, with their own env); fails at boot naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Readonly<DispatcherAppleConfig> {
  return parseConfig(configSchema, env);
}
