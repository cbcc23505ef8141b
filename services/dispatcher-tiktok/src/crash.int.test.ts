import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Dispatch } from "@layers/contracts";
import { createHarness, waitFor, type Harness } from "./test-support/harness.ts";

const MAIN = fileURLToPath(new URL("./main.ts", import.meta.url));

describe("dispatcher-tiktok: crash and restart (child process)", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => h.cleanup());

  const spawnDispatcher = () => h.spawnMain(MAIN, { DISPATCH_CONCURRENCY: "4", LOG_LEVEL: "info" });

  it("SIGKILL mid-batch - after a restart every create and update has landed exactly once, in order", async () => {
    const a = await h.seedAccount();
    // Slow calls keep several writes in flight when the process dies; TikTok still applies them.
    await h.sbx.setFaults({ platform: "tiktok", account: a.advertiserId, latencyMs: 150 });
    const all: Dispatch[] = [];
    const trees: Array<{ campaignId: string; adgroupId: string; budgets: number[] }> = [];
    for (let t = 0; t < 4; t++) {
      const c = await h.allowCreateCampaign(a);
      const g = await h.allowCreateAdgroup(a, c.campaignId, { dailyBudgetCents: 2000 + t });
      all.push(c.dispatch, g.dispatch);
      const budgets = [20 + t / 100];
      for (let u = 1; u <= 3; u++) {
        const cents = 3000 + t * 100 + u;
        all.push(await h.allowWrite(a, c.campaignId, "update_budget", { entityKind: "adgroup", entityId: g.adgroupId, dailyBudgetCents: cents }));
        budgets.push(cents / 100);
      }
      trees.push({ campaignId: c.campaignId, adgroupId: g.adgroupId, budgets });
    }
    for (const d of all) await h.publish(d);

    const first = spawnDispatcher();
    const ids = all.map((d) => d.intentId);
    const inFlight = async () => (await h.env.db.selectFrom("write_intents").select("id").where("id", "in", ids).where("state", "=", "dispatching").execute()).length;
    await waitFor(async () => (await h.ledger(a)).length >= 5 && (await inFlight()) >= 2, 30_000, 5).catch((err) => {
      throw new Error(`first dispatcher made no progress:\n${first.output()}`, { cause: err });
    });
    first.proc.kill("SIGKILL");
    expect((await first.exited).signal).toBe("SIGKILL");
    const atKill = await h.env.db.selectFrom("write_intents").select("state").where("id", "in", ids).execute();
    expect(atKill.filter((r) => r.state === "dispatched").length).toBeLessThan(all.length);

    const second = spawnDispatcher();
    await h.waitForStates(ids, ["dispatched"], 60_000).catch((err) => {
      throw new Error(`second dispatcher did not finish:\n${second.output()}`, { cause: err });
    });

    const ledger = await h.ledger(a);
    expect(ledger).toHaveLength(all.length);
    for (const t of trees) {
      const campaignPid = (await h.campaignRow(t.campaignId)).platform_campaign_id;
      const row = await h.entityRow(t.adgroupId);
      expect(ledger.filter((e) => e.objectId === campaignPid).map((e) => e.op)).toEqual(["create"]);
      expect(ledger.filter((e) => e.objectId === row.platform_entity_id).map((e) => e.fields.budget)).toEqual(t.budgets);
      expect(row.daily_budget_cents).toBe(Math.round(t.budgets.at(-1)! * 100));
    }
    const results = await h.env.db.selectFrom("write_intents").select("attempts").where("id", "in", ids).execute();
    expect(results.every((r) => r.attempts <= 2)).toBe(true);

    second.proc.kill("SIGTERM");
    expect(await second.exited).toEqual({ code: 0, signal: null });
  });
});
