/**
 * Summaries of V8 `.cpuprofile` files (what `node --cpu-prof` writes): self time per function and
 * per code owner (our workspace package or a dependency, with native frames such as `writev` and
 * Node's own modules charged to the nearest caller of ours or a dependency's; GC on its own). Pure: JSON in, rows out.
 */

export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] }>;
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
}

export interface SelfTime {
  name: string;
  /** Microseconds of self time. */
  us: number;
  /** Share of the busy (non-idle) time, 0..1. */
  share: number;
}

export interface ProfileSummary {
  /** Profile length, µs. */
  totalUs: number;
  /** Time not idle, µs. */
  busyUs: number;
  functions: SelfTime[];
  owners: SelfTime[];
}

/**
 * Who owns a script URL: `@layers/<pkg>` for the workspace (services/x, packages/x, sandbox, tools),
 * the package name for node_modules (pnpm's .pnpm/<name>@<version>/node_modules/<name> included),
 * `node:internal` for Node's own, or the V8 pseudo-frames such as `(garbage collector)`.
 */
export function ownerOf(url: string, functionName = ""): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  if (url.startsWith("node:")) return "node:internal";
  const path = url.replace(/^file:\/\//, "");
  const nm = path.lastIndexOf("/node_modules/");
  if (nm >= 0) {
    const rest = path.slice(nm + "/node_modules/".length).split("/");
    return rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const ws = /\/(services|packages|tools)\/([^/]+)\/(?:src|dist)\//.exec(path);
  if (ws) return `@layers/${ws[2]}`;
  if (/\/sandbox\/(?:src|dist)\//.test(path)) return "@layers/sandbox";
  if (/\/bench\/(?:src|dist)\//.test(path)) return "@layers/bench";
  return "(other)";
}

function shortUrl(url: string): string {
  const path = url.replace(/^file:\/\//, "");
  const nm = path.lastIndexOf("/node_modules/");
  if (nm >= 0) return path.slice(nm + "/node_modules/".length);
  const ws = /\/((?:services|packages|tools)\/[^/]+\/.*|sandbox\/.*|bench\/.*)$/.exec(path);
  return ws ? ws[1]! : path;
}

export function summarizeProfile(p: CpuProfile, top = 10): ProfileSummary {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  /**
   * Native frames (no script URL, e.g. `writev`) and Node's own modules are charged to the nearest
   * caller in a script of ours or of a dependency: "who caused the time" (pino writing a log line,
   * pg writing to its socket) says more than "node:internal".
   */
  const ownerUrl = (id: number): string => {
    let fallback = "";
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const url = byId.get(cur)?.callFrame.url;
      if (url && !url.startsWith("node:")) return url;
      if (url && !fallback) fallback = url;
    }
    return fallback;
  };
  const self = new Map<number, number>();
  if (p.samples && p.timeDeltas && p.samples.length === p.timeDeltas.length) {
    // timeDeltas[i] is the gap before sample i; charge each gap to the sample that ends it.
    for (let i = 0; i < p.samples.length; i++) self.set(p.samples[i]!, (self.get(p.samples[i]!) ?? 0) + Math.max(0, p.timeDeltas[i]!));
  } else {
    const hits = p.nodes.reduce((a, n) => a + (n.hitCount ?? 0), 0) || 1;
    for (const n of p.nodes) self.set(n.id, ((n.hitCount ?? 0) / hits) * (p.endTime - p.startTime));
  }
  const fn = new Map<string, number>();
  const owner = new Map<string, number>();
  let idle = 0;
  let total = 0;
  for (const [id, us] of self) {
    const node = byId.get(id);
    if (!node) continue;
    total += us;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === "(idle)") {
      idle += us;
      continue;
    }
    const name = url ? `${functionName || "(anonymous)"} ${shortUrl(url)}:${lineNumber + 1}` : functionName || "(anonymous)";
    fn.set(name, (fn.get(name) ?? 0) + us);
    const o = functionName.startsWith("(") && !url ? functionName : ownerOf(ownerUrl(id), functionName);
    owner.set(o, (owner.get(o) ?? 0) + us);
  }
  const busy = total - idle;
  const rows = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, top)
      .map(([name, us]) => ({ name, us: Math.round(us), share: busy > 0 ? us / busy : 0 }));
  return { totalUs: Math.round(total), busyUs: Math.round(busy), functions: rows(fn), owners: rows(owner) };
}
