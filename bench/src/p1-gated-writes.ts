import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import Fastify from "fastify";
import { sql } from "kysely";
import { newId } from "@layers/contracts";
import { createDb, json, type Db } from "@layers/db";
import { startGate, loadGateConfig } from "@layers/gate";
import { startGateway } from "@layers/gateway";
import { loadOpsConfig } from "@layers/ops/config";
import { seedDev } from "@layers/ops/seed-dev";
import { DEV_TOKEN_KEY, type Logger } from "@layers/runtime";
import { startSandbox } from "@layers/sandbox";
import type { Benchmark, BenchOptions } from "./bench-context.ts";
import { cpuSince, cpuSnapshot, describeCpu, type CpuUse } from "./cpu.ts";
import { Cleanup, createBenchDatabase, createNamespace, runId, serverUrls, sinkLogger, updateStats, type BenchDatabase } from "./env.ts";
import { runLoad, type LoadSpec, type LoadSummary } from "./loadgen.ts";
import { profiled } from "./profile.ts";
import { SERVICE_ENTRIES, spawnService } from "./services.ts";
import { quantile } from "./stats.ts";
import { metric, type Metric } from "./verdict.ts";

const CUSTOMER_JWT_SECRET = "bench-customer-jwt-secret-0123456789";
/** Pools as each service's main.ts sizes them (gateway 20; gate DB_POOL_MAX default 40). */
const GATEWAY_POOL = 20;

interface Durations {
  warmupMs: number;
  /** Each closed-loop max-load run; baseline and gated alternate `rounds` times, best of each counts. */
  maxMs: number;
  rounds: number;
  halfMs: number;
  campaigns: number;
}

const FULL: Durations = { warmupMs: 3_000, maxMs: 7_000, rounds: 2, halfMs: 10_000, campaigns: 1_000 };
const QUICK: Durations = { warmupMs: 1_000, maxMs: 2_500, rounds: 1, halfMs: 2_500, campaigns: 200 };

/** Budgets the requests cycle through (97: coprime with the campaign count, so pairs vary). */
const BODIES = Array.from({ length: 97 }, (_, k) => JSON.stringify({ dailyBudgetCents: 1_000 + k * 10 }));

interface Round {
  load: LoadSummary;
  cpu: CpuUse;
  from: Date;
  to: Date;
}

/**
 * P1: gated writes on the auto path (HTTP → verdict answer).
 *  - baseline: a bare Fastify server doing one PostgreSQL insert per request (same pool size as
 *    the gateway, same load generator and concurrency);
 *  - gated: the real gateway + gate in this process (as tests/support/stack.ts wires them, with
 *    the pools main.ts gives them), a seed-dev tenant with Meta defaults set to auto, and
 *    `PATCH …/campaigns/:id/budget` spread over many platform-origin campaigns. No dispatcher:
 *    the measured path ends at the verdict answer. `BENCH_P1_GATE=process` runs the gate as its
 *    own main.ts child process instead (the deployed topology: two processes, two cores).
 * Baseline and gated max-load runs alternate (best of each counts, so a burst of unrelated load on
 * the machine cannot fake a ratio); then an open-loop run at half the gated maximum for p99, and an
 * audit check: one row per request.
 */
