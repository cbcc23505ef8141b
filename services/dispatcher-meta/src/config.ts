import { z } from "zod";
import { baseConfigSchema, DEV_TOKEN_KEY, parseConfig, tokenKeySchema } from "@layers/runtime";

const int = (min: number) => z.coerce.number().int().min(min);
const msList = z
  .string()
  .regex(/^\d+(,\d+)*$/, "must be comma-separated milliseconds")
  .transform((s) => s.split(",").map(Number));

export const configSchema = baseConfigSchema.extend({
  /** Graph host, no version. Production: the real API; dev and tests: the sandbox. */
  META_BASE_URL: z.url().default("https://graph.facebook.com"),
  META_API_VERSION: z.string().regex(/^v\d+\.\d+$/).default("v21.0"),
  /** Per-request timeout towards Meta. */
  META_TIMEOUT_MS: int(100).default(10_000),
  TOKEN_ENCRYPTION_KEY: tokenKeySchema.default(DEV_TOKEN_KEY),
  /** Dispatch messages handled at once by one process. */
  DISPATCH_CONCURRENCY: int(1).default(16),
  /** Claims of one intent (Postgres `attempts`) after which it is marked dead and dead-lettered. */
  MAX_ATTEMPTS: int(1).default(8),
  /** How long a claim protects an intent from other instances; renewed while the call runs. */
  LEASE_MS: int(1_000).default(60_000),
  /** JetStream ack_wait of the durable: how soon a crashed instance's messages are redelivered. */
  ACK_WAIT_MS: int(1_000).default(30_000),
  /** Delay before a fenced message (an earlier write to its entity is still open) is offered again. */
  FENCE_DELAY_MS: int(1).default(200),
  /** Quick retries of one call inside a handler before the message goes back to the stream. */
  QUICK_RETRIES: int(0).default(2),
  QUICK_RETRY_MIN_MS: int(1).default(100),
  QUICK_RETRY_MAX_MS: int(1).default(1_000),
  /** Redelivery delays indexed by the intent's attempt count (the last entry repeats). */
  RETRY_LADDER_MS: msList.default([1_000, 5_000, 15_000, 30_000, 60_000, 120_000, 300_000]),
});

export type DispatcherMetaConfig = z.infer<typeof configSchema>;

/** Parsed once in main.ts (and by tests, with their own env); fails at boot naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Readonly<DispatcherMetaConfig> {
  return parseConfig(configSchema, env);
}
