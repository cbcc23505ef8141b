import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { terminateBackendsFor } from "@layers/testkit";
import { eventually, ledger, waitForJob } from "./support/api.ts";
import { spawnService, type ChildService } from "./support/child-service.ts";
import { startStack, type E2EStack } from "./support/stack.ts";
import { autoTenant, createCampaigns } from "./support/tenant.ts";
import { budgetsOnPlatform, sendBudget, startWriteLoad } from "./support/write-load.ts";

/**
 * SPEC §6: a Postgres restart loses nothing and applies nothing twice. The shared server cannot be
 * restarted, so this file does to its own database what a restart does to clients: every backend
 * is terminated, again and again for seconds, while writes flow through every service.
 */
describe("Postgres restarted mid-flow", () => {
  let stack: E2EStack;
  const children: ChildService[] = [];

  beforeAll(async () => {
    stack = await startStack({ verdictTimeoutMs: 1500, dispatcherEnv: { LEASE_MS: "1500", ACK_WAIT_MS: "2000" } });
  });
  afterAll(async () => {
    for (const c of children) c.proc.kill("SIGKILL");
    await stack?.stop();
  });

  it("backends terminated for seconds mid-flow: every accepted write lands exactly once, in order; refusals are 503 and retry safely", async () => {
    // Services as their own processes too, as in production: they must ride out the outage, not exit.
    const dispatcher = spawnService("dispatcher", stack.childEnv({ LEASE_MS: "1500", ACK_WAIT_MS: "2000", RETRY_LADDER_MS: "50,100,200", FENCE_DELAY_MS: "25", DISPATCH_CONCURRENCY: "8" }));
    const gate = spawnService("gate", stack.childEnv({ RELAY_INTERVAL_MS: "200", RELAY_AFTER_MS: "500", GATE_ACK_WAIT_MS: "2000" }));
    children.push(dispatcher, gate);
    await Promise.all([dispatcher.ready, gate.ready]);
    const t = await autoTenant(stack);
    const campaigns = await createCampaigns(t, 3, "PgRestart");
    // Slow the platform a little so terminations land while calls are in flight, between call and record.
    await fetch(`${stack.sandboxUrl}/_sandbox/faults`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ platform: "meta", account: t.account, latencyMs: 30 }) });

    const load = startWriteLoad(t, campaigns, { base: 5_000, pauseMs: 40 });
    await eventually(async () => ((await ledger(stack.sandboxUrl, t.account)).filter((e) => e.op === "update").length >= 6 ? true : undefined), "writes to flow", 20_000);
    const storm = await terminateBackendsFor(stack.env.databaseUrl, { durationMs: 4_000, everyMs: 100 });
    const calmAt = Date.now();
    await new Promise((r) => setTimeout(r, 1_500));
    const accepted = await load.stop();

    // The outage was real: many backends were cut, and partners were refused while it lasted.
    expect(storm.rounds).toBeGreaterThan(10);
    expect(storm.terminated).toBeGreaterThan(10);
    // …and it hit the service processes, not only the in-process stack (whose pool is named test-<id>).
    expect(storm.applications).toEqual(expect.arrayContaining(["dispatcher-meta", "gate", `test-${stack.env.id}`]));
    const refusals = accepted.flatMap((w) => w.refusals);
    // A refusal is a 503 UNAVAILABLE (or 409 while the same key's first try is still settling), never a 500.
    for (const r of refusals) expect(r).toMatch(/^(503 UNAVAILABLE|409 IDEMPOTENCY_CONFLICT)$/);
    expect(accepted.filter((w) => w.answeredAt > calmAt).length).toBeGreaterThan(0);

    for (const w of accepted) expect((await waitForJob(t.partner, w.jobId, 60_000)).status, `job of ${w.cents}`).toBe("completed");
    for (const [ci, c] of campaigns.entries()) {
      const loadValues = accepted.filter((w) => w.campaignId === c.id).map((w) => w.cents);
      expect(loadValues.length).toBeGreaterThan(3);
      expect(await budgetsOnPlatform(stack.sandboxUrl, t.account, c.platformId), `campaign ${ci}`).toEqual(loadValues);
    }
    // Every accepted write is one job and one intent; none left open, none dead-lettered.
    const intents = await stack.env.db.selectFrom("write_intents").select(["job_id", "state"]).where("project_id", "=", t.seed.projectId).where("operation", "=", "update_budget").execute();
    expect(intents.map((i) => i.job_id).sort()).toEqual(accepted.map((w) => w.jobId).sort());
    expect(intents.filter((i) => i.state !== "dispatched")).toEqual([]);
    expect(await stack.env.db.selectFrom("dead_letters").select("reason").execute()).toEqual([]);

    // The processes rode it out, and the whole path works again: a write is decided in time and lands.
    expect(dispatcher.proc.exitCode).toBe(null);
    expect(gate.proc.exitCode).toBe(null);
    const after = await sendBudget(t, campaigns[2]!.id, 5_999);
    expect(after.refusals).toEqual([]);
    expect(after.status).toBe("dispatching");
    expect((await waitForJob(t.partner, after.jobId, 30_000)).status).toBe("completed");
    expect((await budgetsOnPlatform(stack.sandboxUrl, t.account, campaigns[2]!.platformId)).at(-1)).toBe(5_999);

    // …and drain cleanly on SIGTERM.
    expect(await Promise.all([dispatcher.stop(), gate.stop()])).toEqual([0, 0]);
  }, 150_000);
});
