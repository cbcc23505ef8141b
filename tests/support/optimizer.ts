import { setTimeout as sleep } from "node:timers/promises";
import { connectNats, DEV_TOKEN_KEY } from "@layers/runtime";
import { loadOptimizerConfig, startOptimizer, type RunningOptimizer } from "@layers/optimizer";
import type { E2EStack } from "./stack.ts";

/** The real optimizer, in process, on the stack's database and NATS namespace, reading the stack's sandbox. */
export async function startTestOptimizer(stack: E2EStack, env: Record<string, string> = {}): Promise<RunningOptimizer & { close(): Promise<void> }> {
  const nats = await connectNats(stack.env.natsUrl, `${stack.env.id}-optimizer-${Math.random().toString(36).slice(2, 6)}`);
  const config = loadOptimizerConfig({
    ...stack.env.env,
    META_BASE_URL: stack.sandboxUrl,
    TIKTOK_BASE_URL: stack.sandboxUrl,
    APPLE_BASE_URL: stack.sandboxUrl,
    TOKEN_ENCRYPTION_KEY: DEV_TOKEN_KEY,
    OPTIMIZER_VERDICT_WAIT_MS: "8000",
    ...env,
  });
  const optimizer = await startOptimizer({ db: stack.env.db, nats, names: stack.env.names, log: stack.env.log.child({ svc: "optimizer" }), config });
  return {
    ...optimizer,
    async close() {
      await optimizer.stop();
      await nats.nc.close();
    },
  };
}

/** Waits until a run has finished (completed or failed) and returns its row. */
export async function waitForRun(stack: E2EStack, runId: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await stack.env.db.selectFrom("optimizer_runs").selectAll().where("id", "=", runId).executeTakeFirstOrThrow();
    if (run.status === "completed" || run.status === "failed") return run;
    if (Date.now() > deadline) throw new Error(`run ${runId} still ${run.status}`);
    await sleep(50);
  }
}

/** `n` consecutive days ending yesterday (UTC), each with the same numbers. */
export function lastDays(n: number, each: { spend: number; impressions: number; clicks: number; conversions: number }) {
  const yesterday = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()) - 86_400_000;
  return Array.from({ length: n }, (_, i) => ({ date: new Date(yesterday - (n - 1 - i) * 86_400_000).toISOString().slice(0, 10), ...each }));
}
