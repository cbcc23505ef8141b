import { describe, expect, it } from "vitest";
import { describePerUnit, diffCounts, statementKind } from "./pg-count.ts";
import { scalingConcurrency } from "./p2-dispatch.ts";
import { ownerOf, summarizeProfile, type CpuProfile } from "./profile-summary.ts";
import { cell, markdownTable, renderCharts, renderPerformanceMd, type RunReport } from "./report.ts";
import { metric, type BenchmarkResult } from "./verdict.ts";

const results: BenchmarkResult[] = [
  {
    id: "p1",
    title: "gated writes",
    durationMs: 12_000,
    metrics: [
      metric({ name: "throughput", value: 400, unit: "req/s", baseline: 8_000, target: { on: "ratio", op: ">=", threshold: 0.5 } }),
      metric({ name: "p99 | half", value: 20, unit: "ms", target: { on: "value", op: "<=", threshold: 25 } }),
      metric({ name: "p50", value: 5, unit: "ms" }),
    ],
    notes: ["a note"],
    charts: { "p1-throughput": [{ name: "gated", points: [[1, 100], [32, 400]] }], "unknown-chart": [{ name: "x", points: [[0, 0]] }] },
    breakdown: [{ process: "P1 gateway", unit: "request", units: 1000, statementsPerUnit: "7.00 (select 3.00)", cpuMsPerUnit: 1.5, topFunctions: [{ name: "parse", share: 0.25 }], topOwners: [{ name: "pg", share: 0.4 }] }],
    gaps: ["P1 throughput: costs a lot"],
  },
  { id: "p3", title: "webhooks", durationMs: 1, metrics: [], notes: [], error: "could not connect" },
];

describe("markdown report", () => {
  it("renders one table row per metric with verdicts, and an error row", () => {
    const t = markdownTable(results).split("\n");
    expect(t).toHaveLength(2 + 3 + 1);
    expect(t[2]).toBe("| P1 throughput | 400 req/s | 8000 | 0.0500 | ratio >= 0.5 | **FAIL** |");
    expect(t[3]).toContain("P1 p99 \\| half");
    expect(t[3]).toContain("**PASS**");
    expect(t[4]!.endsWith("|  |")).toBe(true); // INFO has no verdict
    expect(t[5]).toContain("ERROR");
    expect(cell("a|b\nc")).toBe("a\\|b c");
  });

  it("writes the machine, the quick-run flag, charts, where the time goes and the gaps", () => {
    const report: RunReport = {
      startedAt: "2026-12-04T21:00:00.000Z",
      finishedAt: "2026-12-04T21:05:00.000Z",
      quick: true,
      command: "./dev bench --quick",
      machine: { cpus: 2, cpuModel: "Test CPU", memGb: 24, node: "v24.0.0", platform: "linux", kernel: "6.1", postgres: "15.2" },
      results,
    };
    const charts = renderCharts(results);
    expect(charts.map((c) => c.file)).toEqual(["performance/p1-throughput.svg"]);
    const md = renderPerformanceMd(report, charts);
    expect(md).toContain("2 × Test CPU, 24 GB memory");
    expect(md).toContain("PostgreSQL 15.2");
    expect(md).toContain("**This was a quick run**");
    expect(md).toContain("![p1-throughput](performance/p1-throughput.svg)");
    expect(md).toContain("SQL statements 7.00 (select 3.00); CPU 1.50 ms");
    expect(md).toContain("| `parse` | 25.0 % |");
    expect(md).toContain("- P1 throughput: costs a lot");
    expect(md).toContain("- a note");
  });
});

describe("statement counting", () => {
  it("classifies statements by their leading keyword", () => {
    expect(statementKind("  select 1")).toBe("select");
    expect(statementKind("/* c */ INSERT into t")).toBe("insert");
    expect(statementKind("-- why\nwith x as (select 1) update t set a = 1")).toBe("with");
    expect(statementKind("BEGIN")).toBe("begin");
    expect(statementKind("vacuum t")).toBe("other");
    expect(statementKind("")).toBe("other");
  });
  it("differences two snapshots and describes them per unit", () => {
    const before = { total: 10, byKind: { select: 6, insert: 4 }, byApp: { gate: 10 } };
    const after = { total: 30, byKind: { select: 16, insert: 8, begin: 6 }, byApp: { gate: 30 } };
    const d = diffCounts(after, before);
    expect(d).toEqual({ total: 20, byKind: { select: 10, insert: 4, begin: 6 }, byApp: { gate: 20 } });
    expect(describePerUnit(d, 4)).toBe("5.00 (select 2.50, begin 1.50, insert 1.00)");
    expect(describePerUnit(d, 0)).toBe("—");
  });
});

