import { spawn, type ChildProcess } from "node:child_process";
import { testkitConfig } from "./config.ts";

export interface NodeRun {
  proc: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far (for failure messages). */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Runs a service's `main.ts` as its own process, as in production. The child inherits the test's
 * environment (PATH, locale) under the given overrides, and never outlives the test worker: a
 * service left running would reconnect and keep consuming.
 */
export function spawnNode(main: string, env: Record<string, string>, opts: { stderr?: "capture" | "inherit" } = {}): NodeRun {
  const proc = spawn(process.execPath, [main], {
    env: { ...testkitConfig().inheritedEnv, ...env },
    stdio: ["ignore", "pipe", opts.stderr === "inherit" ? "inherit" : "pipe"],
  });
  let out = "";
  proc.stdout!.on("data", (b: Buffer) => (out += b.toString()));
  proc.stderr?.on("data", (b: Buffer) => (out += b.toString()));
  const killOnExit = () => proc.kill("SIGKILL");
  process.once("exit", killOnExit);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.once("exit", (code, signal) => {
      process.off("exit", killOnExit);
      resolve({ code, signal });
    }),
  );
  return { proc, output: () => out, exited };
}

/** SIGKILLs every run that is still alive (afterAll). */
export function killAll(runs: readonly NodeRun[]): void {
  for (const r of runs) if (r.proc.exitCode === null && r.proc.signalCode === null) r.proc.kill("SIGKILL");
}
