import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * Every service's compiled entry point (`pnpm build`), relative to the repository root: the bench
 * measures the JavaScript production runs, started with `--conditions=compiled` so the workspace
 * packages resolve to their dist/ too.
 */
export const SERVICE_ENTRIES = {
  gate: "services/gate/dist/main.js",
  "dispatcher-meta": "services/dispatcher-meta/dist/main.js",
  "dispatcher-tiktok": "services/dispatcher-tiktok/dist/main.js",
  "dispatcher-apple": "services/dispatcher-apple/dist/main.js",
  webhooks: "services/webhooks/dist/main.js",
  gateway: "services/gateway/dist/main.js",
  sandbox: "sandbox/dist/main.js",
} as const;

/** Node flags of every spawned service: workspace packages resolve to compiled JavaScript. */
export const COMPILED_NODE_FLAGS = ["--conditions=compiled"] as const;
export type ServiceName = keyof typeof SERVICE_ENTRIES;

/** Children still running; killed if the harness exits without stopping them (e.g. a second Ctrl-C). */
const live = new Set<ChildProcess>();
process.once("exit", () => {
  for (const c of live) c.kill("SIGKILL");
});

/** How a spawned service says it is ready: a log line (pino `msg`) on stdout, an HTTP 200, or a probe of our own. */
export type ReadyCheck = { kind: "log"; msg: string } | { kind: "http"; url: string } | { kind: "probe"; probe: () => Promise<boolean> };

export interface SpawnedService {
  name: string;
  child: ChildProcess;
  pid: number;
  /** spawn() → ready, in ms. */
  readyMs: number;
  /** The last lines the child wrote (stdout + stderr), for diagnosis. */
  tail(): string[];
  /** Log lines at warn or above (pino level ≥ 40) so far, with the first few messages. */
  warnings(): { count: number; samples: string[] };
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the process is gone. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Starts `node <entry>` with exactly `env` (plus PATH/HOME) and waits for it to be ready. The
 * child's output is read and dropped (a few last lines are kept); it is killed if it is not ready
 * in `timeoutMs`.
 */
export async function spawnService(name: string, entry: string, env: Record<string, string>, ready: ReadyCheck, timeoutMs = 15_000, nodeFlags: readonly string[] = []): Promise<SpawnedService> {
  const started = performance.now();
  if (!existsSync(join(REPO_ROOT, entry))) throw new Error(`${entry} is missing: run \`pnpm build\` first (pnpm bench does)`);
  const child = spawn(process.execPath, [...COMPILED_NODE_FLAGS, ...nodeFlags, join(REPO_ROOT, entry)], {
    cwd: REPO_ROOT,
    // BENCH_CHILD_NODE_OPTIONS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the services themselves.
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...(process.env.BENCH_CHILD_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_CHILD_NODE_OPTIONS } : {}), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not spawn ${name}`);
  live.add(child);
  const lines: string[] = [];
  // BENCH_SERVICE_LOGS=<dir> keeps every line each service writes in <dir>/<name>.log, for diagnosis.
  const logFile = process.env.BENCH_SERVICE_LOGS ? createWriteStream(join(process.env.BENCH_SERVICE_LOGS, `${name.replace(/[^\w.-]+/g, "_")}.log`), { flags: "a" }) : undefined;
  const keep = (l: string) => {
    lines.push(l);
    if (lines.length > 30) lines.shift();
    logFile?.write(`${l}\n`);
  };
  let readyAt: number | undefined;
  let exited: string | undefined;
  const exitPromise = new Promise<void>((r) =>
    child.once("exit", (code, signal) => {
      live.delete(child);
      exited = `exited with ${signal ?? code}`;
      r();
    }),
  );
  let warnCount = 0;
  const warnSamples: string[] = [];
  createInterface({ input: child.stdout! }).on("line", (l) => {
    if (readyAt === undefined && ready.kind === "log" && logMessage(l) === ready.msg) readyAt = performance.now();
    const w = warning(l);
    if (w !== undefined) {
      warnCount++;
      if (warnSamples.length < 3) warnSamples.push(w);
    }
    keep(l);
  });
  createInterface({ input: child.stderr! }).on("line", keep);

  const stop = async (graceMs = 5_000) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    await exitPromise;
    clearTimeout(timer);
  };

  const deadline = started + timeoutMs;
  while (readyAt === undefined) {
    if (exited) throw new Error(`${name} ${exited} before it was ready:\n${lines.join("\n")}`);
    if (performance.now() > deadline) {
      await stop(1_000);
      throw new Error(`${name} was not ready within ${timeoutMs} ms:\n${lines.join("\n")}`);
    }
    if (ready.kind === "http" || ready.kind === "probe") {
      if (await (ready.kind === "http" ? httpOk(ready.url) : ready.probe().catch(() => false))) readyAt = performance.now();
      else await sleep(10);
    } else await sleep(5);
  }
  return { name, child, pid, readyMs: readyAt - started, tail: () => [...lines], warnings: () => ({ count: warnCount, samples: [...warnSamples] }), stop };
}

/** The `msg` of a pino JSON line, or undefined. */
export function logMessage(line: string): string | undefined {
  if (!line.startsWith("{")) return undefined;
  try {
    const v = JSON.parse(line) as { msg?: unknown };
    return typeof v.msg === "string" ? v.msg : undefined;
  } catch {
    return undefined;
  }
}

/** "msg: err.message" of a pino line at warn or above, else undefined. */
export function warning(line: string): string | undefined {
  if (!line.startsWith("{")) return undefined;
  try {
    const v = JSON.parse(line) as { level?: unknown; msg?: unknown; err?: { message?: unknown } };
    if (typeof v.level !== "number" || v.level < 40) return undefined;
    const err = typeof v.err?.message === "string" ? `: ${v.err.message}` : "";
    return `${String(v.msg)}${err}`.slice(0, 200);
  } catch {
    return undefined;
  }
}

async function httpOk(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(500) });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

/**
 * A process's resident memory from /proc: the total, its peak, and the split the kernel keeps:
 * `anon` (heap, stacks: this process's own) and `file` (mapped files — mostly the node binary's
 * own code, shared by every Node process on the machine through the page cache).
 */
export function rssBytes(pid: number): { rss: number; hwm: number; anon: number; file: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN) * 1024;
    const rss = kb("VmRSS");
    return Number.isFinite(rss) ? { rss, hwm: kb("VmHWM"), anon: kb("RssAnon"), file: kb("RssFile") } : undefined;
  } catch {
    return undefined;
  }
}
