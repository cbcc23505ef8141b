import type { ChildProcess } from "node:child_process";
import { spawnNode } from "@layers/testkit";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

export const SERVICE_MAINS = {
  gate: { main: fileURLToPath(new URL("../../services/gate/src/main.ts", import.meta.url)), readyMsg: "gate started" },
  dispatcher: { main: fileURLToPath(new URL("../../services/dispatcher-meta/src/main.ts", import.meta.url)), readyMsg: "ready" },
} as const;

export interface ChildService {
  proc: ChildProcess;
  /** Resolves when the process logged that it is consuming; rejects if it exits first or takes too long. */
  ready: Promise<void>;
  /** SIGTERM (drain) and wait for the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Runs a service's main.ts as its own process (as in production), with info logs on stdout so the
 * test can tell when it is up; its errors are passed through to the test's stderr.
 */
export function spawnService(kind: keyof typeof SERVICE_MAINS, env: Record<string, string>, readyTimeoutMs = 20_000): ChildService {
  const { main, readyMsg } = SERVICE_MAINS[kind];
  const run = spawnNode(main, { ...env, LOG_LEVEL: "info" }, { stderr: "inherit" });
  const proc = run.proc;
  const exited = run.exited.then(({ code }) => code);
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${kind} not ready within ${readyTimeoutMs} ms`)), readyTimeoutMs);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${kind} exited (${code}) before it was ready`));
    });
    createInterface({ input: proc.stdout! }).on("line", (line) => {
      let entry: { msg?: string; level?: number } | undefined;
      try {
        entry = JSON.parse(line);
      } catch {
        return;
      }
      if (entry?.msg === readyMsg) {
        clearTimeout(timer);
        resolve();
      }
      if ((entry?.level ?? 0) >= 50) process.stderr.write(`[${kind} ${proc.pid}] ${line}\n`);
    });
  });
  ready.catch(() => undefined);
  return {
    proc,
    ready,
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill("SIGTERM");
      return exited;
    },
  };
}
