/**
 * Metrics, SPEC §11 targets and their verdicts. Pure: benchmarks build `Metric`s, this module
 * computes ratios and PASS/FAIL, and `formatTable` renders them. A miss is reported, never thrown.
 */

export type Verdict = "PASS" | "FAIL" | "INFO";

/** What a target is checked against: the raw value, or value ÷ baseline. */
export interface Target {
  on: "value" | "ratio";
  op: ">=" | "<=" | "==";
  threshold: number;
}

export interface MetricInput {
  name: string;
  value: number;
  unit: string;
  /** The same quantity measured on the benchmark's baseline (same machine, same run). */
  baseline?: number | undefined;
  target?: Target | undefined;
  note?: string | undefined;
}

export interface Metric extends MetricInput {
  /** value ÷ baseline, when a (non-zero) baseline exists. */
  ratio: number | null;
  verdict: Verdict;
}

/** value ÷ baseline, or null when there is no usable baseline. */
export function ratioOf(value: number, baseline: number | undefined): number | null {
  if (baseline === undefined || !Number.isFinite(baseline) || baseline === 0 || !Number.isFinite(value)) return null;
  return value / baseline;
}

/** PASS/FAIL against the target, INFO when there is none. A ratio target without a baseline cannot pass. */
export function verdictOf(value: number, ratio: number | null, target: Target | undefined): Verdict {
  if (!target) return "INFO";
  const x = target.on === "ratio" ? ratio : value;
  if (x === null || !Number.isFinite(x)) return "FAIL";
  switch (target.op) {
    case ">=":
      return x >= target.threshold ? "PASS" : "FAIL";
    case "<=":
      return x <= target.threshold ? "PASS" : "FAIL";
    case "==":
      return x === target.threshold ? "PASS" : "FAIL";
  }
}

export function metric(m: MetricInput): Metric {
  const ratio = ratioOf(m.value, m.baseline);
  return { ...m, ratio, verdict: verdictOf(m.value, ratio, m.target) };
}

export function describeTarget(t: Target | undefined): string {
  if (!t) return "—";
  return `${t.on === "ratio" ? "ratio " : ""}${t.op} ${t.threshold}`;
}

/** Rounds for display: integers as they are, else 3 significant digits (at most 2 decimals above 1). */
export function fmt(n: number | null | undefined): string {
  if (n === null || n === undefined || Number.isNaN(n)) return "—";
  if (!Number.isFinite(n)) return n > 0 ? "∞" : "-∞";
  if (Number.isInteger(n)) return String(n);
  const a = Math.abs(n);
  if (a >= 100) return n.toFixed(0);
  if (a >= 1) return n.toFixed(2);
  return n.toPrecision(3);
}

/** One line of a chart: [x, y] points. */
export interface ChartLine {
  name: string;
  points: Array<[number, number]>;
  axis?: "left" | "right";
  dashed?: boolean;
}

/** Where one process spends a unit of work (docs/performance.md, "where the time goes"). */
export interface TimeBreakdown {
  /** e.g. "P1 gateway (process)". */
  process: string;
  /** e.g. "request", "write", "delivery". */
  unit: string;
  units: number;
  /** "7.00 (select 3.00, insert 2.00, …)" per unit, when counted. */
  statementsPerUnit?: string;
  /** CPU milliseconds of this process per unit. */
  cpuMsPerUnit?: number;
  /** Top self-time functions and owners from its CPU profile. */
  topFunctions?: Array<{ name: string; share: number }>;
  topOwners?: Array<{ name: string; share: number }>;
}

export interface BenchmarkResult {
  id: string;
  title: string;
  metrics: Metric[];
  notes: string[];
  durationMs: number;
  /** Data for the charts docs/performance.md shows, by chart id (e.g. "p1-throughput"). */
  charts?: Record<string, ChartLine[]>;
  breakdown?: TimeBreakdown[];
  /** "What the remaining gap costs": one line per missed target, from this run's measurements. */
  gaps?: string[];
  /** Set when the benchmark could not run to the end (a harness or environment failure, not a miss). */
  error?: string;
}

/** A plain-text table of every metric of every benchmark. */
export function formatTable(results: readonly BenchmarkResult[]): string {
  const header = ["bench", "metric", "value", "unit", "baseline", "ratio", "target", "verdict"];
  const rows: string[][] = [];
  for (const r of results) {
    if (r.error) rows.push([r.id, "(error)", r.error.slice(0, 80), "", "", "", "", "ERROR"]);
    for (const m of r.metrics) {
      rows.push([r.id, m.name, fmt(m.value), m.unit, fmt(m.baseline), fmt(m.ratio), describeTarget(m.target), m.verdict]);
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 2 && i <= 6 && i !== 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** Counts of verdicts over every metric (for the summary line). */
export function tally(results: readonly BenchmarkResult[]): Record<Verdict | "ERROR", number> {
  const t = { PASS: 0, FAIL: 0, INFO: 0, ERROR: 0 };
  for (const r of results) {
    if (r.error) t.ERROR++;
    for (const m of r.metrics) t[m.verdict]++;
  }
  return t;
}
