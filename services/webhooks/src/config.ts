import { z } from "zod";
import { baseConfigSchema, DEV_TOKEN_KEY, parseConfig, tokenKeySchema } from "@layers/runtime";

const int = (min: number) => z.coerce.number().int().min(min);
const msList = z
  .string()
  .regex(/^\d+(,\d+)*$/, "must be comma-separated milliseconds")
  .transform((s) => s.split(",").map(Number));
const hostList = z
  .string()
  .transform((s) =>
    s
      .split(",")
      .map((h) => h.trim().toLowerCase())
      .filter((h) => h.length > 0),
  );

const HOUR = 3_600_000;

export const configSchema = baseConfigSchema
  .extend({
    /**
     * Delay before each attempt, one entry per attempt: the first is the delay after the event
     * arrives (0 = at once), the rest follow failed attempts. Standard Webhooks / Svix ladder.
     */
    WEBHOOK_RETRY_SCHEDULE_MS: msList
      .refine((l) => l.length >= 1 && l.length <= 50, "must list 1 to 50 attempts")
      .default([0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000]),
    /** Up to this fraction is added to each retry delay at random, so retries of a burst spread out. */
    WEBHOOK_RETRY_JITTER: z.coerce.number().min(0).max(1).default(0.1),
    /** Whole attempt: address check, connect, headers and the response excerpt. */
    WEBHOOK_TIMEOUT_MS: int(50).default(15_000),
    /** A `Retry-After` on 429/503 may stretch the next delay up to this. */
    WEBHOOK_RETRY_AFTER_CAP_MS: int(0).default(HOUR),
    /** An endpoint failing without a single success for this long is disabled. */
    WEBHOOK_DISABLE_AFTER_MS: int(1).default(5 * 24 * HOUR),
    /** Attempts in flight in this process, across all endpoints. */
    WEBHOOK_CONCURRENCY: int(1).default(64),
    /** Attempts in flight to one endpoint, across every instance (counted from leases in Postgres). */
    WEBHOOK_ENDPOINT_CONCURRENCY: int(1).default(4),
    /** Longest sleep of the scheduler between looks for due deliveries (it also wakes on new work). */
    WEBHOOK_POLL_MS: int(5).default(250),
    /** How long a claimed delivery is protected from other instances; must outlast one attempt. */
    WEBHOOK_LEASE_MS: int(100).default(45_000),
    /** Hosts exempt from the public-address and https rules (dev and tests: 127.0.0.1, localhost). */
    WEBHOOK_ALLOWED_HOSTS: hostList.default([]),
    /** Events fanned out at once by this process. */
    WEBHOOK_FANOUT_CONCURRENCY: int(1).default(16),
    /** JetStream ack_wait of the fan-out durable. */
    WEBHOOK_ACK_WAIT_MS: int(1_000).default(30_000),
    DB_POOL_MAX: int(2).default(20),
    TOKEN_ENCRYPTION_KEY: tokenKeySchema.default(DEV_TOKEN_KEY),
  })
  .refine((c) => c.WEBHOOK_LEASE_MS >= c.WEBHOOK_TIMEOUT_MS + 1_000, {
    message: "must be at least WEBHOOK_TIMEOUT_MS + 1000, so a lease outlives the attempt it protects",
    path: ["WEBHOOK_LEASE_MS"],
  });

export type WebhooksConfig = z.infer<typeof configSchema>;

/** Parsed once in main.ts (and by tests, with their own env); fails at boot naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Readonly<WebhooksConfig> {
  return parseConfig(configSchema, env);
}
