import { z } from "zod";
import { dispatchConfigSchema } from "@layers/dispatch-core";
import { parseConfig } from "@layers/runtime";

const int = (min: number, max?: number) => (max === undefined ? z.coerce.number().int().min(min) : z.coerce.number().int().min(min).max(max));

/** The shared dispatcher settings (`@layers/dispatch-core`) plus TikTok's own. */
export const configSchema = dispatchConfigSchema.extend({
  /** Business API host, without `/open_api/v1.3`. Production: the real API; dev and tests: the sandbox. */
  TIKTOK_BASE_URL: z.url().default("https://business-api.tiktok.com"),
  /** Per-request timeout towards TikTok. */
  TIKTOK_TIMEOUT_MS: int(100).default(10_000),
  /** `page_size` of the `/…/get/` reads (sync and reconcile); TikTok allows 1–1000. */
  TIKTOK_PAGE_SIZE: int(1, 1000).default(100),
});

export type DispatcherTiktokConfig = z.infer<typeof configSchema>;

/** Parsed once in main.ts (and by tests, with their own env); fails at boot naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Readonly<DispatcherTiktokConfig> {
  return parseConfig(configSchema, env);
}