describe("CPU profile summary", () => {
  const profile: CpuProfile = {
    startTime: 0,
    endTime: 1_000,
    nodes: [
      { id: 1, callFrame: { functionName: "(root)", url: "", lineNumber: -1 }, children: [2, 3, 5] },
      { id: 2, callFrame: { functionName: "(idle)", url: "", lineNumber: -1 } },
      { id: 3, callFrame: { functionName: "decide", url: "file:///r/services/gate/dist/domain/decide.js", lineNumber: 9 }, children: [4, 6] },
      { id: 4, callFrame: { functionName: "parse", url: "file:///r/node_modules/.pnpm/pg-protocol@1.0.0/node_modules/pg-protocol/dist/parser.js", lineNumber: 0 }, children: [7] },
      { id: 5, callFrame: { functionName: "(garbage collector)", url: "", lineNumber: -1 } },
      { id: 6, callFrame: { functionName: "writev", url: "", lineNumber: -1 } },
      { id: 7, callFrame: { functionName: "readUInt32BE", url: "node:internal/buffer", lineNumber: 3 } },
    ],
    samples: [2, 3, 3, 4, 5, 2, 6, 7],
    timeDeltas: [100, 100, 100, 200, 100, 400, 50, 50],
  };
  it("charges time deltas as self time, leaves idle out of the shares", () => {
    const s = summarizeProfile(profile);
    expect(s.totalUs).toBe(1_100);
    expect(s.busyUs).toBe(600);
    expect(s.functions[0]).toEqual({ name: "decide services/gate/dist/domain/decide.js:10", us: 200, share: 200 / 600 });
    expect(s.functions[1]!.name).toBe("parse pg-protocol/dist/parser.js:1");
    expect(s.functions.map((f) => f.name)).toContain("writev");
    expect(s.functions.map((f) => f.name)).toContain("readUInt32BE node:internal/buffer:4");
    // writev has no script: it is charged to its caller's owner (the gate); Node's buffer code to pg-protocol
    expect(s.owners).toEqual([
      { name: "@layers/gate", us: 250, share: 250 / 600 },
      { name: "pg-protocol", us: 250, share: 250 / 600 },
      { name: "(garbage collector)", us: 100, share: 100 / 600 },
    ]);
  });
  it("names the owner of a script", () => {
    expect(ownerOf("node:internal/streams/readable")).toBe("node:internal");
    expect(ownerOf("file:///a/node_modules/.pnpm/pino@10.4.0/node_modules/pino/lib/tools.js")).toBe("pino");
    expect(ownerOf("file:///a/node_modules/@nats-io/nats-core/lib/x.js")).toBe("@nats-io/nats-core");
    expect(ownerOf("file:///a/packages/db/src/index.ts")).toBe("@layers/db");
    expect(ownerOf("file:///a/sandbox/dist/app.js")).toBe("@layers/sandbox");
    expect(ownerOf("", "(program)")).toBe("(program)");
  });
});

describe("P2 scaling run size", () => {
  it("keeps 4 instances at their latency-bound rate within the CPU share", () => {
    // 2 cores, half of them: 1000 ms/s; 2.5 ms per write → 400 writes/s affordable; 4 × c / 0.02 s ≤ 400 → c = 2
    expect(scalingConcurrency(2.5, 2, 20, 4, 0.5, 8)).toBe(2);
    expect(scalingConcurrency(0.1, 2, 20, 4, 0.5, 8)).toBe(8);
    expect(scalingConcurrency(50, 2, 20, 4, 0.5, 8)).toBe(1);
    expect(scalingConcurrency(Number.NaN, 2, 20, 4, 0.5, 8)).toBe(1);
  });
});
