import { describe, expect, it } from "vitest";
import { bucketIndex, bucketRange, Histogram } from "./histogram.ts";
import { validateSpec, type LoadSpec } from "./loadgen.ts";
import { completionRates, duplicateCount, median, quantile } from "./stats.ts";
import { describeTarget, fmt, formatTable, metric, ratioOf, tally, verdictOf, type BenchmarkResult } from "./verdict.ts";

describe("histogram buckets", () => {
  it("keeps small values exact and every value inside its own bucket", () => {
    for (const v of [0, 1, 63, 64, 65, 127, 128, 1_000, 12_345, 999_999, 60_000_000]) {
      const { low, high } = bucketRange(bucketIndex(v));
      expect(low).toBeLessThanOrEqual(v);
      expect(high).toBeGreaterThanOrEqual(v);
      if (v < 64) expect(high).toBe(v);
      // Above the exact range, a bucket is at most 1/64 of its lowest value wide.
      else expect((high - low + 1) / low).toBeLessThanOrEqual(1 / 64 + 1e-9);
    }
  });

  it("orders buckets like the values", () => {
    let prev = -1;
    for (let v = 0; v < 200_000; v += 37) {
      const i = bucketIndex(v);
      expect(i).toBeGreaterThanOrEqual(prev);
      prev = i;
    }
  });
});

describe("Histogram", () => {
  it("reports nearest-rank percentiles within the bucket precision", () => {
    const h = new Histogram();
    for (let v = 1; v <= 10_000; v++) h.record(v); // 1 µs … 10 ms, uniform
    expect(h.count).toBe(10_000);
    expect(h.min).toBe(1);
    expect(h.max).toBe(10_000);
    expect(h.mean).toBeCloseTo(5_000.5, 5);
    for (const [p, exact] of [
      [50, 5_000],
      [90, 9_000],
      [99, 9_900],
      [99.9, 9_990],
    ] as const) {
      const got = h.percentile(p);
      expect(got).toBeGreaterThanOrEqual(exact);
      expect(got).toBeLessThanOrEqual(exact * (1 + 1 / 64));
    }
    expect(h.percentile(100)).toBe(10_000);
    expect(h.percentile(0)).toBe(1);
  });

  it("finds the tail of a skewed distribution", () => {
    const h = new Histogram();
    for (let i = 0; i < 990; i++) h.record(2_000); // 2 ms
    for (let i = 0; i < 10; i++) h.record(80_000); // 1 % at 80 ms
    // Reported as the top of the value's bucket: within 1/64 above it.
    expect(h.percentile(98.9)).toBeGreaterThanOrEqual(2_000);
    expect(h.percentile(98.9)).toBeLessThanOrEqual(2_000 * (1 + 1 / 64));
    expect(h.percentile(99)).toBeLessThanOrEqual(2_000 * (1 + 1 / 64));
    expect(h.percentile(99.1)).toBeGreaterThanOrEqual(80_000 * (1 - 1 / 64));
    expect(h.summaryMs().maxMs).toBe(80);
  });

  it("is empty-safe, clamps negatives and rejects bad percentiles", () => {
    const h = new Histogram();
    expect(h.percentile(99)).toBe(0);
    expect(h.summaryMs()).toEqual({ count: 0, meanMs: 0, p50Ms: 0, p90Ms: 0, p99Ms: 0, p999Ms: 0, maxMs: 0 });
    h.record(-5);
    expect(h.min).toBe(0);
    expect(() => h.percentile(101)).toThrow(RangeError);
  });

  it("survives JSON (worker → main thread) and merges", () => {
    const a = new Histogram();
    const b = new Histogram();
    for (let v = 0; v < 1_000; v++) a.record(v);
    for (let v = 1_000; v < 2_000; v++) b.record(v);
    const copy = Histogram.fromJSON(JSON.parse(JSON.stringify(a.toJSON())));
    expect(copy.toJSON()).toEqual(a.toJSON());
    expect(copy.percentile(50)).toBe(a.percentile(50));
    const m = copy.merge(b);
    expect(m.count).toBe(2_000);
    expect(m.min).toBe(0);
    expect(m.max).toBe(1_999);
    expect(m.percentile(50)).toBeGreaterThanOrEqual(999);
    expect(m.percentile(50)).toBeLessThanOrEqual(1_000);
  });
});

