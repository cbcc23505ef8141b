import { parseConfig } from "@layers/runtime";
import { z } from "zod";

export const sandboxConfigSchema = z.object({
  SANDBOX_PORT: z.coerce.number().int().min(0).max(65_535).default(4010),
  SANDBOX_HOST: z.string().min(1).default("127.0.0.1"),
  /** Optional JSON file that keeps campaigns and the ledger across restarts. */
  SANDBOX_STATE_FILE: z.string().min(1).optional(),
  /** Usage score that reads as 100 % in the usage headers (Meta standard tier: 9000). */
  SANDBOX_META_USAGE_MAX_SCORE: z.coerce.number().int().positive().default(9000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type SandboxConfig = Readonly<z.infer<typeof sandboxConfigSchema>>;

export function loadSandboxConfig(env: Record<string, string | undefined> = process.env): SandboxConfig {
  return parseConfig(sandboxConfigSchema, env);
}
