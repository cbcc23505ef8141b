import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Dispatch } from "@layers/contracts";
import { createHarness, waitFor, type Harness } from "./test-support/harness.ts";

const MAIN = fileURLToPath(new URL("./main.ts", import.meta.url));

describe("dispatcher-meta: crash and restart (child process)", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => h.cleanup());

  const spawnDispatcher = () => h.spawnMain(MAIN, { DISPATCH_CONCURRENCY: "4", LOG_LEVEL: "info" });

  it("SIGKILL mid-batch - after a restart every write has landed exactly once, in order", async () => {
    const a = await h.seedAccount();
    // Slow calls keep several writes in flight when the process dies; Meta still applies them.
    await h.sbx.setFaults({ platform: "meta", account: a.actId, latencyMs: 400 });
    const all: Dispatch[] = [];
    const expected = new Map<string, number[]>();
    for (let c = 0; c < 6; c++) {
      const { campaignId, dispatch } = await h.allowCreate(a, { dailyBudgetCents: 1000 + c });
      all.push(dispatch);
      const budgets = [1000 + c];
      for (let u = 1; u <= 4; u++) {
        const cents = 2000 + c * 100 + u;
        all.push(await h.allowWrite(a, campaignId, "update_budget", { dailyBudgetCents: cents }));
        budgets.push(cents);
      }
      expected.set(campaignId, budgets);
    }
    for (const d of all) await h.publish(d);

    const first = spawnDispatcher();
    const ids = all.map((d) => d.intentId);
    const dispatching = async () =>
      new Set((await h.env.db.selectFrom("write_intents").select("id").where("id", "in", ids).where("state", "=", "dispatching").execute()).map((r) => r.id));
    // Kill it mid-batch: some writes landed and several are being called right now. A claim still
    // open 100 ms after it was seen has sent its call (claim → send takes milliseconds) and is inside
    // the sandbox's 400 ms latency, so Meta applies it after the process is gone.
    await waitFor(async () => {
      if ((await h.sbx.ledger({ account: a.actId })).length < 6) return false;
      const seen = await dispatching();
      if (seen.size < 2) return false;
      await new Promise((r) => setTimeout(r, 100));
      const still = await dispatching();
      return [...seen].filter((id) => still.has(id)).length >= 2;
    }, 30_000, 5).catch((err) => {
      throw new Error(`first dispatcher made no progress:\n${first.output()}`, { cause: err });
    });
    first.proc.kill("SIGKILL");
    expect((await first.exited).signal).toBe("SIGKILL");
    const atKill = await h.env.db.selectFrom("write_intents").select(["state"]).where("id", "in", ids).execute();
    expect(atKill.filter((r) => r.state === "dispatched").length).toBeLessThan(all.length);
    expect(atKill.filter((r) => r.state === "dispatching").length).toBeGreaterThan(0);

    const second = spawnDispatcher();
    await h.waitForStates(ids, ["dispatched"], 60_000).catch((err) => {
      throw new Error(`second dispatcher did not finish:\n${second.output()}`, { cause: err });
    });

    const ledger = await h.sbx.ledger({ account: a.actId });
    expect(ledger).toHaveLength(all.length);
    for (const [campaignId, budgets] of expected) {
      const row = await h.env.db.selectFrom("campaigns").select(["platform_campaign_id", "daily_budget_cents"]).where("id", "=", campaignId).executeTakeFirstOrThrow();
      const entries = ledger.filter((e) => e.objectId === row.platform_campaign_id);
      expect(entries.map((e) => e.op)).toEqual(["create", "update", "update", "update", "update"]);
      expect(entries.map((e) => e.fields.daily_budget)).toEqual(budgets);
      expect(row.daily_budget_cents).toBe(budgets.at(-1));
    }
    // The writes the killed process had sent were found on Meta by the new claimer, not sent again.
    const results = await h.env.db.selectFrom("write_intents").select(["platform_result", "attempts"]).where("id", "in", ids).execute();
    expect(results.filter((r) => (r.platform_result as { reconciled?: boolean }).reconciled).length).toBeGreaterThan(0);
    expect(results.every((r) => r.attempts <= 2)).toBe(true);

    second.proc.kill("SIGTERM");
    expect(await second.exited).toEqual({ code: 0, signal: null });
  });
});
