import { setTimeout as sleep } from "node:timers/promises";
import type { Dispatch } from "@layers/contracts";
import type { Db } from "@layers/db";
import { DEV_TOKEN_KEY } from "@layers/runtime";
import type { SandboxClient } from "@layers/sandbox";
import type { Benchmark, BenchOptions } from "./bench-context.ts";
import { Cleanup, createNamespace, runId, serverUrls } from "./env.ts";
import { SERVICE_ENTRIES, spawnService, type SpawnedService } from "./services.ts";
import { quantile } from "./stats.ts";
import { metric, type Metric } from "./verdict.ts";
import { publishDispatches, seedAllowedWrites, startMetaBenchWorld } from "./seed-meta.ts";

interface Sizes {
  /** Writes queued on the hot account. */
  hot: number;
  /** The hot account's metered rate (calls/s) at the sandbox, and the dispatchers' configured budget. */
  rate: number;
  smallAccounts: number;
  smallWrites: number;
  /** Upper bound on one phase's drain. */
  phaseBudgetMs: number;
}
const FULL: Sizes = { hot: 10_000, rate: 250, smallAccounts: 20, smallWrites: 10, phaseBudgetMs: 120_000 };
const QUICK: Sizes = { hot: 600, rate: 60, smallAccounts: 20, smallWrites: 10, phaseBudgetMs: 40_000 };
const CONCURRENCY = 8;

interface PhaseResult {
  instances: number;
  throttled: number;
  hotLanded: number;
  hotDrainMs: number;
  smallP95Alone: number;
  smallP95Behind: number;
  complete: boolean;
}

/**
 * P6: platform call budgets under a hot account. The sandbox meters one Meta ad account to
 * `rate` calls/s (the dispatchers' budget is told the same limit); `hot` update_budget writes on
 * distinct campaigns of that account are published first, then 10 writes for each of 20 small
 * accounts. Reported per phase (1 and 4 dispatcher-meta instances, real `main.ts` processes):
 * throttled calls per 10,000 writes (the sandbox's count), and the small accounts' p95 time to land
 * behind the hot backlog against the same writes published alone beforehand.
 */
