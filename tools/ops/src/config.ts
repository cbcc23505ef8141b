import { z } from "zod";
import { baseConfigSchema, DEV_TOKEN_KEY, parseConfig, tokenKeySchema } from "@layers/runtime";

export const opsConfigSchema = baseConfigSchema.extend({
  DATABASE_URL: z.string().default("postgres://postgres@127.0.0.1:5432/layers_dev"),
  API_BASE_URL: z.url().default("http://127.0.0.1:8080"),
  SANDBOX_URL: z.url().default("http://127.0.0.1:4010"),
  CUSTOMER_JWT_SECRET: z.string().min(16).default("dev-customer-jwt-secret-change-me"),
  TOKEN_ENCRYPTION_KEY: tokenKeySchema.default(DEV_TOKEN_KEY),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("warn"),
});
export type OpsConfig = z.infer<typeof opsConfigSchema>;

export function loadOpsConfig(env: Record<string, string | undefined> = process.env): OpsConfig {
  return parseConfig(opsConfigSchema, env);
}
