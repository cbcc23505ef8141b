import { z } from "zod";

/** Config fields every service shares. Each service extends this schema and parses once in main.ts. */
export const baseConfigSchema = z.object({
  DATABASE_URL: z.string().default("postgres://postgres@127.0.0.1:5432/layers"),
  NATS_URL: z.string().default("nats://127.0.0.1:4222"),
  /** Namespace for subjects and stream names; lets several stacks share one NATS server. */
  NATS_PREFIX: z.string().regex(/^[a-z][a-z0-9_-]{0,30}$/).default("layers"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /**
   * Port of the worker's small HTTP server: /healthz, /readyz, /metrics. Unset → none (tests that
   * start several services in one process). The gateway serves the same paths on its API port.
   */
  HEALTH_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** Address the health server binds; 0.0.0.0 in a pod, 127.0.0.1 on a shared dev machine. */
  HEALTH_HOST: z.string().min(1).default("0.0.0.0"),
  /** Replicas of every JetStream stream the services create: 1 on one server, 3 on a production cluster. */
  NATS_STREAM_REPLICAS: z.coerce.number().int().min(1).max(5).default(1),
});

/** Parses env against a schema and fails at boot naming every bad variable. */
export function parseConfig<S extends z.ZodType>(schema: S, env: Record<string, string | undefined> = process.env): Readonly<z.infer<S>> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`invalid configuration:\n${lines}`);
  }
  return Object.freeze(parsed.data);
}

/**
 * Shared by every service that reads or writes platform tokens: one 32-byte base64 key, or a key
 * ring of them, comma-separated (the first seals, all open; see seal.ts).
 */
export const tokenKeySchema = z.string().refine(
  (v) => {
    const parts = v.split(",").map((s) => s.trim()).filter((s) => s.length > 0);
    return parts.length > 0 && parts.every((p) => Buffer.from(p, "base64").length === 32);
  },
  { message: "must be 32 bytes, base64 (or a comma-separated key ring of them)" },
);

/**
 * The environment a supervisor (the dev stack runner, a test spawning a service) hands down to
 * the processes it starts, besides their own settings: PATH, locale and whatever the operator
 * exported. Read once, here, so child processes still parse their own config exactly once.
 */
export function inheritedEnvironment(env: Record<string, string | undefined> = process.env): Readonly<Record<string, string>> {
  return Object.freeze(Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => typeof e[1] === "string")));
}