export const p1: Benchmark = {
  id: "p1",
  title: "gated writes, auto path (HTTP → verdict)",
  async run(opts: BenchOptions) {
    const d = opts.quick ? QUICK : FULL;
    const gateAsProcess = process.env.BENCH_P1_GATE === "process";
    const id = runId();
    const cleanup = new Cleanup();
    const notes: string[] = [];
    try {
      const bdb = await createBenchDatabase(id);
      cleanup.add("database", () => bdb.drop());
      const scope = { database: bdb.name, natsPort: Number(new URL(serverUrls().natsUrl).port || 4222) };
      const conns = await sql<{ total: number; max: number }>`select (select count(*)::int from pg_stat_activity) as total, current_setting('max_connections')::int as max`.execute(bdb.db);
      const c0 = conns.rows[0]!;
      // Gateway pool 20 + gate ≤ 33 (GATE_CONCURRENCY + relay) + baseline 20, never all at once but close.
      if (c0.max - c0.total < 60) notes.push(`WARNING: Postgres had ${c0.total}/${c0.max} connections in use at start; this benchmark opens up to ~55 more`);

      // ── baseline server ───────────────────────────────────────────────────────────────────────
      const baseline = await startBaseline(bdb);
      cleanup.add("baseline server", () => baseline.close());
      const baseSpec: Omit<LoadSpec, "durationMs"> = {
        port: baseline.port,
        method: "PATCH",
        paths: Array.from({ length: 100 }, (_, i) => `/baseline/cmp_${i}`),
        bodies: BODIES,
        headers: { "content-type": "application/json" },
        concurrency: opts.concurrency,
        maxRequests: 2_000_000,
        expectStatus: [202],
      };

      // ── gated stack ───────────────────────────────────────────────────────────────────────────
      const ns = await createNamespace(id);
      cleanup.add("nats namespace", () => ns.delete());
      const log = (svc: string): Logger => sinkLogger(svc, opts.logLevel) as unknown as Logger;
      const sandbox = await startSandbox({ port: 0 });
      cleanup.add("sandbox", () => sandbox.stop());

      const gateEnv = { DATABASE_URL: bdb.url, NATS_URL: serverUrls().natsUrl, NATS_PREFIX: ns.prefix, LOG_LEVEL: opts.logLevel };
      const childPids: number[] = [];
      if (gateAsProcess) {
        const gateProc = await spawnService("gate", SERVICE_ENTRIES.gate, gateEnv, ["info", "debug", "trace"].includes(opts.logLevel) ? { kind: "log", msg: "gate started" } : { kind: "probe", probe: async () => ((await ns.nats.jsm.consumers.info(ns.names.streams.intents, ns.names.consumers.gate).catch(() => undefined))?.num_waiting ?? 0) > 0 });
        cleanup.add("gate process", () => gateProc.stop());
        childPids.push(gateProc.pid);
      } else {
        // main.ts sizes it DB_POOL_MAX (40); the gate never holds more than GATE_CONCURRENCY + 1 (relay) = 33.
        const gateDb = createDb({ connectionString: bdb.url, max: 40, applicationName: "bench-gate" });
        cleanup.add("gate pool", () => gateDb.destroy());
        const gate = await startGate({ db: gateDb, nats: await ns.connect("gate"), names: ns.names, log: log("gate"), config: loadGateConfig(gateEnv) });
        cleanup.add("gate", () => gate.stop());
      }

      const gwDb = createDb({ connectionString: bdb.url, max: GATEWAY_POOL, applicationName: "bench-gateway" });
      cleanup.add("gateway pool", () => gwDb.destroy());
      const gateway = await startGateway({
        db: gwDb,
        databaseUrl: bdb.url,
        nats: await ns.connect("gateway"),
        names: ns.names,
        log: log("gateway"),
        customerJwtSecret: CUSTOMER_JWT_SECRET,
        port: 0,
        host: "127.0.0.1",
      });
      cleanup.add("gateway", () => gateway.app.close());

      const opsConfig = loadOpsConfig({
        DATABASE_URL: bdb.url,
        API_BASE_URL: gateway.url,
        SANDBOX_URL: sandbox.url,
        CUSTOMER_JWT_SECRET,
        TOKEN_ENCRYPTION_KEY: DEV_TOKEN_KEY,
      });
      const seed = await seedDev(bdb.db, opsConfig);
      // A load generator is one key doing thousands of writes a minute: give it the ops-only tier.
      await bdb.db.updateTable("api_keys").set({ rate_tier: "internal" }).where("organization_id", "=", seed.orgId).execute();
      const defaults = await fetch(`${gateway.url}/v1/projects/${seed.projectId}/ads/meta/defaults`, {
        method: "PATCH",
        headers: { authorization: `Bearer ${seed.apiKey}`, "content-type": "application/json" },
        body: JSON.stringify({ authority: { structural: "auto", tactical: "auto" } }),
      });
      if (defaults.status !== 200) throw new Error(`PATCH defaults answered ${defaults.status}: ${await defaults.text()}`);
      const campaignIds = await insertPlatformCampaigns(bdb.db, seed.projectId, seed.layers.meta.layerId, seed.layers.meta.adAccountId, d.campaigns);

      const gatedSpec: Omit<LoadSpec, "durationMs"> = {
        port: (gateway.app.server.address() as AddressInfo).port,
        method: "PATCH",
        paths: campaignIds.map((c) => `/v1/projects/${seed.projectId}/ads/meta/campaigns/${c}/budget`),
        bodies: BODIES,
        headers: { authorization: `Bearer ${seed.apiKey}`, "content-type": "application/json" },
        concurrency: opts.concurrency,
        maxRequests: 2_000_000,
        expectStatus: [202],
        // 202 "accepted" means the gate did not answer within the verdict timeout: an error here.
        expectBodyIncludes: '"status":"dispatching"',
      };

      // ── warm-up, then alternating max-load rounds ─────────────────────────────────────────────
      opts.say(`p1: warm-up ${d.warmupMs} ms each`);
      await runLoad({ ...baseSpec, durationMs: d.warmupMs });
      await baseline.release();
      const warm = await runLoad({ ...gatedSpec, durationMs: d.warmupMs });
      if (warm.errors > 0) opts.say(`p1: warm-up errors ${JSON.stringify(warm.errorKinds)}: ${warm.errorSamples.slice(0, 2).join(" | ")}`);
      const measure = async (spec: Omit<LoadSpec, "durationMs">, pids: number[], warmMs = 0): Promise<Round> => {
        if (warmMs > 0) await runLoad({ ...spec, durationMs: warmMs });
        const cpu0 = cpuSnapshot({ ...scope, childPids: pids });
        const from = new Date();
        const load = await runLoad({ ...spec, durationMs: d.maxMs });
        return { load, cpu: cpuSince(cpu0), from, to: new Date() };
      };
      const baseRounds: Round[] = [];
      const gatedRounds: Round[] = [];
      for (let r = 1; r <= d.rounds; r++) {
        opts.say(`p1: round ${r}/${d.rounds}: max load c=${opts.concurrency}, ${d.maxMs} ms each`);
        // The baseline's pool is released between its rounds, so it re-warms briefly each time.
        baseRounds.push(await measure(baseSpec, [], 500));
        await baseline.release();
        gatedRounds.push(await profiled(`p1-gated-round${r}`, () => measure(gatedSpec, childPids), opts.say));
        opts.say(`p1: round ${r}: baseline ${baseRounds.at(-1)!.load.throughput.toFixed(0)} req/s, gated ${gatedRounds.at(-1)!.load.throughput.toFixed(0)} req/s`);
      }
      const best = (rs: Round[]) => rs.reduce((a, b) => (b.load.throughput > a.load.throughput ? b : a));
      const base = best(baseRounds);
      const max = best(gatedRounds);
      if (base.load.errors > 0) throw new Error(`the baseline server failed ${base.load.errors} requests: ${base.load.errorSamples.join(" | ")}`);

      const halfRate = Math.max(1, Math.round(max.load.throughput / 2));
      opts.say(`p1: open loop at ${halfRate} req/s (half the gated max), ${d.halfMs} ms`);
      // In flight at most 4× the closed-loop concurrency: room to queue, so a stall shows in p99.
      const halfCpu0 = cpuSnapshot({ ...scope, childPids });
      const half = await runLoad({ ...gatedSpec, durationMs: d.halfMs, ratePerSec: halfRate, concurrency: Math.min(1024, opts.concurrency * 4) });
      const halfCpu = cpuSince(halfCpu0);
      opts.say(`p1: half load p99 ${half.latency.p99Ms} ms (achieved ${half.throughput.toFixed(0)} req/s, errors ${half.errors})`);

      const allGated = [warm, ...gatedRounds.map((r) => r.load), half];
      const audit = await verifyAudit(bdb.db, seed.projectId, allGated);
      const stages = await stageLatencies(bdb.db, seed.projectId, max.from, max.to);
      const updates = await updateStats(bdb.db, ["write_intents", "jobs", "entity_sequences"]);
      const errors = gatedRounds.reduce((a, r) => a + r.load.errors, 0) + half.errors;
      const where = gateAsProcess ? "gateway process (+ load generator thread)" : "gateway+gate process (+ load generator thread)";

      const metrics: Metric[] = [
        metric({ name: "throughput (max, closed loop)", value: Math.round(max.load.throughput), unit: "req/s", baseline: Math.round(base.load.throughput), target: { on: "ratio", op: ">=", threshold: 0.5 } }),
        metric({ name: `p99 at half load (${halfRate}/s)`, value: half.latency.p99Ms, unit: "ms", target: { on: "value", op: "<=", threshold: 25 } }),
        metric({ name: "p50 at half load", value: half.latency.p50Ms, unit: "ms" }),
        metric({ name: "p99 at max load", value: max.load.latency.p99Ms, unit: "ms", baseline: base.load.latency.p99Ms }),
        metric({ name: "Node CPU per request (max load)", value: cpuMsPer(max, "node"), unit: "ms", baseline: cpuMsPer(base, "node"), note: "bench process incl. load generator (+ gate child)" }),
        metric({ name: "Postgres CPU per request (max load)", value: cpuMsPer(max, "pg"), unit: "ms", baseline: cpuMsPer(base, "pg") }),
        metric({ name: "NATS CPU per request (max load)", value: cpuMsPer(max, "nats"), unit: "ms" }),
        metric({ name: "errors (max + half)", value: errors, unit: "count", target: { on: "value", op: "==", threshold: 0 } }),
        metric({ name: "audit rows per request", value: audit.perRequest, unit: "ratio", target: { on: "value", op: "==", threshold: 1 } }),
      ];
      notes.push(
        `rounds (baseline / gated req/s): ${baseRounds.map((b, i) => `${b.load.throughput.toFixed(0)} / ${gatedRounds[i]!.load.throughput.toFixed(0)}`).join("; ")} — best of each used`,
        `baseline (Fastify + 1 insert, pool ${GATEWAY_POOL}, c=${opts.concurrency}): p50 ${base.load.latency.p50Ms} ms, p99 ${base.load.latency.p99Ms} ms; CPU: ${describeCpu(base.cpu, "baseline process (+ load generator thread)")}`,
        `gated max: ${max.load.ok} ok in ${(max.load.elapsedMs / 1000).toFixed(1)} s, p50 ${max.load.latency.p50Ms} ms, p99 ${max.load.latency.p99Ms} ms; CPU: ${describeCpu(max.cpu, where)}`,
        `gated half load ${halfRate}/s → achieved ${half.throughput.toFixed(0)}/s, p50 ${half.latency.p50Ms} ms, p90 ${half.latency.p90Ms} ms, p99 ${half.latency.p99Ms} ms, max ${half.latency.maxMs} ms; CPU: ${describeCpu(halfCpu, where)}`,
        `accepted→decided (gateway stored → gate locked the row) at max load: p50 ${stages.acceptToDecideP50} ms, p99 ${stages.acceptToDecideP99} ms over ${stages.n} intents`,
        `Postgres updates (a non-HOT update rewrites every index of the row): ${updates}`,
        `audit: ${audit.requests} gated requests answered (warm-up included) → ${audit.intents} intents, ${audit.auditRows} audit rows, ${audit.undecided} undecided, ${audit.withoutAudit} decided without an audit row`,
        `${d.campaigns} campaigns, ${BODIES.length} budget values; gate ${gateAsProcess ? "as a child process (main.ts)" : "in-process"}; verdict timeout 2500 ms; service log level ${opts.logLevel}${gateAsProcess ? "" : " (to /dev/null)"}; no dispatcher running`,
      );
      if (errors > 0) {
        const kinds: Record<string, number> = {};
        for (const l of [...gatedRounds.map((r) => r.load), half]) for (const [k, v] of Object.entries(l.errorKinds)) kinds[k] = (kinds[k] ?? 0) + v;
        notes.push(`error kinds: ${JSON.stringify(kinds)}; samples: ${[...max.load.errorSamples, ...half.errorSamples].slice(0, 3).join(" | ")}`);
      }
      return { metrics, notes };
    } finally {
      await cleanup.run(opts.say);
    }
  },
};