describe("ratios and verdicts", () => {
  it("divides by the baseline and refuses a missing or zero one", () => {
    expect(ratioOf(300, 1_000)).toBeCloseTo(0.3);
    expect(ratioOf(5, undefined)).toBeNull();
    expect(ratioOf(5, 0)).toBeNull();
    expect(ratioOf(Number.NaN, 3)).toBeNull();
  });

  it("checks ratio and value targets, inclusive at the threshold", () => {
    expect(verdictOf(500, 0.5, { on: "ratio", op: ">=", threshold: 0.5 })).toBe("PASS");
    expect(verdictOf(499, 0.499, { on: "ratio", op: ">=", threshold: 0.5 })).toBe("FAIL");
    expect(verdictOf(25, null, { on: "value", op: "<=", threshold: 25 })).toBe("PASS");
    expect(verdictOf(25.01, null, { on: "value", op: "<=", threshold: 25 })).toBe("FAIL");
    expect(verdictOf(0, null, { on: "value", op: "==", threshold: 0 })).toBe("PASS");
    expect(verdictOf(1, null, { on: "value", op: "==", threshold: 0 })).toBe("FAIL");
    expect(verdictOf(7, null, undefined)).toBe("INFO");
    // A ratio target cannot pass without its baseline.
    expect(verdictOf(7, null, { on: "ratio", op: ">=", threshold: 0.5 })).toBe("FAIL");
  });

  it("builds metrics: P1-style throughput ratio and P2-style scaling", () => {
    const p1 = metric({ name: "throughput", value: 1_260, unit: "req/s", baseline: 2_000, target: { on: "ratio", op: ">=", threshold: 0.5 } });
    expect(p1.ratio).toBeCloseTo(0.63);
    expect(p1.verdict).toBe("PASS");
    const p2 = metric({ name: "4 instances", value: 2_700, unit: "writes/s", baseline: 800, target: { on: "ratio", op: ">=", threshold: 3.5 } });
    expect(p2.ratio).toBeCloseTo(3.375);
    expect(p2.verdict).toBe("FAIL");
    const info = metric({ name: "p50", value: 3.2, unit: "ms" });
    expect(info.ratio).toBeNull();
    expect(info.verdict).toBe("INFO");
  });

  it("formats numbers, targets and a table that never throws on a miss", () => {
    expect(fmt(1234)).toBe("1234");
    expect(fmt(12.345)).toBe("12.35");
    expect(fmt(0.06312)).toBe("0.0631");
    expect(fmt(null)).toBe("—");
    expect(describeTarget({ on: "ratio", op: ">=", threshold: 3.5 })).toBe("ratio >= 3.5");
    expect(describeTarget(undefined)).toBe("—");
    const results: BenchmarkResult[] = [
      { id: "p1", title: "t", durationMs: 1, notes: [], metrics: [metric({ name: "errors", value: 3, unit: "count", target: { on: "value", op: "==", threshold: 0 } })] },
      { id: "p2", title: "t", durationMs: 1, notes: [], metrics: [], error: "database unreachable" },
    ];
    const table = formatTable(results);
    expect(table).toContain("FAIL");
    expect(table).toContain("ERROR");
    expect(table.split("\n")).toHaveLength(4);
    expect(tally(results)).toEqual({ PASS: 0, FAIL: 1, INFO: 0, ERROR: 1 });
  });
});

describe("stats", () => {
  it("quantile and median", () => {
    expect(quantile([5, 1, 4, 2, 3], 0.5)).toBe(3);
    expect(quantile([5, 1, 4, 2, 3], 1)).toBe(5);
    expect(quantile([], 0.5)).toBeNaN();
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it("computes overall and steady completion rates", () => {
    // 1000 completions, one per ms starting 500 ms after the start: a 500 ms ramp, then 1000/s.
    const done = Array.from({ length: 1_000 }, (_, i) => 10_500 + i);
    const r = completionRates(10_000, done);
    expect(r.elapsedMs).toBe(1_499);
    expect(r.overall).toBeCloseTo(1_000 / 1.499, 3);
    expect(r.steady).toBeCloseTo(1_000, -1);
    expect(completionRates(0, [])).toEqual({ overall: 0, steady: 0, elapsedMs: 0 });
    expect(completionRates(0, [100, 200]).steady).toBeCloseTo(10);
  });

  it("counts duplicates as extra occurrences", () => {
    expect(duplicateCount(["a", "b", "a", "a", "c"])).toBe(2);
    expect(duplicateCount([])).toBe(0);
  });
});

describe("load spec bounds", () => {
  const ok: LoadSpec = { port: 8080, method: "GET", paths: ["/"], concurrency: 8, durationMs: 1_000, maxRequests: 100 };
  it("accepts a bounded spec and refuses unbounded ones", () => {
    expect(() => validateSpec(ok)).not.toThrow();
    expect(() => validateSpec({ ...ok, durationMs: 0 })).toThrow();
    expect(() => validateSpec({ ...ok, durationMs: 10 * 60_000 })).toThrow();
    expect(() => validateSpec({ ...ok, maxRequests: 0 })).toThrow();
    expect(() => validateSpec({ ...ok, concurrency: 0 })).toThrow();
    expect(() => validateSpec({ ...ok, paths: [] })).toThrow();
    expect(() => validateSpec({ ...ok, ratePerSec: -1 })).toThrow();
  });
});
