import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { natsNames } from "@layers/contracts";
import { createDb, ensureDatabase, migrateToLatest } from "@layers/db";
import { connectNats, ensureStreams, inheritedEnvironment, parseConfig } from "@layers/runtime";
import { seedDev } from "./commands/seed-dev.ts";
import { opsConfigSchema } from "./config.ts";
import { stopOrder } from "./stack-stop-order.ts";

/**
 * `./dev start`: migrations, streams, then every service as its own process (sandbox, gate,
 * dispatcher-meta, dispatcher-tiktok, dispatcher-apple, webhooks, optimizer, gateway), restarted if one dies; then a fresh dev tenant is seeded and printed.
 * Ctrl-C drains every service.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const config = parseConfig(
  opsConfigSchema.extend({
    API_PORT: z.coerce.number().int().default(8080),
    SANDBOX_PORT: z.coerce.number().int().default(4010),
    STACK_DIR: z.string().default(join(root, ".stack")),
    SERVICE_LOG_LEVEL: z.string().default("info"),
    /** Which Apple API dispatcher-apple speaks; the sandbox serves both on the same state. */
    APPLE_API: z.enum(["platform", "v5"]).default("platform"),
    /** First HEALTH_PORT of the workers (gate, the dispatchers, webhooks get base+0…); unset → free ports. */
    HEALTH_PORT_BASE: z.coerce.number().int().min(1).max(65_000).optional(),
  }),
);

/** Children inherit the runner's environment (PATH, locale, what the operator exported). */
const inherited = inheritedEnvironment();
const apiBaseUrl = `http://127.0.0.1:${config.API_PORT}`;
const sandboxUrl = `http://127.0.0.1:${config.SANDBOX_PORT}`;
const logDir = join(config.STACK_DIR, "logs");
mkdirSync(logDir, { recursive: true });

const sharedEnv: Record<string, string> = {
  DATABASE_URL: config.DATABASE_URL,
  NATS_URL: config.NATS_URL,
  NATS_PREFIX: config.NATS_PREFIX,
  LOG_LEVEL: config.SERVICE_LOG_LEVEL,
  CUSTOMER_JWT_SECRET: config.CUSTOMER_JWT_SECRET,
  TOKEN_ENCRYPTION_KEY: config.TOKEN_ENCRYPTION_KEY,
  // Dev only: webhook endpoints may point at a receiver on this machine (http, loopback).
  WEBHOOK_ALLOWED_HOSTS: "127.0.0.1,localhost",
  // Workers' /healthz, /readyz, /metrics stay on loopback on a shared dev machine.
  HEALTH_HOST: "127.0.0.1",
};

/** Workers with a health port of their own (the gateway serves /metrics on its API port, the sandbox has none). */
const WORKERS = ["gate", "dispatcher-meta", "dispatcher-tiktok", "dispatcher-apple", "webhooks"] as const;

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => done(port));
    });
  });
}

/** Each worker's HEALTH_PORT: consecutive from HEALTH_PORT_BASE, or free ports picked now. */
const healthPorts: Record<string, number> = {};
for (const [i, name] of WORKERS.entries()) healthPorts[name] = config.HEALTH_PORT_BASE !== undefined ? config.HEALTH_PORT_BASE + i : await freePort();
const healthEnv = (name: string): Record<string, string> => (healthPorts[name] !== undefined ? { HEALTH_PORT: String(healthPorts[name]) } : {});
/** Every service's base URL, printed and written to dev.json (`services`). */
const serviceUrls: Record<string, string> = {
  gateway: apiBaseUrl,
  sandbox: sandboxUrl,
  ...Object.fromEntries(WORKERS.map((n) => [n, `http://127.0.0.1:${healthPorts[n]}`])),
};

const services: Array<{ name: string; entry: string; env: Record<string, string> }> = [
  { name: "sandbox", entry: "sandbox/src/main.ts", env: { SANDBOX_PORT: String(config.SANDBOX_PORT), SANDBOX_STATE_FILE: join(config.STACK_DIR, "sandbox-state.json") } },
  { name: "gate", entry: "services/gate/src/main.ts", env: {} },
  { name: "dispatcher-meta", entry: "services/dispatcher-meta/src/main.ts", env: { META_BASE_URL: sandboxUrl } },
  { name: "dispatcher-tiktok", entry: "services/dispatcher-tiktok/src/main.ts", env: { TIKTOK_BASE_URL: sandboxUrl } },
  { name: "dispatcher-apple", entry: "services/dispatcher-apple/src/main.ts", env: { APPLE_BASE_URL: sandboxUrl, APPLE_API: config.APPLE_API } },
  { name: "webhooks", entry: "services/webhooks/src/main.ts", env: {} },
  // Reads performance from the sandbox; its first scheduled tick comes one interval (6 h) after start.
  { name: "optimizer", entry: "services/optimizer/src/main.ts", env: { META_BASE_URL: sandboxUrl, TIKTOK_BASE_URL: sandboxUrl, APPLE_BASE_URL: sandboxUrl, APPLE_API: config.APPLE_API } },
  { name: "gateway", entry: "services/gateway/src/main.ts", env: {
      PORT: String(config.API_PORT),
      HOST: "127.0.0.1",
      PUBLIC_BASE_URL: apiBaseUrl,
      // Dev only: the connect flow's consent pages and token endpoints are the sandbox's, and return URLs may be http on loopback.
      PLATFORM_OAUTH_BASE_URL: sandboxUrl,
      OAUTH_ALLOW_LOOPBACK_RETURN_URLS: "true",
    },
  },
];

