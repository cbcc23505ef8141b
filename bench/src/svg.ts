/**
 * A small pure SVG line-chart writer for docs/performance.md: numbers in, an SVG string out (no
 * chart library, no DOM). One x axis, a left y axis and an optional right one, one polyline with
 * dots per series, a legend. Deterministic output, so a chart diffs like text.
 */

export interface Series {
  name: string;
  /** [x, y] pairs; drawn in the order given (sort by x first for a line). */
  points: ReadonlyArray<readonly [number, number]>;
  /** Which y axis the series is read against (default left). */
  axis?: "left" | "right";
  /** A CSS colour; defaults cycle through a small palette. */
  color?: string;
  /** Dashed line (e.g. a target). */
  dashed?: boolean;
}

export interface ChartSpec {
  title: string;
  xLabel: string;
  yLabel: string;
  yRightLabel?: string;
  series: readonly Series[];
  width?: number;
  height?: number;
}

const PALETTE = ["#1f6feb", "#d1242f", "#1a7f37", "#9a6700", "#8250df", "#57606a"];

/** Escapes text for an SVG text node or attribute. */
export function escapeXml(s: string): string {
  return s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&apos;");
}

/**
 * "Nice" tick values (1, 2, 2.5 or 5 × 10^k steps) covering [min, max] with about `count` ticks;
 * the first tick is ≤ min and the last ≥ max. A zero-width range is widened around its value.
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  if (max < min) [min, max] = [max, min];
  if (max === min) {
    const pad = min === 0 ? 1 : Math.abs(min) * 0.5;
    min -= pad;
    max += pad;
  }
  const raw = (max - min) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * mag >= raw) ?? 10) * mag;
  const first = Math.floor(min / step) * step;
  const ticks: number[] = [];
  for (let v = first; v < max + step * 0.5; v += step) {
    ticks.push(Number(v.toPrecision(12)));
    if (ticks.length > 50) break;
  }
  if (ticks.at(-1)! < max) ticks.push(Number((ticks.at(-1)! + step).toPrecision(12)));
  return ticks;
}

/** Short tick label: 12000 → "12k", 0.25 → "0.25". */
export function tickLabel(v: number): string {
  const a = Math.abs(v);
  if (a >= 1_000_000) return `${Number((v / 1_000_000).toPrecision(3))}M`;
  if (a >= 1_000) return `${Number((v / 1_000).toPrecision(3))}k`;
  return String(Number(v.toPrecision(3)));
}

/** A linear map from [d0, d1] onto [r0, r1]. */
export function scale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const span = d1 - d0 || 1;
  return (v) => r0 + ((v - d0) / span) * (r1 - r0);
}

const r2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Legend entries left to right (a 22 px swatch, then the name at ~7 px a character, 24 px apart),
 * wrapped onto a new row when the next one would pass the right edge.
 */
export function legendLayout(names: readonly string[], width: number, left = 64): { rows: number; items: Array<{ x: number; row: number }> } {
  const items: Array<{ x: number; row: number }> = [];
  let x = left;
  let row = 0;
  for (const name of names) {
    const w = 22 + name.length * 7 + 24;
    if (x > left && x + w > width - 8) {
      row++;
      x = left;
    }
    items.push({ x, row });
    x += w;
  }
  return { rows: names.length ? row + 1 : 0, items };
}

