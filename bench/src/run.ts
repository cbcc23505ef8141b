import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { Benchmark, BenchOptions } from "./bench-context.ts";
import { machineBusy } from "./cpu.ts";
import { p1 } from "./p1-gated-writes.ts";
import { p2 } from "./p2-dispatch.ts";
import { p5 } from "./p5-idle.ts";
import { REPO_ROOT } from "./services.ts";
import { formatTable, tally, type BenchmarkResult } from "./verdict.ts";

/**
 * `pnpm bench [p1|p2|p5 …] [--quick] [--log-level info] [--concurrency 32]` (or `./dev bench …`).
 * Runs the SPEC §11 benchmarks, prints a table, writes `.bench/latest.json`. A missed target is a
 * FAIL row, never a failed process; the exit code is 1 only when a benchmark could not run at all.
 */
const BENCHMARKS: Benchmark[] = [p1, p2, p5];

const USAGE = `usage: pnpm bench [${BENCHMARKS.map((b) => b.id).join("|")} …] [--quick] [--log-level <level>] [--concurrency <n>]
  --quick         ~10 s smoke per benchmark instead of the full run (≤ ~60 s each)
  --log-level     level of the services' loggers (default info, the services' default; in-process ones write to /dev/null)
  --concurrency   P1 closed-loop connections, baseline and gated alike (default 32)
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
  const selected = positionals.length === 0 ? BENCHMARKS : BENCHMARKS.filter((b) => positionals.map((p) => p.toLowerCase()).includes(b.id));
  const opts: BenchOptions = { quick: values.quick, logLevel: values["log-level"], concurrency, say };

  let interrupted = false;
  process.on("SIGINT", () => {
    if (interrupted) {
      say("second interrupt: exiting now (a layers_bench_* database or b* NATS streams may be left behind)");
      process.exit(130);
    }
    interrupted = true;
    say("interrupt: finishing the current benchmark (bounded) and cleaning up; Ctrl-C again to exit at once");
  });

  const startedAt = new Date();
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

  const report = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    quick: opts.quick,
    options: { logLevel: opts.logLevel, concurrency: opts.concurrency },
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? "unknown", memGb: Math.round(totalmem() / 1024 ** 3), node: process.version, platform: process.platform },
    results,
  };
  const dir = join(REPO_ROOT, ".bench");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "latest.json"), `${JSON.stringify(report, null, 2)}\n`);

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

const code = await main();
// Some client libraries keep timers alive; every resource of ours is closed by now.
process.exit(code);
