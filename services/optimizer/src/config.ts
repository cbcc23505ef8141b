import { z } from "zod";
import { baseConfigSchema, DEV_TOKEN_KEY, parseConfig, tokenKeySchema } from "@layers/runtime";

const int = (min: number, fallback: number) => z.coerce.number().int().min(min).default(fallback);
const ratio = (fallback: number) => z.coerce.number().min(0).max(100).default(fallback);

/**
 * The optimizer's environment (plus DATABASE_URL, NATS_URL, NATS_PREFIX, LOG_LEVEL from the base).
 * Rule thresholds live here with their documented defaults (docs/optimizer.md).
 */
export const optimizerConfigSchema = baseConfigSchema.extend({
  TOKEN_ENCRYPTION_KEY: tokenKeySchema.default(DEV_TOKEN_KEY),
  DB_POOL_MAX: int(2, 10),
  /** Platform hosts (dev and tests: the sandbox). */
  META_BASE_URL: z.url().default("https://graph.facebook.com"),
  META_API_VERSION: z.string().regex(/^v\d+\.\d+$/).default("v24.0"),
  TIKTOK_BASE_URL: z.url().default("https://business-api.tiktok.com"),
  /** Apple's reporting API, as dispatcher-apple's writes: `platform` (Apple Ads Platform API) or `v5` (off on 2027-01-26). */
  APPLE_API: z.enum(["platform", "v5"]).default("platform"),
  /** Apple's host; unset, the configured API's own (`APPLE_REPORT_HOSTS`). */
  APPLE_BASE_URL: z.url().optional(),
  /** Per-request timeout towards a platform's reporting API. */
  REPORT_TIMEOUT_MS: int(100, 30_000),
  /** The Meta `actions[].action_type` counted as a conversion. */
  META_CONVERSION_ACTION: z.string().min(1).default("offsite_conversion.fb_pixel_purchase"),
  /** Days of performance read before each run (ending yesterday, UTC). */
  OPTIMIZER_WINDOW_DAYS: int(7, 30),
  /** Schedule: time between ticks; the first tick comes one interval after start. */
  OPTIMIZER_INTERVAL_MS: int(1_000, 6 * 60 * 60_000),

  /** How long a run waits for the gate's verdict on each proposal (the job keeps it either way). */
  OPTIMIZER_VERDICT_WAIT_MS: int(100, 10_000),
  /** A run still open after this long was left by a stopped instance: it is failed so the layer can run again. */
  OPTIMIZER_RUN_STALE_MS: int(1_000, 30 * 60_000),

  /** Minimum data: days of delivery an entity needs before any rule acts on it. */
  OPT_MIN_DAYS: int(1, 7),
  /** Cooldown: no proposal for an entity Layers changed (landed write or decided proposal) this recently. */
  OPT_COOLDOWN_HOURS: int(0, 72),
  /** Pause rule: spend at least this multiple of the layer's CPA with zero conversions. */
  OPT_PAUSE_CPA_MULTIPLE: ratio(2),
  /** Pause rule: spend floor (minor units) when the layer has no conversions to compute a CPA from. */
  OPT_PAUSE_FLOOR_CENTS: int(0, 5_000),
  /** Budget rule: conversions an entity needs in the window to have a trusted CPA. */
  OPT_BUDGET_MIN_CONVERSIONS: int(1, 5),
  /** Budget rule: an entity whose CPA is at least this multiple of the best is lowered. */
  OPT_BUDGET_WORSE_MULTIPLE: ratio(1.5),
  /** Budget rule: largest change per run, in percent of the current budget. */
  OPT_BUDGET_STEP_PERCENT: ratio(20),
  /** Creative rule: CTR drop (percent) from the first to the last 7 days that marks fatigue. */
  OPT_FATIGUE_DROP_PERCENT: ratio(30),
  /** Creative rule: impressions each 7-day half needs before its CTR is trusted. */
  OPT_FATIGUE_MIN_IMPRESSIONS: int(0, 1_000),
});
export type OptimizerConfig = z.infer<typeof optimizerConfigSchema>;

/** Parses once at boot; fails naming every bad variable. */
export function loadOptimizerConfig(env: Record<string, string | undefined> = process.env): Readonly<OptimizerConfig> {
  return parseConfig(optimizerConfigSchema, env);
}