const children = new Map<string, ChildProcess>();
let stopping = false;

function launch(svc: (typeof services)[number], restarts = 0): void {
  const out = createWriteStream(join(logDir, `${svc.name}.log`), { flags: "a" });
  const child = spawn(process.execPath, [join(root, svc.entry)], {
    cwd: root,
    // Children inherit the runner's environment (PATH, locale, overrides the operator exported); each
    // service still parses its own config once in main.ts.
    env: { ...inherited, ...sharedEnv, ...healthEnv(svc.name), ...svc.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  children.set(svc.name, child);
  child.on("exit", (code, signal) => {
    children.delete(svc.name);
    if (stopping) return;
    const delay = Math.min(10_000, 500 * 2 ** Math.min(restarts, 5));
    process.stderr.write(`stack: ${svc.name} exited (${signal ?? code}); restarting in ${delay} ms — see ${join(logDir, svc.name + ".log")}\n`);
    setTimeout(() => launch(svc, restarts + 1), delay).unref();
  });
}

async function waitHttp(url: string, ok: (status: number) => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (ok(res.status)) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${url} did not come up within ${timeoutMs} ms (logs in ${logDir})`);
}

async function shutdown(signal: string, exitCode = 0): Promise<void> {
  if (stopping) return;
  stopping = true;
  process.stderr.write(`stack: ${signal}: draining services\n`);
  const exits = [...children.values()].map((c) => new Promise<void>((r) => (c.exitCode !== null ? r() : c.once("exit", () => r()))));
  // Stop accepting first (gateway), then every worker (whatever the service list holds), then the sandbox.
  for (const name of stopOrder([...children.keys()])) children.get(name)?.kill("SIGTERM");
  await Promise.race([Promise.all(exits), new Promise((r) => setTimeout(r, 20_000))]);
  process.exit(exitCode);
}

async function main(): Promise<void> {
  await ensureDatabase(config.DATABASE_URL);
  const db = createDb({ connectionString: config.DATABASE_URL, max: 2, applicationName: "stack" });
  await migrateToLatest(db);
  const nats = await connectNats(config.NATS_URL, "stack");
  await ensureStreams(nats.jsm, natsNames(config.NATS_PREFIX));
  await nats.nc.close();

  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  for (const svc of services) launch(svc);

  await waitHttp(`${sandboxUrl}/_sandbox/health`, (s) => s === 200);
  await waitHttp(`${apiBaseUrl}/healthz`, (s) => s === 200);
  for (const name of WORKERS) await waitHttp(`${serviceUrls[name]}/healthz`, (s) => s === 200);
  const seed = { ...(await seedDev(db, { ...config, API_BASE_URL: apiBaseUrl, SANDBOX_URL: sandboxUrl })), services: serviceUrls };
  await db.destroy();
  writeFileSync(join(config.STACK_DIR, "dev.json"), JSON.stringify(seed, null, 2));

  process.stderr.write(
    [
      "",
      "Layers Ads dev stack is up (Ctrl-C stops it).",
      `  API:        ${apiBaseUrl}`,
      `  Sandbox:    ${sandboxUrl}`,
      ...WORKERS.map((n) => `  ${(n + ":").padEnd(19)} ${serviceUrls[n]}  (/healthz /readyz /metrics)`),
      `  Logs:       ${logDir}`,
      `  Dev tenant: ${join(config.STACK_DIR, "dev.json")} (printed below; './dev ops seed-dev' makes another)`,
      "",
    ].join("\n") + "\n",
  );
  process.stdout.write(JSON.stringify(seed, null, 2) + "\n");
}

main().catch(async (err: unknown) => {
  process.stderr.write(`stack: ${err instanceof Error ? err.message : String(err)}\n`);
  await shutdown("error", 1);
});