/** CPU milliseconds per successful request during a round: robust to other work on the machine, unlike throughput. */
function cpuMsPer(r: Round, what: "node" | "pg" | "nats"): number {
  if (r.load.ok === 0) return Number.NaN;
  const cores = what === "node" ? r.cpu.benchProcess + r.cpu.children.reduce((a, c) => a + c, 0) : what === "pg" ? r.cpu.postgres + r.cpu.postgresShared : r.cpu.nats;
  return Math.round(((cores * r.cpu.wallS * 1000) / r.load.ok) * 1000) / 1000;
}

/** Bare Fastify + one insert per request, on the same database server, through the same driver and pool size. */
async function startBaseline(bdb: BenchDatabase): Promise<{ port: number; release(): Promise<void>; close(): Promise<void> }> {
  await sql`create table bench_baseline (id text primary key, campaign_id text not null, body jsonb not null, created_at timestamptz not null default now())`.execute(bdb.db);
  const pool = () => createDb({ connectionString: bdb.url, max: GATEWAY_POOL, applicationName: "bench-baseline" });
  let db = pool();
  const app = Fastify({ logger: false });
  app.patch<{ Params: { id: string }; Body: unknown }>("/baseline/:id", async (req, reply) => {
    await sql`insert into bench_baseline (id, campaign_id, body) values (${randomUUID()}, ${req.params.id}, ${json(req.body)}::jsonb)`.execute(db);
    return reply.code(202).send({ status: "dispatching" });
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  return {
    port: (app.server.address() as AddressInfo).port,
    /** Closes the pool's connections (a fresh pool connects on the next request): Postgres is shared. */
    async release() {
      const old = db;
      db = pool();
      await old.destroy();
    },
    async close() {
      await app.close();
      await db.destroy();
    },
  };
}

/** Platform-origin campaigns (as a sync would make them: no authority block, so the layer's auto defaults govern). */
async function insertPlatformCampaigns(db: Db, projectId: string, layerId: string, adAccountId: string, n: number): Promise<string[]> {
  const ids: string[] = [];
  const now = new Date();
  for (let start = 0; start < n; start += 500) {
    const rows = Array.from({ length: Math.min(500, n - start) }, (_, k) => {
      const id = newId("campaign");
      ids.push(id);
      return {
        id,
        project_id: projectId,
        layer_id: layerId,
        ad_account_id: adAccountId,
        platform: "meta",
        platform_campaign_id: String(9_000_000_000 + start + k),
        name: `Bench campaign ${start + k}`,
        outcome: null,
        objective: "OUTCOME_TRAFFIC",
        status: "active",
        daily_budget_cents: 1_000,
        authority: null,
        origin: "platform" as const,
        created_at: now,
        updated_at: now,
      };
    });
    await db.insertInto("campaigns").values(rows).execute();
  }
  return ids;
}

interface AuditCheck {
  requests: number;
  intents: number;
  auditRows: number;
  undecided: number;
  withoutAudit: number;
  perRequest: number;
}

/** Every answered request made one intent; every intent must end with exactly one audit row. */
async function verifyAudit(db: Db, projectId: string, phases: LoadSummary[]): Promise<AuditCheck> {
  const requests = phases.reduce((a, p) => a + p.completed, 0);
  const count = async () => {
    const r = await sql<{ intents: number; undecided: number; audit_rows: number; without_audit: number }>`
      select
        (select count(*)::int from write_intents where project_id = ${projectId} and operation = 'update_budget') as intents,
        (select count(*)::int from write_intents where project_id = ${projectId} and operation = 'update_budget' and state = 'accepted') as undecided,
        (select count(*)::int from audit_log where project_id = ${projectId} and operation = 'update_budget') as audit_rows,
        (select count(*)::int from write_intents w where w.project_id = ${projectId} and w.operation = 'update_budget' and w.state <> 'accepted'
           and not exists (select 1 from audit_log a where a.intent_id = w.id)) as without_audit`.execute(db);
    return r.rows[0]!;
  };
  // Intents answered "accepted" (verdict timeout) are still decided a little later.
  let c = await count();
  for (let i = 0; i < 50 && c.undecided > 0; i++) {
    await sleep(200);
    c = await count();
  }
  return {
    requests,
    intents: c.intents,
    auditRows: c.audit_rows,
    undecided: c.undecided,
    withoutAudit: c.without_audit,
    perRequest: requests === 0 ? 0 : Math.round((c.audit_rows / requests) * 10_000) / 10_000,
  };
}

/** accepted_at (gateway, before publish) → decided_at (gate, after locking the row), per intent of a window. */
async function stageLatencies(db: Db, projectId: string, from: Date, to: Date) {
  const rows = await db
    .selectFrom("write_intents")
    .select(["accepted_at", "decided_at"])
    .where("project_id", "=", projectId)
    .where("accepted_at", ">=", from)
    .where("accepted_at", "<=", to)
    .where("decided_at", "is not", null)
    .execute();
  const waits = rows.map((r) => r.decided_at!.getTime() - r.accepted_at.getTime());
  return { n: rows.length, acceptToDecideP50: quantile(waits, 0.5), acceptToDecideP99: quantile(waits, 0.99) };
}
