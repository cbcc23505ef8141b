import type { BenchmarkResult } from "./verdict.ts";

/** Options every benchmark receives from run.ts. */
export interface BenchOptions {
  /** ~10 s smoke instead of the full run. */
  quick: boolean;
  /** Level of the in-process services' loggers (written to /dev/null) and of spawned services. */
  logLevel: string;
  /** Closed-loop concurrency of P1's load generator (baseline and gated alike). */
  concurrency: number;
  /** Scratch folder of this run (CPU profiles, statement counts); under /tmp. */
  artifactsDir: string;
  /** P4: intents replayed (default 100,000; --replay-intents for a shorter run). */
  replayIntents: number;
  /** Progress lines (stderr). */
  say(line: string): void;
}

export interface Benchmark {
  id: string;
  title: string;
  run(opts: BenchOptions): Promise<Omit<BenchmarkResult, "id" | "title" | "durationMs">>;
}
