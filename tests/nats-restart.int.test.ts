import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPrivateNats, type PrivateNats } from "@layers/testkit";
import { eventually, ledger, waitForJob } from "./support/api.ts";
import { spawnService, type ChildService } from "./support/child-service.ts";
import { startStack, type E2EStack } from "./support/stack.ts";
import { autoTenant, createCampaigns } from "./support/tenant.ts";
import { budgetsOnPlatform, sendBudget, startWriteLoad, type AcceptedWrite } from "./support/write-load.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * SPEC §6: a NATS restart loses nothing and applies nothing twice. The stack runs against a
 * JetStream server of this file's own (the shared one serves other files), which is crashed or
 * shut down mid-flow and started again on the same port and store.
 */
describe("NATS restarted mid-flow", () => {
  let nats: PrivateNats;
  let stack: E2EStack;
  const children: ChildService[] = [];

  beforeAll(async () => {
    nats = await startPrivateNats();
    stack = await startStack({ natsUrl: nats.url, verdictTimeoutMs: 1500 });
  });
  afterAll(async () => {
    for (const c of children) c.proc.kill("SIGKILL");
    // The stack first (its cleanup deletes the streams), then the server.
    await nats?.start().catch(() => undefined);
    await stack?.stop();
    await nats?.dispose();
  });

  /** Services as their own processes, as in production: they must ride out the restart, not exit. */
  const startChildren = async () => {
    const dispatcher = spawnService("dispatcher", stack.childEnv({ LEASE_MS: "1500", ACK_WAIT_MS: "2000", RETRY_LADDER_MS: "50,100,200", FENCE_DELAY_MS: "25", DISPATCH_CONCURRENCY: "8" }));
    const gate = spawnService("gate", stack.childEnv({ RELAY_INTERVAL_MS: "200", RELAY_AFTER_MS: "500", GATE_ACK_WAIT_MS: "2000" }));
    children.push(dispatcher, gate);
    await Promise.all([dispatcher.ready, gate.ready]);
    return { dispatcher, gate };
  };

  for (const signal of ["SIGKILL", "SIGTERM"] as const) {
    it(`${signal}: every accepted write lands exactly once, in order, and writes sent while it is down are kept`, async () => {
      const { dispatcher, gate } = await startChildren();
      const t = await autoTenant(stack);
      const campaigns = await createCampaigns(t, 3, `Nats${signal}`);
      const base = signal === "SIGKILL" ? 10_000 : 20_000;

      const load = startWriteLoad(t, campaigns, { base, pauseMs: 60 });
      await eventually(async () => ((await ledger(stack.sandboxUrl, t.account)).filter((e) => e.op === "update").length >= 6 ? true : undefined), "writes to flow", 20_000);

      await nats.stop(signal);
      const downAt = Date.now();
      // While the server is away, writes keep coming (the load) and one more is sent on its own.
      const duringOutage = await sendBudget(t, campaigns[0]!.id, base + 999);
      await sleep(Math.max(0, 4_000 - (Date.now() - downAt)));
      await nats.start();
      const upAt = Date.now();
      await sleep(1_500);
      const accepted = await load.stop();

      // A write sent while NATS was down: stored and answered 202 accepted (the verdict is on the job).
      expect(duringOutage.status).toBe("accepted");
      expect(duringOutage.answeredAt).toBeLessThan(upAt);
      const sentWhileDown = accepted.filter((w) => w.sentAt >= downAt && w.sentAt < upAt);
      expect(sentWhileDown.length).toBeGreaterThanOrEqual(campaigns.length);
      // Answered while it was still down: no verdict could come, so 202 accepted, never an error.
      expect(accepted.filter((w) => w.answeredAt > downAt + 500 && w.answeredAt < upAt).map((w) => w.status)).not.toContain("dispatching");

      const all: AcceptedWrite[] = [...accepted, duringOutage];
      // Partners never saw the outage as an error: every write was answered 202 at the first try.
      expect(all.flatMap((w) => w.refusals)).toEqual([]);
      for (const w of all) expect((await waitForJob(t.partner, w.jobId, 60_000)).status, `job of ${w.cents}`).toBe("completed");
      // …and soon: what the gateway could not publish goes out as soon as NATS is back (the relay does
      // not sit out its 30 s retry time for intents whose publish failed).
      expect(Date.now() - upAt).toBeLessThan(15_000);

      // Exactly once, in acceptance order, per campaign. The lone outage write went to campaign 0
      // while its load was paused or in flight, so campaign 0 is compared as a set plus per-load order.
      for (const [ci, c] of campaigns.entries()) {
        const onPlatform = await budgetsOnPlatform(stack.sandboxUrl, t.account, c.platformId);
        const loadValues = accepted.filter((w) => w.campaignId === c.id).map((w) => w.cents);
        const expectedValues = ci === 0 ? [...loadValues, duringOutage.cents] : loadValues;
        expect([...onPlatform].sort((a, b) => a - b), `campaign ${ci} values`).toEqual([...expectedValues].sort((a, b) => a - b));
        expect(onPlatform.filter((v) => v !== duringOutage.cents), `campaign ${ci} order`).toEqual(loadValues);
      }

      // No intent left behind, none dead-lettered.
      const open = await stack.env.db.selectFrom("write_intents").select(["id", "state"]).where("project_id", "=", t.seed.projectId).where("state", "not in", ["dispatched", "applied"]).execute();
      expect(open).toEqual([]);
      const dead = await stack.env.db.selectFrom("dead_letters").select("reason").execute();
      expect(dead).toEqual([]);

      // The service processes rode it out, and the path is healthy again: a write is decided in time.
      expect(dispatcher.proc.exitCode).toBe(null);
      expect(gate.proc.exitCode).toBe(null);
      const after = await sendBudget(t, campaigns[1]!.id, base + 998);
      expect(after.status).toBe("dispatching");
      expect((await waitForJob(t.partner, after.jobId, 30_000)).status).toBe("completed");

      // …and drain cleanly on SIGTERM.
      expect(await Promise.all([dispatcher.stop(), gate.stop()])).toEqual([0, 0]);
    }, 150_000);
  }
});
