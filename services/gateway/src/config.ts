import { z } from "zod";
import { baseConfigSchema, DEV_TOKEN_KEY, parseConfig, tokenKeySchema } from "@layers/runtime";

/** Only main.ts calls this; everything else receives the parsed, frozen config (or a subset) as a dependency. */
export const gatewayConfigSchema = baseConfigSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default("127.0.0.1"),
  /** HS256 secret for customer JWTs. The default is for the dev stack only. */
  CUSTOMER_JWT_SECRET: z.string().min(16).default("dev-customer-jwt-secret-change-me"),
  /**
   * Signs pagination cursors (HMAC-SHA256) so a cursor the gateway did not issue is refused. Every
   * gateway of a deployment needs the same value; unset → derived from CUSTOMER_JWT_SECRET.
   */
  CURSOR_SECRET: z.string().min(16).optional(),
  /** How long a write waits for the gate's verdict before answering 202 accepted with the job to poll. */
  VERDICT_TIMEOUT_MS: z.coerce.number().int().positive().max(30_000).default(2500),
  /** How long a campaign list waits for the dispatcher to sync an ad account before serving Postgres as it is. */
  SYNC_TIMEOUT_MS: z.coerce.number().int().positive().max(30_000).default(1500),
  /** Absolute base for Location headers (e.g. https://api.layers.com); unset → relative locations. */
  PUBLIC_BASE_URL: z.url().optional(),
  /** Largest accepted request body, bytes; larger → 413. */
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(64 * 1024),
  /**
   * Hosts a webhook endpoint may use although they are not public or not https (comma list, e.g.
   * `127.0.0.1,localhost` for local receivers in dev). Empty by default: production allows none.
   */
  WEBHOOK_ALLOWED_HOSTS: z
    .string()
    .default("")
    .transform((v) => v.split(",").map((h) => h.trim().toLowerCase()).filter((h) => h.length > 0)),
  /** Seals webhook signing secrets at rest (32 bytes, base64); the webhooks service must use the same key. */
  TOKEN_ENCRYPTION_KEY: tokenKeySchema.default(DEV_TOKEN_KEY),
  /** Connect flow (issue 9): allow http return URLs to loopback hosts (the dev stack); production keeps https only. */
  OAUTH_ALLOW_LOOPBACK_RETURN_URLS: z.enum(["true", "false"]).default("false").transform((v) => v === "true"),
  /** One base URL for every platform's consent and token endpoints (the sandbox); the variables below win over it. */
  PLATFORM_OAUTH_BASE_URL: z.url().optional(),
  META_APP_ID: z.string().min(1).default("layers-dev-meta-app"),
  META_APP_SECRET: z.string().min(1).default("layers-dev-meta-secret"),
  META_OAUTH_DIALOG_URL: z.url().optional(),
  META_GRAPH_URL: z.url().optional(),
  META_API_VERSION: z.string().regex(/^v\d+\.\d+$/).default("v21.0"),
  TIKTOK_APP_ID: z.string().min(1).default("layers-dev-tiktok-app"),
  TIKTOK_APP_SECRET: z.string().min(1).default("layers-dev-tiktok-secret"),
  TIKTOK_AUTH_URL: z.url().optional(),
  TIKTOK_API_URL: z.url().optional(),
  APPLE_TOKEN_URL: z.url().optional(),
  APPLE_API_URL: z.url().optional(),
  /** Which Apple API the connect page lists accounts with (as dispatcher-apple's `APPLE_API`). */
  APPLE_API: z.enum(["platform", "v5"]).default("platform"),
  /** How long a rotated-out API key secret keeps authenticating beside the new one (issue 15: 24 h). */
  KEY_ROTATION_GRACE_SECONDS: z.coerce.number().int().min(0).max(30 * 24 * 3600).default(24 * 3600),
  /** Job event streams (GET /v1/jobs/:id/events): a heartbeat comment this often keeps idle connections through proxies. */
  JOB_EVENTS_HEARTBEAT_MS: z.coerce.number().int().min(100).max(300_000).default(15_000),
  /** The longest life of one job event stream; the client then resumes with Last-Event-ID (proxies drop older connections anyway). */
  JOB_EVENTS_MAX_STREAM_MS: z.coerce.number().int().min(1_000).max(24 * 3600_000).default(15 * 60_000),
});
export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

export function loadConfig(env: Record<string, string | undefined> = process.env): Readonly<GatewayConfig> {
  return parseConfig(gatewayConfigSchema, env);
}
