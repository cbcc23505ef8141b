import { mkdirSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { join } from "node:path";

/**
 * With BENCH_PROFILE_DIR set, records a V8 CPU profile of this process's main thread while `fn`
 * runs (e.g. only the gated max-load phase of P1, where gateway and gate run in-process) and writes
 * `<dir>/<label>.cpuprofile` (open it in Chrome DevTools or speedscope). Without it, just runs `fn`.
 */
export async function profiled<T>(label: string, fn: () => Promise<T>, say: (line: string) => void): Promise<T> {
  const dir = process.env.BENCH_PROFILE_DIR;
  if (!dir) return fn();
  const session = new Session();
  session.connect();
  try {
    await session.post("Profiler.enable");
    await session.post("Profiler.setSamplingInterval", { interval: 500 });
    await session.post("Profiler.start");
    const result = await fn();
    const { profile } = await session.post("Profiler.stop");
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${label}-${Date.now()}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    say(`profile written to ${file}`);
    return result;
  } finally {
    session.disconnect();
  }
}
