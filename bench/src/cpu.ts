import { readdirSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

/**
 * Where the CPU went during a phase (Linux /proc, read only): this process (all threads) and its
 * main thread's event-loop utilisation, given child pids, the Postgres backends serving the bench
 * database plus Postgres's shared background processes, the NATS server on the bench's port, and
 * everything else on the machine — other work running beside the benchmark ("others") skews it,
 * so it is reported with every phase.
 */
const CLK_TCK = 100; // Linux USER_HZ; /proc/<pid>/stat times are in these ticks

function ticksOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the ")" that closes comm start at field 3 (state); utime is 14, stime 15.
    const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(rest[11]) + Number(rest[12]);
  } catch {
    return 0;
  }
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ").trim();
  } catch {
    return "";
  }
}

function processes(): Array<{ pid: number; comm: string }> {
  const out: Array<{ pid: number; comm: string }> = [];
  let entries: string[] = [];
  try {
    entries = readdirSync("/proc");
  } catch {
    return out;
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    try {
      out.push({ pid: Number(e), comm: readFileSync(`/proc/${e}/comm`, "utf8").trim() });
    } catch {
      /* gone */
    }
  }
  return out;
}

/** Machine-wide busy and total ticks from /proc/stat (all cores). */
function machineTicks(): { busy: number; total: number } {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n")[0]!;
    const v = line.trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = v;
    const busy = user + nice + system + irq + softirq + steal;
    return { busy, total: busy + idle + iowait };
  } catch {
    return { busy: 0, total: 0 };
  }
}

export interface CpuScope {
  /** Our Postgres database: its backends are the ones whose title names it. */
  database?: string;
  /** Our NATS server's port (others may run on this machine). */
  natsPort?: number;
  childPids?: readonly number[];
}

export interface CpuSnapshot {
  at: number;
  scope: CpuScope;
  selfUs: number;
  elu: ReturnType<typeof performance.eventLoopUtilization>;
  pgOurs: Map<number, number>;
  pgShared: Map<number, number>;
  nats: Map<number, number>;
  children: Map<number, number>;
  machine: { busy: number; total: number };
}

export function cpuSnapshot(scope: CpuScope = {}): CpuSnapshot {
  const u = process.cpuUsage();
  const pgOurs = new Map<number, number>();
  const pgShared = new Map<number, number>();
  const nats = new Map<number, number>();
  for (const p of processes()) {
    if (p.comm === "postgres") {
      const cmd = cmdline(p.pid);
      if (scope.database && cmd.includes(` ${scope.database} `)) pgOurs.set(p.pid, ticksOf(p.pid));
      else if (/^postgres: (?:[^:]+: )?(walwriter|checkpointer|background writer|autovacuum launcher|logical replication launcher)/.test(cmd)) pgShared.set(p.pid, ticksOf(p.pid));
    } else if (p.comm === "nats-server") {
      const cmd = cmdline(p.pid);
      const port = /(?:-p|--port)[ =](\d+)/.exec(cmd)?.[1];
      if (scope.natsPort === undefined || Number(port ?? 4222) === scope.natsPort) nats.set(p.pid, ticksOf(p.pid));
    }
  }
  return {
    at: performance.now(),
    scope,
    selfUs: u.user + u.system,
    elu: performance.eventLoopUtilization(),
    pgOurs,
    pgShared,
    nats,
    children: new Map((scope.childPids ?? []).map((p) => [p, ticksOf(p)])),
    machine: machineTicks(),
  };
}

export interface CpuUse {
  wallS: number;
  /** Cores busy on average (CPU seconds ÷ wall seconds). */
  benchProcess: number;
  /** Busy fraction of this process's main thread event loop (0..1). */
  mainLoopUtilization: number;
  postgres: number;
  postgresShared: number;
  nats: number;
  children: number[];
  /** Every core busy on the machine, and the part none of the above explains. */
  machine: number;
  others: number;
}

/** CPU per process since `start`, re-reading the same processes (plus backends that appeared since). */
export function cpuSince(start: CpuSnapshot): CpuUse {
  const end = cpuSnapshot(start.scope);
  const wallS = Math.max(0.001, (end.at - start.at) / 1000);
  const cores = (ticks: number) => Math.max(0, ticks / CLK_TCK / wallS);
  const delta = (a: Map<number, number>, b: Map<number, number>) => {
    let t = 0;
    for (const [pid, ticks] of b) t += ticks - (a.get(pid) ?? 0);
    return t;
  };
  const benchProcess = Math.max(0, (end.selfUs - start.selfUs) / 1e6 / wallS);
  const postgres = cores(delta(start.pgOurs, end.pgOurs));
  const postgresShared = cores(delta(start.pgShared, end.pgShared));
  const nats = cores(delta(start.nats, end.nats));
  const children = (start.scope.childPids ?? []).map((p) => cores((end.children.get(p) ?? 0) - (start.children.get(p) ?? 0)));
  const totalTicks = end.machine.total - start.machine.total;
  const nCores = totalTicks > 0 ? Math.round(totalTicks / CLK_TCK / wallS) || 1 : 1;
  const machine = totalTicks > 0 ? ((end.machine.busy - start.machine.busy) / totalTicks) * nCores : 0;
  const ours = benchProcess + postgres + postgresShared + nats + children.reduce((a, c) => a + c, 0);
  return {
    wallS,
    benchProcess,
    mainLoopUtilization: performance.eventLoopUtilization(end.elu, start.elu).utilization,
    postgres,
    postgresShared,
    nats,
    children,
    machine,
    others: Math.max(0, machine - ours),
  };
}

export function describeCpu(u: CpuUse, benchLabel = "bench process"): string {
  const parts = [`${benchLabel} ${u.benchProcess.toFixed(2)} cores (main loop ${(u.mainLoopUtilization * 100).toFixed(0)} % busy)`];
  u.children.forEach((c, i) => parts.push(`child ${i + 1} ${c.toFixed(2)}`));
  parts.push(`postgres ${u.postgres.toFixed(2)} (+${u.postgresShared.toFixed(2)} wal/bg)`, `nats-server ${u.nats.toFixed(2)}`);
  parts.push(`machine ${u.machine.toFixed(2)} busy, of which ${u.others.toFixed(2)} not ours${u.others > 0.3 ? " — CONTENDED, numbers are pessimistic" : ""}`);
  return parts.join(", ");
}

/** Cores busy machine-wide over `ms` (before a benchmark starts: anything above ~0.2 is someone else's work). */
export async function machineBusy(ms = 1_000): Promise<number> {
  const a = machineTicks();
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, ms));
  const b = machineTicks();
  const wallS = (performance.now() - t0) / 1000;
  const total = b.total - a.total;
  if (total <= 0 || wallS <= 0) return 0;
  const cores = Math.round(total / CLK_TCK / wallS) || 1;
  return ((b.busy - a.busy) / total) * cores;
}
