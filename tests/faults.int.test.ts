import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, ledger, waitForJob } from "./support/api.ts";
import { startStack, type E2EStack } from "./support/stack.ts";
import { autoTenant, createCampaigns, type AutoTenant } from "./support/tenant.ts";

const dispatcherMain = fileURLToPath(new URL("../services/dispatcher-meta/src/main.ts", import.meta.url));

/** Budget writes to each campaign, sent in order per campaign (campaigns in parallel); returns job ids. */
async function budgetWrites(t: AutoTenant, campaigns: Array<{ id: string }>, perCampaign: number, base: number): Promise<string[]> {
  const jobs: string[] = [];
  await Promise.all(
    campaigns.map(async (c, ci) => {
      for (let k = 0; k < perCampaign; k++) {
        const res = await t.partner.patch(`${t.campaignsPath}/${c.id}/budget`, { dailyBudgetCents: base + ci * 100 + k });
        expect([202]).toContain(res.status);
        jobs.push(res.body.jobId);
      }
    }),
  );
  return jobs;
}

/** Each campaign's budget updates on the platform, in ledger order. */
async function budgetsOnPlatform(stack: E2EStack, account: string, platformId: string): Promise<unknown[]> {
  return (await ledger(stack.sandboxUrl, account)).filter((e) => e.objectId === platformId && e.op === "update").map((e) => e.fields.daily_budget);
}

function expected(ci: number, perCampaign: number, base: number): number[] {
  return Array.from({ length: perCampaign }, (_, k) => base + ci * 100 + k);
}

describe("faults: nothing lost, nothing applied twice", () => {
  let stack: E2EStack;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    stack = await startStack({ dispatcher: false, verdictTimeoutMs: 1500 });
  });
  afterAll(async () => {
    for (const c of children) c.kill("SIGKILL");
    await stack?.stop();
  });

  const spawnDispatcher = () => {
    const child = spawn(process.execPath, [dispatcherMain], {
      env: { ...process.env, ...stack.childEnv({ LEASE_MS: "1500", ACK_WAIT_MS: "1500", RETRY_LADDER_MS: "50,100,200", FENCE_DELAY_MS: "25", DISPATCH_CONCURRENCY: "8" }) },
      stdio: ["ignore", "ignore", "inherit"],
    });
    children.push(child);
    return child;
  };

  it("a dispatcher killed mid-batch and restarted lands every write exactly once, in order per campaign", async () => {
    let d = spawnDispatcher();
    const t = await autoTenant(stack);
    const campaigns = await createCampaigns(t, 4, "Kill");
    // Slow the platform so the kill lands while calls are in flight.
    await fetch(`${stack.sandboxUrl}/_sandbox/faults`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ platform: "meta", account: t.account, latencyMs: 150 }) });
    const jobs = await budgetWrites(t, campaigns, 8, 2000);
    await eventually(async () => ((await ledger(stack.sandboxUrl, t.account)).filter((e) => e.op === "update").length >= 6 ? true : undefined), "some updates to land", 20_000);
    // Kill only while a claim is in flight (a platform call takes 150 ms), so the crash window is exercised.
    await eventually(
      async () => ((await stack.env.db.selectFrom("write_intents").select("id").where("job_id", "in", jobs).where("state", "=", "dispatching").execute()).length > 0 ? true : undefined),
      "a claim in flight",
      20_000,
    );
    d.kill("SIGKILL");
    await new Promise((r) => d.once("exit", r));
    d = spawnDispatcher();
    for (const j of jobs) expect((await waitForJob(t.partner, j, 60_000)).status).toBe("completed");
    for (const [ci, c] of campaigns.entries()) {
      expect(await budgetsOnPlatform(stack, t.account, c.platformId)).toEqual(expected(ci, 8, 2000));
    }
    // The kill hit claimed work: some intent was claimed again after its lease expired, and still landed once.
    const retaken = await stack.env.db.selectFrom("write_intents").select("id").where("job_id", "in", jobs).where("attempts", ">", 1).execute();
    expect(retaken.length).toBeGreaterThan(0);
    d.kill("SIGTERM");
    await new Promise((r) => d.once("exit", r));
  }, 120_000);

  it("the gate stopped: writes answer 202 with a job, and their verdicts land after it restarts", async () => {
    const d = await stack.startDispatcher();
    const t = await autoTenant(stack);
    const [c] = await createCampaigns(t, 1, "GateDown");
    await stack.stopGate();
    const res = await t.partner.patch(`${t.campaignsPath}/${c!.id}/budget`, { dailyBudgetCents: 4321 });
    expect(res.status).toBe(202);
    expect(res.body.status).toBe("accepted");
    expect(res.headers.get("location")).toContain(`/v1/jobs/${res.body.jobId}`);
    const queued = await t.partner.get(`/v1/jobs/${res.body.jobId}`);
    expect(queued.body.status).toBe("queued");
    expect(await budgetsOnPlatform(stack, t.account, c!.platformId)).toEqual([]);
    await stack.startGate();
    const job = await waitForJob(t.partner, res.body.jobId, 30_000);
    expect(job.status).toBe("completed");
    expect(job.verdict.decision).toBe("allow");
    expect(await budgetsOnPlatform(stack, t.account, c!.platformId)).toEqual([4321]);
    await d.stop();
    stack.dispatchers.splice(stack.dispatchers.indexOf(d), 1);
  }, 60_000);

  it("Meta answering 5xx, throttling, and losing responses: every write lands once", async () => {
    const d1 = await stack.startDispatcher();
    const d2 = await stack.startDispatcher();
    const t = await autoTenant(stack);
    const campaigns = await createCampaigns(t, 3, "Flaky");
    await fetch(`${stack.sandboxUrl}/_sandbox/faults`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ platform: "meta", account: t.account, fail5xx: 4, throttle: 4, failAfterApply: 3 }),
    });
    const jobs = await budgetWrites(t, campaigns, 5, 3000);
    for (const j of jobs) expect((await waitForJob(t.partner, j, 60_000)).status).toBe("completed");
    for (const [ci, c] of campaigns.entries()) {
      expect(await budgetsOnPlatform(stack, t.account, c.platformId)).toEqual(expected(ci, 5, 3000));
    }
    const faults: unknown = await (await fetch(`${stack.sandboxUrl}/_sandbox/faults`)).json();
    const left = JSON.stringify(faults);
    expect(left).not.toMatch(/"fail5xx":[1-9]/);
    expect(left).not.toMatch(/"failAfterApply":[1-9]/);
    await d1.stop();
    await d2.stop();
    stack.dispatchers.length = 0;
  }, 120_000);
});