export function lineChart(spec: ChartSpec): string {
  const width = spec.width ?? 640;
  const height = spec.height ?? 360;
  const legend = legendLayout(spec.series.map((x) => x.name), width);
  const m = { top: 40, right: spec.yRightLabel ? 64 : 24, bottom: 46 + 18 * legend.rows, left: 64 };
  const plotW = width - m.left - m.right;
  const plotH = height - m.top - m.bottom;
  const all = spec.series.flatMap((s) => s.points);
  const ys = (axis: "left" | "right") => spec.series.filter((s) => (s.axis ?? "left") === axis).flatMap((s) => s.points.map((p) => p[1]));
  const xTicks = niceTicks(Math.min(...all.map((p) => p[0]), 0), Math.max(...all.map((p) => p[0]), 1), 6);
  const leftYs = ys("left");
  const rightYs = ys("right");
  const yTicks = niceTicks(0, leftYs.length ? Math.max(...leftYs) : 1, 5);
  const yrTicks = rightYs.length ? niceTicks(0, Math.max(...rightYs), 5) : [];
  const x = scale(xTicks[0]!, xTicks.at(-1)!, m.left, m.left + plotW);
  const y = scale(yTicks[0]!, yTicks.at(-1)!, m.top + plotH, m.top);
  const yr = yrTicks.length ? scale(yrTicks[0]!, yrTicks.at(-1)!, m.top + plotH, m.top) : y;

  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`);
  out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  out.push(`<text x="${width / 2}" y="22" text-anchor="middle" font-size="14" font-weight="bold">${escapeXml(spec.title)}</text>`);
  // grid and axes
  for (const t of yTicks) {
    const py = r2(y(t));
    out.push(`<line x1="${m.left}" y1="${py}" x2="${m.left + plotW}" y2="${py}" stroke="#e5e7eb"/>`);
    out.push(`<text x="${m.left - 6}" y="${py + 4}" text-anchor="end">${escapeXml(tickLabel(t))}</text>`);
  }
  for (const t of yrTicks) {
    const py = r2(yr(t));
    out.push(`<text x="${m.left + plotW + 6}" y="${py + 4}" text-anchor="start">${escapeXml(tickLabel(t))}</text>`);
  }
  for (const t of xTicks) {
    const px = r2(x(t));
    out.push(`<line x1="${px}" y1="${m.top + plotH}" x2="${px}" y2="${m.top + plotH + 4}" stroke="#57606a"/>`);
    out.push(`<text x="${px}" y="${m.top + plotH + 18}" text-anchor="middle">${escapeXml(tickLabel(t))}</text>`);
  }
  out.push(`<line x1="${m.left}" y1="${m.top + plotH}" x2="${m.left + plotW}" y2="${m.top + plotH}" stroke="#57606a"/>`);
  out.push(`<line x1="${m.left}" y1="${m.top}" x2="${m.left}" y2="${m.top + plotH}" stroke="#57606a"/>`);
  if (yrTicks.length) out.push(`<line x1="${m.left + plotW}" y1="${m.top}" x2="${m.left + plotW}" y2="${m.top + plotH}" stroke="#57606a"/>`);
  out.push(`<text x="${m.left + plotW / 2}" y="${m.top + plotH + 36}" text-anchor="middle">${escapeXml(spec.xLabel)}</text>`);
  out.push(`<text transform="translate(16 ${m.top + plotH / 2}) rotate(-90)" text-anchor="middle">${escapeXml(spec.yLabel)}</text>`);
  if (spec.yRightLabel) out.push(`<text transform="translate(${width - 14} ${m.top + plotH / 2}) rotate(90)" text-anchor="middle">${escapeXml(spec.yRightLabel)}</text>`);
  // series
  spec.series.forEach((s, i) => {
    const color = s.color ?? PALETTE[i % PALETTE.length]!;
    const ya = (s.axis ?? "left") === "right" ? yr : y;
    const pts = s.points.map(([px, py]) => `${r2(x(px))},${r2(ya(py))}`);
    const dash = s.dashed ? ` stroke-dasharray="6 4"` : "";
    if (pts.length > 1) out.push(`<polyline fill="none" stroke="${color}" stroke-width="2"${dash} points="${pts.join(" ")}"/>`);
    for (const p of pts) {
      const [cx, cy] = p.split(",");
      out.push(`<circle cx="${cx}" cy="${cy}" r="3" fill="${color}"/>`);
    }
    // legend, below the x label, wrapped into rows
    const { x: lx, row } = legend.items[i]!;
    const ly = m.top + plotH + 58 + 18 * row;
    out.push(`<line x1="${lx}" y1="${ly - 4}" x2="${lx + 18}" y2="${ly - 4}" stroke="${color}" stroke-width="2"${dash}/>`);
    out.push(`<text x="${lx + 22}" y="${ly}">${escapeXml(s.name)}</text>`);
  });
  out.push(`</svg>`);
  return `${out.join("\n")}\n`;
}
