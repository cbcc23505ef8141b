import { setTimeout as sleep } from "node:timers/promises";
import { DEV_TOKEN_KEY } from "@layers/runtime";
import type { Benchmark, BenchOptions } from "./bench-context.ts";
import { Cleanup, createBenchDatabase, createNamespace, freePort, runId, serverUrls } from "./env.ts";
import { rssBytes, SERVICE_ENTRIES, spawnService, type ReadyCheck, type ServiceName } from "./services.ts";
import { median } from "./stats.ts";
import { metric, type Metric } from "./verdict.ts";

const MB = 1024 * 1024;
const READY_TARGET_MS = 1000;
const RSS_TARGET_MB = 80;
const SEMI_SPACE_FLAG = "--max-semi-space-size=2";

interface Sample {
  readyMs: number;
  rssMb: number;
  hwmMb: number;
  /** The process's own memory (V8 heap, malloc, stacks). */
  anonMb: number;
  /** Mapped files, mostly the node binary's code: shared with every other Node process. */
  fileMb: number;
}

/**
 * P5: every service's compiled `dist/main.js` (as production runs it) as a child process against a
 * fresh database and NATS prefix: spawn → ready (gateway `/healthz` 200, sandbox `/_sandbox/health`
 * 200, gate "gate started", dispatchers and webhooks "ready" on stdout), then VmRSS after 2 s idle.
 * Baseline: a bare Node.js process with a plain .js entry.
 */
