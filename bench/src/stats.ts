/** Small pure helpers over arrays of numbers. */

/** Nearest-rank quantile (q in 0..1) of unsorted values; NaN when empty. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile must be within 0..1, got ${q}`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1]!;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export interface CompletionRates {
  /** Completions ÷ (last completion − start), per second. */
  overall: number;
  /**
   * Rate between the 10th and 90th percentile completion (the steady middle, without ramp-up and
   * the tail of the last stragglers), per second. Falls back to `overall` with fewer than 20 samples.
   */
  steady: number;
  /** Last completion − start, ms. */
  elapsedMs: number;
}

/** Throughput of a batch from its start time and each item's completion time (epoch ms). */
export function completionRates(startMs: number, completedAtMs: readonly number[]): CompletionRates {
  const n = completedAtMs.length;
  if (n === 0) return { overall: 0, steady: 0, elapsedMs: 0 };
  const sorted = [...completedAtMs].sort((a, b) => a - b);
  const elapsedMs = Math.max(1, sorted[n - 1]! - startMs);
  const overall = n / (elapsedMs / 1000);
  if (n < 20) return { overall, steady: overall, elapsedMs };
  const lo = Math.floor(n * 0.1);
  const hi = Math.ceil(n * 0.9) - 1;
  const spanMs = sorted[hi]! - sorted[lo]!;
  const steady = spanMs > 0 ? (hi - lo) / (spanMs / 1000) : overall;
  return { overall, steady, elapsedMs };
}

/** How many items occur more than once, counting each extra occurrence (e.g. [a,a,a,b] → 2). */
export function duplicateCount(keys: readonly string[]): number {
  const seen = new Map<string, number>();
  for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
  let extra = 0;
  for (const c of seen.values()) if (c > 1) extra += c - 1;
  return extra;
}
