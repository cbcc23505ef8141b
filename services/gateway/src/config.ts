import { z } from "zod";
import { baseConfigSchema, parseConfig } from "@layers/runtime";

/** Only main.ts calls this; everything else receives the parsed, frozen config (or a subset) as a dependency. */
export const gatewayConfigSchema = baseConfigSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default("127.0.0.1"),
  /** HS256 secret for customer JWTs. The default is for the dev stack only. */
  CUSTOMER_JWT_SECRET: z.string().min(16).default("dev-customer-jwt-secret-change-me"),
  /** How long a write waits for the gate's verdict before answering 202 accepted with the job to poll. */
  VERDICT_TIMEOUT_MS: z.coerce.number().int().positive().max(30_000).default(2500),
  /** How long a campaign list waits for the dispatcher to sync an ad account before serving Postgres as it is. */
  SYNC_TIMEOUT_MS: z.coerce.number().int().positive().max(30_000).default(1500),
  /** Absolute base for Location headers (e.g. https://api.layers.com); unset → relative locations. */
  PUBLIC_BASE_URL: z.url().optional(),
  /** Largest accepted request body, bytes; larger → 413. */
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(64 * 1024),
});
export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

export function loadConfig(env: Record<string, string | undefined> = process.env): Readonly<GatewayConfig> {
  return parseConfig(gatewayConfigSchema, env);
}
