import { describe, expect, it } from "vitest";
import { escapeXml, legendLayout, lineChart, niceTicks, scale, tickLabel } from "./svg.ts";

describe("niceTicks", () => {
  it("covers the range with 1/2/2.5/5 × 10^k steps", () => {
    expect(niceTicks(0, 100, 5)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(0, 7_300, 5)).toEqual([0, 2_000, 4_000, 6_000, 8_000]);
    expect(niceTicks(0, 0.9, 4)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    const t = niceTicks(3, 61, 6);
    expect(t[0]).toBeLessThanOrEqual(3);
    expect(t.at(-1)).toBeGreaterThanOrEqual(61);
  });
  it("widens an empty range and survives non-finite input", () => {
    expect(niceTicks(5, 5).length).toBeGreaterThan(1);
    expect(niceTicks(0, 0)).toContain(0);
    expect(niceTicks(Number.NaN, 3)).toEqual([0, 1]);
  });
});

describe("labels and scales", () => {
  it("shortens large tick labels", () => {
    expect(tickLabel(12_000)).toBe("12k");
    expect(tickLabel(2_500_000)).toBe("2.5M");
    expect(tickLabel(0.25)).toBe("0.25");
  });
  it("maps linearly, inverted for a y axis", () => {
    const y = scale(0, 100, 300, 40);
    expect(y(0)).toBe(300);
    expect(y(100)).toBe(40);
    expect(y(50)).toBe(170);
  });
  it("escapes markup", () => {
    expect(escapeXml(`<a & "b">`)).toBe("&lt;a &amp; &quot;b&quot;&gt;");
  });
});

describe("lineChart", () => {
  const svg = lineChart({
    title: "P1 <throughput>",
    xLabel: "connections",
    yLabel: "req/s",
    yRightLabel: "p99 ms",
    width: 600,
    height: 300,
    series: [
      { name: "gated", points: [[0, 0], [10, 100]] },
      { name: "p99", axis: "right", points: [[0, 0], [10, 50]], dashed: true },
    ],
  });

  it("is one well-formed svg with escaped text", () => {
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
    expect(svg).toContain("P1 &lt;throughput&gt;");
    expect(svg).not.toContain("<throughput>");
  });

  it("places points on the plot: origin bottom-left, max top-right, each series on its own axis", () => {
    // margins: left 64, right 64 (right axis), top 40, bottom 46 + 18 (one legend row) → plot 472 × 196
    const lines = [...svg.matchAll(/<polyline[^>]*points="([^"]+)"/g)].map((m) => m[1]);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe("64,236 536,40");
    expect(lines[1]).toBe("64,236 536,40"); // 50 is the top of the right axis (ticks 0..50)
    expect(svg).toContain('stroke-dasharray="6 4"');
    expect(svg.match(/<circle /g)).toHaveLength(4);
  });

  it("wraps legend entries that would pass the right edge onto new rows", () => {
    expect(legendLayout(["a", "b"], 600)).toEqual({ rows: 1, items: [{ x: 64, row: 0 }, { x: 117, row: 0 }] });
    const long = legendLayout(["x".repeat(40), "y".repeat(40), "z".repeat(10)], 600);
    expect(long.rows).toBe(2);
    expect(long.items.map((i) => i.row)).toEqual([0, 1, 1]);
    expect(long.items[1]!.x).toBe(64);
  });

  it("draws a legend entry per series", () => {
    expect(svg).toContain(">gated</text>");
    expect(svg).toContain(">p99</text>");
  });
});
