import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, release, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { createDb } from "@layers/db";
import { connectNats } from "@layers/runtime";
import type { Benchmark, BenchOptions } from "./bench-context.ts";
import { machineBusy } from "./cpu.ts";
import { serverUrls } from "./env.ts";
import { p1 } from "./p1-gated-writes.ts";
import { p2 } from "./p2-dispatch.ts";
import { p3 } from "./p3-webhooks.ts";
import { p4 } from "./p4-replay.ts";
import { p5 } from "./p5-idle.ts";
import { p6 } from "./p6-call-budgets.ts";
import { p7 } from "./p7-entity-backlog.ts";
import { renderCharts, renderPerformanceMd, type Machine, type RunReport } from "./report.ts";
import { REPO_ROOT } from "./services.ts";
import { formatTable, tally, type BenchmarkResult } from "./verdict.ts";

/**
 * `pnpm bench [p1 … p7] [--quick] [--log-level info] [--concurrency 32] [--replay-intents N]` (or
 * `./dev bench …`; both build first and run the compiled bench). Runs the SPEC §11 benchmarks,
 * prints one table, writes `.bench/latest.json`, and — when every benchmark ran — docs/performance.md
 * with its SVG charts. A missed target is a FAIL row, never a failed process; the exit code is 1 only
 * when a benchmark could not run at all.
 */
const BENCHMARKS: Benchmark[] = [p1, p2, p3, p4, p5, p6, p7];

const USAGE = `usage: pnpm bench [${BENCHMARKS.map((b) => b.id).join("|")} …] [--quick] [--log-level <level>] [--concurrency <n>] [--replay-intents <n>]
  --quick           every benchmark small (a few seconds per phase; the whole run in a few minutes)
  --log-level       level of the services' loggers (default info, the services' default; in-process ones write to /dev/null)
  --concurrency     P1 closed-loop connections, baseline and gated alike (default 32)
  --replay-intents  P4 size (default 100000; --quick: 10000)
Env: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres), BENCH_NATS_URL (default nats://127.0.0.1:4222).`;

function say(line: string): void {
  process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      quick: { type: "boolean", default: false },
      "log-level": { type: "string", default: "info" },
      concurrency: { type: "string", default: "32" },
      "replay-intents": { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const unknown = positionals.filter((p) => !BENCHMARKS.some((b) => b.id === p.toLowerCase()));
  if (unknown.length > 0) {
    process.stderr.write(`unknown benchmark(s): ${unknown.join(", ")}\n${USAGE}\n`);
    return 2;
  }
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 512) {
    process.stderr.write(`--concurrency must be an integer within 1..512\n`);
    return 2;
  }
  const levels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];
  if (!levels.includes(values["log-level"])) {
    process.stderr.write(`--log-level must be one of ${levels.join(", ")}\n`);
    return 2;
  }
  const replayIntents = Number(values["replay-intents"] ?? (values.quick ? 10_000 : 100_000));
  if (!Number.isInteger(replayIntents) || replayIntents < 100 || replayIntents > 1_000_000) {
    process.stderr.write(`--replay-intents must be an integer within 100..1000000\n`);
    return 2;
  }
  const selected = positionals.length === 0 ? BENCHMARKS : BENCHMARKS.filter((b) => positionals.map((p) => p.toLowerCase()).includes(b.id));
  const startedAt = new Date();
  const artifactsDir = join(REPO_ROOT, ".bench", startedAt.toISOString().replace(/[^0-9]/g, "").slice(0, 14));
  mkdirSync(artifactsDir, { recursive: true });
  const opts: BenchOptions = { quick: values.quick, logLevel: values["log-level"], concurrency, artifactsDir, replayIntents, say };

  let interrupted = false;
  process.on("SIGINT", () => {
    if (interrupted) {
      say("second interrupt: exiting now (a layers_bench_* database or b* NATS streams may be left behind)");
      process.exit(130);
    }
    interrupted = true;
    say("interrupt: finishing the current benchmark (bounded) and cleaning up; Ctrl-C again to exit at once");
  });

  const results: BenchmarkResult[] = [];
  for (const b of selected) {
    if (interrupted) break;
    const busy = await machineBusy(1_000);
    const busyNote = `machine busy before start: ${busy.toFixed(2)} cores${busy > 0.3 ? " — other work is running; expect pessimistic, noisy numbers" : ""}`;
    say(`${b.id}: ${b.title}${opts.quick ? " (quick)" : ""}; ${busyNote}`);
    const t0 = Date.now();
    try {
      const r = await b.run(opts);
      results.push({ id: b.id, title: b.title, ...r, notes: [...r.notes, busyNote], durationMs: Date.now() - t0 });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      say(`${b.id}: could not run: ${message}`);
      results.push({ id: b.id, title: b.title, metrics: [], notes: [], durationMs: Date.now() - t0, error: message });
    }
    say(`${b.id}: done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }

  const report: RunReport & { options: Record<string, unknown> } = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    quick: opts.quick,
    command: `./dev bench${process.argv.slice(2).length ? ` ${process.argv.slice(2).join(" ")}` : ""}`,
    options: { logLevel: opts.logLevel, concurrency: opts.concurrency, replayIntents },
    machine: await machine(),
    results,
  };
  const dir = join(REPO_ROOT, ".bench");
  writeFileSync(join(dir, "latest.json"), `${JSON.stringify(report, null, 2)}\n`);
  const complete = BENCHMARKS.every((b) => results.some((r) => r.id === b.id));
  if (complete && !interrupted) {
    const charts = renderCharts(results);
    for (const c of charts) {
      const file = join(REPO_ROOT, "docs", c.file);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, c.svg);
    }
    writeFileSync(join(REPO_ROOT, "docs", "performance.md"), renderPerformanceMd(report, charts));
    say(`written docs/performance.md and ${charts.length} chart(s) under docs/performance/`);
  } else say("docs/performance.md is left as it is: it is written only by a run of every benchmark");

  process.stdout.write(`\n${formatTable(results)}\n`);
  for (const r of results) {
    if (r.notes.length === 0) continue;
    process.stdout.write(`\n${r.id} — ${r.title} (${(r.durationMs / 1000).toFixed(1)} s)\n`);
    for (const n of r.notes) process.stdout.write(`  · ${n}\n`);
  }
  const t = tally(results);
  process.stdout.write(`\n${t.PASS} pass, ${t.FAIL} fail, ${t.INFO} info${t.ERROR ? `, ${t.ERROR} could not run` : ""} — written to .bench/latest.json\n`);
  return t.ERROR > 0 ? 1 : 0;
}

/** The machine, for the report: CPUs and memory from the OS, server versions when they answer. */
async function machine(): Promise<Machine> {
  const m: Machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? "unknown", memGb: Math.round(totalmem() / 1024 ** 3), node: process.version, platform: process.platform, kernel: release() };
  const db = createDb({ connectionString: serverUrls().databaseUrl, max: 1, applicationName: "bench-machine" });
  try {
    m.postgres = (await sql<{ v: string }>`select current_setting('server_version') as v`.execute(db)).rows[0]?.v.split(" ")[0];
  } catch {
    /* reported without it */
  } finally {
    await db.destroy().catch(() => undefined);
  }
  try {
    const h = await connectNats(serverUrls().natsUrl, "bench-machine");
    m.nats = h.nc.info?.version;
    await h.nc.close();
  } catch {
    /* reported without it */
  }
  return m;
}

const code = await main();
// Some client libraries keep timers alive; every resource of ours is closed by now.
process.exit(code);
