import { setTimeout as sleep } from "node:timers/promises";
import type { Dispatch } from "@layers/contracts";
import type { Db } from "@layers/db";
import { DEV_TOKEN_KEY } from "@layers/runtime";
import type { SandboxClient } from "@layers/sandbox";
import type { Benchmark, BenchOptions } from "./bench-context.ts";
import { cpuSince, cpuSnapshot, describeCpu } from "./cpu.ts";
import { Cleanup, createNamespace, runId, serverUrls, type BenchNamespace } from "./env.ts";
import { SERVICE_ENTRIES, spawnService } from "./services.ts";
import { median } from "./stats.ts";
import { metric, type Metric } from "./verdict.ts";
import { type SeededMetaAccount, insertAllowedWrites, publishDispatches, seedMetaAccount, startMetaBenchWorld } from "./seed-meta.ts";

interface Sizes {
  /** Writes queued on the one hot campaign. */
  backlog: number;
  /** Writes on the other account timed alone (baseline) and during the backlog. */
  probes: number;
  /** Upper bound on the backlog's drain. */
  drainBudgetMs: number;
}
const FULL: Sizes = { backlog: 5_000, probes: 5, drainBudgetMs: 180_000 };
const QUICK: Sizes = { backlog: 1_000, probes: 3, drainBudgetMs: 60_000 };
/** DISPATCH_CONCURRENCY default. */
const CONCURRENCY = 64;

/**
 * P7: a backlog on one entity does not stop the platform. `backlog` allowed update_budget writes
 * to ONE campaign (entity_seq 1…n, each with its stored dispatch, as the gate leaves them) are
 * published at once to `<p>.dispatch.meta`, then a write on another account's campaign. One real
 * dispatcher-meta process (main.ts). Reported: the other account's time-to-land (publish →
 * `finished_at`) during the backlog against the same kind of write on the idle system, whether it
 * landed before the backlog finished, the backlog's drain rate, its order on the sandbox ledger
 * and the consumer's redeliveries (fence polling would redeliver every waiting write).
 */
export const p7: Benchmark = {
  id: "p7",
  title: "a write on another account during a backlog on one entity (dispatcher-meta)",
  async run(opts: BenchOptions) {
    const s = opts.quick ? QUICK : FULL;
    const id = runId();
    const cleanup = new Cleanup();
    const notes: string[] = [];
    try {
      const { bdb, sandbox, sbx, orgId } = await startMetaBenchWorld(id, cleanup);
      const ns = await createNamespace(`${id}p7`);
      cleanup.add("nats namespace", () => ns.delete());

      opts.say(`p7: seeding ${s.backlog} writes to one campaign and ${2 * s.probes} on another account`);
      const hot = await seedAccount(bdb.db, sbx, orgId, 1);
      const backlog = await seedBacklog(bdb.db, hot, s.backlog);
      const other = await seedAccount(bdb.db, sbx, orgId, 2 * s.probes);
      const idleProbes = other.writes.slice(0, s.probes);
      const busyProbes = other.writes.slice(s.probes);

      const durable = ns.names.consumers.dispatcher("meta");
      const consumerInfo = () => ns.nats.jsm.consumers.info(ns.names.streams.dispatch, durable);
      const dispatcher = await spawnService(
        "dispatcher-meta",
        SERVICE_ENTRIES["dispatcher-meta"],
        {
          DATABASE_URL: bdb.url,
          NATS_URL: serverUrls().natsUrl,
          NATS_PREFIX: ns.prefix,
          LOG_LEVEL: opts.logLevel,
          META_BASE_URL: sandbox.url,
          TOKEN_ENCRYPTION_KEY: DEV_TOKEN_KEY,
          DISPATCH_CONCURRENCY: String(CONCURRENCY),
          // P7 measures per-entity order and isolation, not Meta's per-account call budget (P6 does).
          CALL_BUDGET_CALLS: "100000000",
        },
        { kind: "probe", probe: async () => ((await consumerInfo().catch(() => undefined))?.num_waiting ?? 0) > 0 },
      );
      cleanup.add("dispatcher", () => dispatcher.stop());

      // Baseline: each probe alone on the idle system.
      const idle: number[] = [];
      for (const d of idleProbes) idle.push(await timeToLand(bdb.db, ns, d, 30_000));

      const redeliveredBefore = (await consumerInfo()).num_redelivered;
      const cpu0 = cpuSnapshot({ database: bdb.name, natsPort: Number(new URL(serverUrls().natsUrl).port || 4222), childPids: [dispatcher.pid] });
      const t0 = Date.now();
      await publishDispatches(ns, backlog);
      const tProbe = Date.now();
      await publishDispatches(ns, busyProbes);
      const probesDone = await waitFinished(bdb.db, busyProbes.map((d) => d.intentId), tProbe + s.drainBudgetMs);
      const busyRows = await finishedAt(bdb.db, busyProbes.map((d) => d.intentId));
      const busy = busyProbes.map((d) => (busyRows.get(d.intentId) ?? Number.NaN) - tProbe);
      const drained = await waitLayerFinished(bdb.db, hot.layerId, s.backlog, t0 + s.drainBudgetMs);
      const cpu = cpuSince(cpu0);
      const redelivered = (await consumerInfo()).num_redelivered - redeliveredBefore;
      await dispatcher.stop();

      const rows = await finishedAt(bdb.db, backlog.map((d) => d.intentId));
      const landed = backlog.flatMap((d) => (rows.has(d.intentId) ? [rows.get(d.intentId)!] : []));
      const lastLanded = landed.length ? Math.max(...landed) : Number.NaN;
      const drainS = (lastLanded - t0) / 1000;
      const probesBeforeEnd = busyProbes.filter((d) => (busyRows.get(d.intentId) ?? Infinity) < lastLanded).length;
      const ledger = (await sbx.ledger({ platform: "meta", account: hot.actId, objectId: hot.platformCampaignIds[0]! })).filter((e) => e.op === "update");
      const budgets = ledger.map((e) => Number(e.fields.daily_budget));
      const outOfOrder = budgets.filter((b, i) => i > 0 && b <= budgets[i - 1]!).length;

      const metrics: Metric[] = [
        metric({
          name: `time-to-land of a write on another account during a ${s.backlog}-write backlog on one entity (median of ${s.probes})`,
          value: Math.round(median(busy)),
          unit: "ms",
          baseline: Math.round(median(idle)),
          note: "baseline: the same write on the idle system; no hard target: it grows with the messages ahead of it in the stream (one pass, not the drain)",
        }),
        metric({ name: "other account's writes landed before the backlog finished", value: probesBeforeEnd, unit: "count", baseline: s.probes, target: { on: "ratio", op: "==", threshold: 1 } }),
        metric({ name: `backlog drain on one entity (${landed.length}/${s.backlog} landed)`, value: Math.round(landed.length / drainS), unit: "writes/s", note: "one platform round trip plus a hand-on per write" }),
        metric({ name: "backlog writes landed out of order (sandbox ledger)", value: outOfOrder + (s.backlog - ledger.length), unit: "count", target: { on: "value", op: "==", threshold: 0 } }),
        metric({ name: "messages redelivered during the backlog", value: redelivered, unit: "count", note: "fence polling would redeliver every waiting write every FENCE_DELAY_MS" }),
      ];
      notes.push(
        `backlog: ${landed.length}/${s.backlog} landed in ${drainS.toFixed(1)} s${drained ? "" : " (cut at the drain budget)"}; ${ledger.length} updates on the sandbox ledger, ${outOfOrder} out of order; ${redelivered} redeliveries`,
        `other account: idle ${idle.map((x) => Math.round(x)).join(", ")} ms; during the backlog ${busy.map((x) => Math.round(x)).join(", ")} ms${probesDone ? "" : " (some never landed)"}; ${probesBeforeEnd}/${s.probes} before the backlog's last write`,
        `CPU publish → drained: ${describeCpu(cpu, "bench+sandbox process")}`,
        `one dispatcher-meta at DISPATCH_CONCURRENCY ${CONCURRENCY}, no platform latency, call budget out of the way; the backlog is published before the probes, so every backlog message is in the stream ahead of them`,
        `the other account's write waits for one pass over the backlog's messages ahead of it in the stream (each acked at once: behind the write landing here, or a fenced claim batched with others), never for the drain; the target is that it lands before the backlog finishes`,
      );
      return { metrics, notes };
    } finally {
      await cleanup.run(opts.say);
    }
  },
};