export const p6: Benchmark = {
  id: "p6",
  title: "call budgets: throttles and small-account latency under a hot account (dispatcher-meta)",
  async run(opts: BenchOptions) {
    const s = opts.quick ? QUICK : FULL;
    const id = runId();
    const cleanup = new Cleanup();
    const notes: string[] = [];
    try {
      const { bdb, sandbox, sbx, orgId } = await startMetaBenchWorld(id, cleanup);

      const phase = async (instances: number): Promise<PhaseResult> => {
        const ns = await createNamespace(`${id}p6i${instances}`);
        const phaseCleanup = new Cleanup();
        phaseCleanup.add("nats namespace", () => ns.delete());
        try {
          opts.say(`p6: ${instances} instance(s): seeding ${s.hot} hot writes and ${2 * s.smallAccounts * s.smallWrites} small ones`);
          const hot = await seedAllowedWrites(bdb.db, sbx, orgId, s.hot);
          await sbx.setMetering({ platform: "meta", account: hot.actId, calls: s.rate, windowMs: 1_000 });
          const alone = await seedSmall(bdb.db, sbx, orgId, s);
          const behind = await seedSmall(bdb.db, sbx, orgId, s);
          const env = {
            DATABASE_URL: bdb.url,
            NATS_URL: serverUrls().natsUrl,
            NATS_PREFIX: ns.prefix,
            LOG_LEVEL: opts.logLevel,
            META_BASE_URL: sandbox.url,
            TOKEN_ENCRYPTION_KEY: DEV_TOKEN_KEY,
            DISPATCH_CONCURRENCY: String(CONCURRENCY),
            CALL_BUDGET_CALLS: String(s.rate),
            CALL_BUDGET_WINDOW_MS: "1000",
          };
          const durable = ns.names.consumers.dispatcher("meta");
          const pulling = async () => (await ns.nats.jsm.consumers.info(ns.names.streams.dispatch, durable).catch(() => undefined))?.num_waiting ?? 0;
          const dispatchers: SpawnedService[] = [];
          for (let i = 0; i < instances; i++) {
            const d = await spawnService(`dispatcher-meta #${i + 1}`, SERVICE_ENTRIES["dispatcher-meta"], env, { kind: "probe", probe: async () => (await pulling()) > 0 });
            dispatchers.push(d);
            phaseCleanup.add(d.name, () => d.stop());
          }

          const t0 = Date.now();
          await publishDispatches(ns, alone.dispatches);
          await waitFinished(bdb.db, alone.layerIds, alone.dispatches.length, t0 + s.phaseBudgetMs);
          const smallP95Alone = await p95Since(bdb.db, alone.layerIds, t0);

          await publishDispatches(ns, hot.dispatches);
          const t1 = Date.now();
          await publishDispatches(ns, behind.dispatches);
          await waitFinished(bdb.db, behind.layerIds, behind.dispatches.length, t1 + s.phaseBudgetMs);
          const smallP95Behind = await p95Since(bdb.db, behind.layerIds, t1);
          const complete = await waitFinished(bdb.db, [hot.layerId], s.hot, t1 + s.phaseBudgetMs);
          const hotRows = await bdb.db.selectFrom("write_intents").select(["finished_at"]).where("layer_id", "=", hot.layerId).where("state", "=", "dispatched").execute();
          const hotDrainMs = hotRows.length ? Math.max(...hotRows.map((r) => r.finished_at!.getTime())) - t1 : Number.NaN;
          const throttled = (await sbx.metering()).find((m) => m.account === hot.actId)?.throttled ?? 0;
          for (const d of dispatchers) await d.stop();
          const r: PhaseResult = { instances, throttled, hotLanded: hotRows.length, hotDrainMs, smallP95Alone, smallP95Behind, complete };
          opts.say(`p6: ${instances} instance(s): ${throttled} throttled, hot ${hotRows.length}/${s.hot} in ${(hotDrainMs / 1000).toFixed(1)} s; small p95 ${smallP95Alone} ms alone, ${smallP95Behind} ms behind`);
          return r;
        } finally {
          await phaseCleanup.run(opts.say);
        }
      };

      const one = await phase(1);
      const four = await phase(4);
      const per10k = (r: PhaseResult) => (r.hotLanded ? Math.round((r.throttled * 10_000) / r.hotLanded) : Number.NaN);
      const metrics: Metric[] = [];
      for (const r of [one, four]) {
        metrics.push(
          metric({ name: `throttled calls per 10,000 writes, ${r.instances} instance(s)`, value: per10k(r), unit: "count", target: { on: "value", op: "<=", threshold: 10 } }),
          metric({
            name: `small-account p95 behind a hot backlog, ${r.instances} instance(s)`,
            value: r.smallP95Behind,
            unit: "ms",
            baseline: r.smallP95Alone,
            note: "baseline: the same small writes without the hot account",
          }),
          metric({ name: `hot account drain rate, ${r.instances} instance(s)`, value: Math.round((r.hotLanded * 1000) / r.hotDrainMs), unit: "writes/s", baseline: s.rate, note: "baseline: the metered rate" }),
        );
        notes.push(
          `${r.instances} instance(s) at concurrency ${CONCURRENCY}: hot ${r.hotLanded}/${s.hot} landed in ${(r.hotDrainMs / 1000).toFixed(1)} s${r.complete ? "" : " (cut at the phase budget)"}, ${r.throttled} throttled calls; small p95 ${r.smallP95Alone} ms alone vs ${r.smallP95Behind} ms behind the hot backlog`,
        );
      }
      notes.push(`the hot account is metered to ${s.rate} calls/s at the sandbox and every dispatcher is configured with the same limit (CALL_BUDGET_CALLS); the budget spends 90 % of it`);
      return { metrics, notes };
    } finally {
      await cleanup.run(opts.say);
    }
  },
};

async function seedSmall(db: Db, sbx: SandboxClient, organizationId: string, s: Sizes): Promise<{ layerIds: string[]; dispatches: Dispatch[] }> {
  const accounts = await Promise.all(Array.from({ length: s.smallAccounts }, () => seedAllowedWrites(db, sbx, organizationId, s.smallWrites)));
  return { layerIds: accounts.map((a) => a.layerId), dispatches: accounts.flatMap((a) => a.dispatches) };
}

async function waitFinished(db: Db, layerIds: readonly string[], n: number, deadline: number): Promise<boolean> {
  for (;;) {
    const r = await db.selectFrom("write_intents").select((eb) => eb.fn.countAll<number>().as("n")).where("layer_id", "in", layerIds).where("state", "in", ["dispatched", "failed", "dead"]).executeTakeFirstOrThrow();
    if (Number(r.n) >= n) return true;
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
}

async function p95Since(db: Db, layerIds: readonly string[], t0: number): Promise<number> {
  const rows = await db.selectFrom("write_intents").select("finished_at").where("layer_id", "in", layerIds).where("state", "=", "dispatched").execute();
  return Math.round(quantile(rows.map((r) => r.finished_at!.getTime() - t0), 0.95));
}
