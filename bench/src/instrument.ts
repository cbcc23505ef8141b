import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { diffCounts, emptyCounts, type StatementCounts } from "./pg-count.ts";
import { summarizeProfile, type CpuProfile, type ProfileSummary } from "./profile-summary.ts";

/**
 * "Where the time goes" for a spawned service: a CPU profile (`--cpu-prof`, written when the process
 * exits) and its SQL statement count (pg-count-preload, read while it runs). One per process.
 */
export interface Instrumented {
  label: string;
  /** Node flags and env to spawn the process with. */
  nodeFlags: string[];
  env: Record<string, string>;
  /** Cumulative statements so far (empty before the first flush). */
  statements(): StatementCounts;
  /** The profile summary; only after the process exited. */
  profile(top?: number): ProfileSummary | undefined;
}

const PRELOAD = new URL(`./pg-count-preload${import.meta.url.endsWith(".js") ? ".js" : ".ts"}`, import.meta.url).href;

export function instrument(dir: string, label: string): Instrumented {
  const safe = label.replace(/[^a-zA-Z0-9_.-]+/g, "-");
  const profDir = join(dir, safe);
  mkdirSync(profDir, { recursive: true });
  const countFile = join(dir, `${safe}.statements.json`);
  return {
    label,
    nodeFlags: ["--import", PRELOAD, "--cpu-prof", `--cpu-prof-dir=${profDir}`],
    env: { BENCH_PG_COUNT_FILE: countFile },
    statements() {
      try {
        return JSON.parse(readFileSync(countFile, "utf8")) as StatementCounts;
      } catch {
        return emptyCounts();
      }
    },
    profile(top = 10) {
      if (!existsSync(profDir)) return undefined;
      const file = readdirSync(profDir).find((f) => f.endsWith(".cpuprofile"));
      if (!file) return undefined;
      return summarizeProfile(JSON.parse(readFileSync(join(profDir, file), "utf8")) as CpuProfile, top);
    },
  };
}

/** Statements of a window: read `statements()` before and after and difference them. */
export function windowStatements(before: StatementCounts, after: StatementCounts): StatementCounts {
  return diffCounts(after, before);
}
