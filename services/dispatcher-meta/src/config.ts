import { z } from "zod";
import { dispatchConfigSchema } from "@layers/dispatch-core";
import { parseConfig } from "@layers/runtime";

const int = (min: number) => z.coerce.number().int().min(min);

/** The shared dispatcher settings (`@layers/dispatch-core`) plus Meta's own. */
export const configSchema = dispatchConfigSchema.extend({
  /** Graph host, no version. Production: the real API; dev and tests: the sandbox. */
  META_BASE_URL: z.url().default("https://graph.facebook.com"),
  META_API_VERSION: z.string().regex(/^v\d+\.\d+$/).default("v21.0"),
  /** Per-request timeout towards Meta. */
  META_TIMEOUT_MS: int(100).default(10_000),
  /** Meta's ad set budget change limit: changes per ad set per window (Meta: 4 per hour). Tests shorten the window. */
  META_ADSET_BUDGET_CHANGES: int(1).default(4),
  META_ADSET_BUDGET_WINDOW_MS: int(10).default(3_600_000),
});

export type DispatcherMetaConfig = z.infer<typeof configSchema>;

/** Parsed once in main.ts (and by tests, with their own env); fails at boot naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Readonly<DispatcherMetaConfig> {
  return parseConfig(configSchema, env);
}