interface Account extends SeededMetaAccount {
  /** One allowed update_budget per campaign. */
  writes: Dispatch[];
}

/** A sandbox ad account with `n` campaigns, its Layers rows, and one allowed write per campaign. */
async function seedAccount(db: Db, sbx: SandboxClient, organizationId: string, n: number): Promise<Account> {
  const a = await seedMetaAccount(db, sbx, organizationId, n);
  return { ...a, writes: await insertAllowedWrites(db, organizationId, a, a.campaignIds.map((c) => ({ campaignId: c, seq: 1, cents: 2_000 }))) };
}

/** `n` allowed writes to the account's first campaign, entity_seq 2…n+1 (after its own first write), budgets rising. */
async function seedBacklog(db: Db, a: Account, n: number): Promise<Dispatch[]> {
  const campaignId = a.campaignIds[0]!;
  // The account's own first write on this campaign would be ahead of the backlog: it is the backlog's first.
  const first = a.writes[0]!;
  const rest: Dispatch[] = [];
  for (let start = 0; start < n - 1; start += 500) {
    const chunk = Array.from({ length: Math.min(500, n - 1 - start) }, (_, k) => ({ campaignId, seq: start + k + 2, cents: 2_000 + (start + k + 1) * 10 }));
    rest.push(...(await insertAllowedWrites(db, first.organizationId, a, chunk)));
  }
  return [first, ...rest];
}

/** Publishes one write and returns publish → `finished_at` in ms. */
async function timeToLand(db: Db, ns: BenchNamespace, d: Dispatch, budgetMs: number): Promise<number> {
  const t = Date.now();
  await publishDispatches(ns, [d]);
  await waitFinished(db, [d.intentId], t + budgetMs);
  return ((await finishedAt(db, [d.intentId])).get(d.intentId) ?? Number.NaN) - t;
}

async function finishedAt(db: Db, ids: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < ids.length; i += 1_000) {
    const rows = await db.selectFrom("write_intents").select(["id", "finished_at"]).where("id", "in", ids.slice(i, i + 1_000)).where("state", "=", "dispatched").execute();
    for (const r of rows) if (r.finished_at) out.set(r.id, r.finished_at.getTime());
  }
  return out;
}

async function waitFinished(db: Db, ids: readonly string[], deadline: number): Promise<boolean> {
  for (;;) {
    if ((await finishedAt(db, ids)).size >= ids.length) return true;
    if (Date.now() > deadline) return false;
    await sleep(5);
  }
}

/** Waits until `n` writes of the layer have finished (one count per 250 ms). */
async function waitLayerFinished(db: Db, layerId: string, n: number, deadline: number): Promise<boolean> {
  for (;;) {
    const r = await db.selectFrom("write_intents").select((eb) => eb.fn.countAll<number>().as("n")).where("layer_id", "=", layerId).where("state", "in", ["dispatched", "failed", "dead"]).executeTakeFirstOrThrow();
    if (Number(r.n) >= n) return true;
    if (Date.now() > deadline) return false;
    await sleep(250);
  }
}
