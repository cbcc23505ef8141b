import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shuffled } from "@layers/testkit";
import type { Dispatch } from "@layers/contracts";
import { captureLogger, type LogLine } from "./test-support/capture-logger.ts";
import { createHarness, type Harness } from "./test-support/harness.ts";

describe("dispatcher-meta: order and exactly-once with two instances", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => h.cleanup());

  it("two instances on one durable - per-campaign ledger order equals entity_seq order, no duplicates", async () => {
    // Small concurrency and some latency per call, so both instances hold work at once.
    const logsOne = captureLogger();
    const logsTwo = captureLogger();
    const one = await h.start({ log: logsOne.log, config: { DISPATCH_CONCURRENCY: "4" } });
    const two = await h.start({ log: logsTwo.log, config: { DISPATCH_CONCURRENCY: "4" } });
    const a = await h.seedAccount();
    await h.sbx.setFaults({ platform: "meta", account: a.actId, latencyMs: 5 });

    const CAMPAIGNS = 4;
    const UPDATES = 12;
    const all: Dispatch[] = [];
    const expected = new Map<string, number[]>();
    for (let c = 0; c < CAMPAIGNS; c++) {
      const { campaignId, dispatch } = await h.allowCreate(a, { dailyBudgetCents: 1000 });
      all.push(dispatch);
      const budgets = [1000];
      for (let u = 1; u <= UPDATES; u++) {
        // Distinct, non-monotonic values: any reordering shows up in the ledger.
        const cents = 1000 + ((u * 7919) % 97) * 100 + u;
        all.push(await h.allowWrite(a, campaignId, "update_budget", { dailyBudgetCents: cents }));
        budgets.push(cents);
      }
      expected.set(campaignId, budgets);
    }
    // The gate publishes in decision order; shuffling makes later writes arrive first, so only the fence keeps order.
    for (const d of shuffled(all, 42)) await h.publish(d);
    await h.waitForStates(all.map((d) => d.intentId), ["dispatched"], 60_000);

    const ledger = await h.sbx.ledger({ account: a.actId });
    expect(ledger).toHaveLength(all.length);
    for (const [campaignId, budgets] of expected) {
      const row = await h.env.db.selectFrom("campaigns").selectAll().where("id", "=", campaignId).executeTakeFirstOrThrow();
      const entries = ledger.filter((e) => e.objectId === row.platform_campaign_id);
      expect(entries[0]!.op).toBe("create");
      expect(entries.filter((e) => e.op === "create")).toHaveLength(1);
      expect(entries.map((e) => e.fields.daily_budget)).toEqual(budgets);
      expect(row.daily_budget_cents).toBe(budgets.at(-1));
    }
    // Each intent was claimed exactly once: no instance ever had to take over another's claim.
    const attempts = await h.env.db.selectFrom("write_intents").select("attempts").where("id", "in", all.map((d) => d.intentId)).execute();
    expect(attempts.every((r) => r.attempts === 1)).toBe(true);
    // Both instances did real work.
    const landedBy = (lines: LogLine[]) => lines.filter((l) => l.msg === "landed on Meta").length;
    expect(landedBy(logsOne.lines)).toBeGreaterThan(0);
    expect(landedBy(logsTwo.lines)).toBeGreaterThan(0);
    expect(landedBy(logsOne.lines) + landedBy(logsTwo.lines)).toBe(all.length);
    await Promise.all([one.stop(), two.stop()]);
  });
});