export const p5: Benchmark = {
  id: "p5",
  title: "idle RSS and time to ready per service",
  async run(opts: BenchOptions) {
    const reps = opts.quick ? 1 : 3;
    const idleMs = 2_000;
    const id = runId();
    const cleanup = new Cleanup();
    const metrics: Metric[] = [];
    const notes: string[] = [];
    try {
      const { natsUrl } = serverUrls();
      const bdb = await createBenchDatabase(id);
      cleanup.add("database", () => bdb.drop());
      const ns = await createNamespace(id);
      cleanup.add("nats namespace", () => ns.delete());
      const base = { DATABASE_URL: bdb.url, NATS_URL: natsUrl, NATS_PREFIX: ns.prefix, LOG_LEVEL: "info" };

      const measure = async (name: string, entry: string, env: Record<string, string>, ready: ReadyCheck, nodeFlags: string[] = []): Promise<Sample> => {
        const svc = await spawnService(name, entry, env, ready, 15_000, nodeFlags);
        try {
          await sleep(idleMs);
          const mem = rssBytes(svc.pid);
          if (!mem) throw new Error(`could not read /proc/${svc.pid}/status`);
          return { readyMs: svc.readyMs, rssMb: mem.rss / MB, hwmMb: mem.hwm / MB, anonMb: mem.anon / MB, fileMb: mem.file / MB };
        } finally {
          await svc.stop();
        }
      };
      const repeat = async (name: string, make: () => Promise<[string, Record<string, string>, ReadyCheck]>, nodeFlags: string[] = []): Promise<Sample[]> => {
        const out: Sample[] = [];
        for (let i = 0; i < reps; i++) {
          const [entry, env, ready] = await make();
          out.push(await measure(name, entry, env, ready, nodeFlags));
        }
        opts.say(`p5: ${name}: ready ${out.map((s) => s.readyMs.toFixed(0)).join("/")} ms, RSS ${out.map((s) => s.rssMb.toFixed(1)).join("/")} MB`);
        return out;
      };

      const withTs = await repeat("node, .ts entry (type stripping)", async () => ["bench/src/idle-baseline.ts", {}, { kind: "log", msg: "ready" }]);
      const tsReady = median(withTs.map((s) => s.readyMs));
      const tsRss = median(withTs.map((s) => s.rssMb));
      const baseline = await repeat("node (baseline, plain .js)", async () => ["bench/src/idle-baseline-js.mjs", {}, { kind: "log", msg: "ready" }]);
      const baseReady = median(baseline.map((s) => s.readyMs));
      const baseRss = median(baseline.map((s) => s.rssMb));
      const baseAnon = median(baseline.map((s) => s.anonMb));
      const baseFile = median(baseline.map((s) => s.fileMb));

      const sandboxPort = await freePort();
      const configs: Record<ServiceName, () => Promise<[string, Record<string, string>, ReadyCheck]>> = {
        gate: async () => [SERVICE_ENTRIES.gate, base, { kind: "log", msg: "gate started" }],
        "dispatcher-meta": async () => [
          SERVICE_ENTRIES["dispatcher-meta"],
          // Nothing listens there: an idle dispatcher never calls Meta.
          { ...base, META_BASE_URL: `http://127.0.0.1:${sandboxPort}`, TOKEN_ENCRYPTION_KEY: DEV_TOKEN_KEY },
          { kind: "log", msg: "ready" },
        ],
        "dispatcher-tiktok": async () => [SERVICE_ENTRIES["dispatcher-tiktok"], { ...base, TIKTOK_BASE_URL: `http://127.0.0.1:${sandboxPort}`, TOKEN_ENCRYPTION_KEY: DEV_TOKEN_KEY }, { kind: "log", msg: "ready" }],
        "dispatcher-apple": async () => [SERVICE_ENTRIES["dispatcher-apple"], { ...base, APPLE_BASE_URL: `http://127.0.0.1:${sandboxPort}`, TOKEN_ENCRYPTION_KEY: DEV_TOKEN_KEY }, { kind: "log", msg: "ready" }],
        webhooks: async () => [SERVICE_ENTRIES.webhooks, { ...base, TOKEN_ENCRYPTION_KEY: DEV_TOKEN_KEY }, { kind: "log", msg: "ready" }],
        gateway: async () => {
          const port = await freePort();
          return [SERVICE_ENTRIES.gateway, { ...base, PORT: String(port), HOST: "127.0.0.1" }, { kind: "http", url: `http://127.0.0.1:${port}/healthz` }];
        },
        sandbox: async () => {
          const port = await freePort();
          return [SERVICE_ENTRIES.sandbox, { SANDBOX_PORT: String(port), SANDBOX_HOST: "127.0.0.1", LOG_LEVEL: "info" }, { kind: "http", url: `http://127.0.0.1:${port}/_sandbox/health` }];
        },
      };
      const rssOf: Partial<Record<ServiceName, number>> = {};
      const splitOf: Partial<Record<ServiceName, { anon: number; file: number }>> = {};
      for (const name of Object.keys(configs) as ServiceName[]) {
        const samples = await repeat(name, configs[name]);
        const ready = median(samples.map((s) => s.readyMs));
        const rss = median(samples.map((s) => s.rssMb));
        rssOf[name] = rss;
        splitOf[name] = { anon: median(samples.map((s) => s.anonMb)), file: median(samples.map((s) => s.fileMb)) };
        metrics.push(
          metric({ name: `${name} ready`, value: round1(ready), unit: "ms", baseline: round1(baseReady), target: { on: "value", op: "<=", threshold: READY_TARGET_MS } }),
          metric({ name: `${name} idle RSS`, value: round1(rss), unit: "MB", baseline: round1(baseRss), target: { on: "value", op: "<=", threshold: RSS_TARGET_MB } }),
        );
        notes.push(
          `${name}: ready ms per run ${samples.map((s) => s.readyMs.toFixed(0)).join(", ")}; RSS MB ${samples.map((s) => s.rssMb.toFixed(1)).join(", ")} (peak ${Math.max(...samples.map((s) => s.hwmMb)).toFixed(1)}; ` +
            `${splitOf[name].anon.toFixed(1)} MB its own, ${splitOf[name].file.toFixed(1)} MB mapped files)`,
        );
      }
      notes.push(
        `baseline = an idle Node process with a plain .js entry, as the compiled services run: ready ${baseReady.toFixed(0)} ms, ${baseRss.toFixed(1)} MB ` +
          `(${baseAnon.toFixed(1)} MB its own, ${baseFile.toFixed(1)} MB the node binary's mapped pages); ` +
          `the same with a .ts entry (how ./dev start runs): ${tsReady.toFixed(0)} ms, ${tsRss.toFixed(1)} MB — type stripping alone costs ${(tsRss - baseRss).toFixed(1)} MB per process`,
        `median of ${reps} run(s); ready = spawn() → ready signal (Node start-up included); RSS = VmRSS ${idleMs} ms after ready; LOG_LEVEL=info`,
      );
      // What closing the RSS gap would cost: the same services with V8's young generation capped.
      // Not the production setting (more frequent scavenges cost CPU under load); measured so the
      // trade-off is a number, not a guess.
      for (const name of ["gate", "gateway"] as const) {
        const samples = await repeat(`${name} ${SEMI_SPACE_FLAG}`, configs[name], [SEMI_SPACE_FLAG]);
        const rss = median(samples.map((s) => s.rssMb));
        metrics.push(metric({ name: `${name} idle RSS with ${SEMI_SPACE_FLAG}`, value: round1(rss), unit: "MB", baseline: round1(rssOf[name] ?? Number.NaN) }));
      }
      const gaps = metrics
        .filter((m) => m.verdict === "FAIL" && m.unit === "MB")
        .map((m) => {
          const split = splitOf[m.name.replace(/ idle RSS$/, "") as ServiceName];
          const where = split
            ? ` Of the total, ${split.file.toFixed(1)} MB are mapped files (the node binary's code, ${baseFile.toFixed(1)} MB of it already in an idle process; shared by every Node process on a host through the page cache) and ${split.anon.toFixed(1)} MB the process's own (V8 heap, whose young generation alone may hold 32 MB of semi-spaces, and malloc).`
            : "";
          return `P5 ${m.name}: ${m.value} MB of which ${m.baseline} MB is an idle Node process; the ${(m.value - (m.baseline ?? 0)).toFixed(1)} MB above it is the service's modules and heap (target 80 MB).${where}`;
        });
      const capped = metrics.filter((m) => m.name.includes(SEMI_SPACE_FLAG));
      if (gaps.length && capped.length) {
        gaps.push(
          `P5 with ${SEMI_SPACE_FLAG} (V8's young generation capped at 2 MB per semi-space): ${capped.map((m) => `${m.name.split(" ")[0]} ${m.value} MB (was ${m.baseline})`).join(", ")} — ` +
            `a deploy-time flag that trades idle memory for more frequent young-generation collections under load; not set in production until P1/P2 show what it costs in throughput.`,
        );
      }
      return { metrics, notes, gaps };
    } finally {
      await cleanup.run(opts.say);
    }
  },
};

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
