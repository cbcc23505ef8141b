import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Dispatch } from "@layers/contracts";
import { captureLogger } from "./test-support/capture-logger.ts";
import { createHarness, type Harness } from "./test-support/harness.ts";

/**
 * The budget waker as the only publisher of a scheduled account's writes. Once a draw finds the
 * account out of budget, every other copy of its writes is acked unopened and the waker publishes
 * them from Postgres at the account's rate. The hand-on sweep is put out of reach here, so a write
 * the dispatcher left to the waker and the waker then missed would never land.
 */
const NO_SWEEP = { HANDON_SWEEP_AFTER_MS: "600000" };

describe("dispatcher-meta: a scheduled account's writes are published by the budget waker only", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterEach(async () => h.stopApps());
  afterAll(async () => h.cleanup());

  it("a backlog's copies are acked unopened while the waker lands every write once, with no sweep to rescue any", async () => {
    const { log, lines } = captureLogger();
    await h.start({ config: { CALL_BUDGET_CALLS: "20", CALL_BUDGET_WINDOW_MS: "1000", CALL_BUDGET_WAKE_MS: "50", ...NO_SWEEP }, log });
    const a = await h.meteredAccount(20);
    const backlog = await h.allowCreates(a, 120);
    for (const d of backlog) await h.publish(d);

    await h.waitForStates(backlog.map((d) => d.intentId), ["dispatched"], 30_000);
    expect(await h.landedCreates(a)).toBe(120);
    expect(await h.throttledCalls(a)).toBeLessThanOrEqual(3);
    // Most of the backlog cost the dispatcher nothing but a lookup: the account was scheduled
    // after its first draws, and its writes came back one booking at a time.
    const leftToWaker = lines.filter((l) => l.msg?.startsWith("left to the budget waker")).length;
    const waits = lines.filter((l) => l.msg === "waits for the account's call budget");
    const deferred = waits.length;
    const kinds = new Map<string, number>();
    for (const j of waits) {
      const k = `${String(j.reason)}/${j.booked ? "booked" : "unbooked"}`;
      kinds.set(k, (kinds.get(k) ?? 0) + 1);
    }
    console.log(`left to the waker ${leftToWaker}, deferred after a draw ${deferred}`, Object.fromEntries(kinds));
    expect(leftToWaker).toBeGreaterThan(60);
    expect(deferred).toBeLessThan(40);
    // Nothing is left booked or scheduled behind the drained account for long.
    await sleep(3_500);
    expect(await h.env.db.selectFrom("call_budget_waits").select("intent_id").where("intent_id", "in", backlog.map((d) => d.intentId)).execute()).toEqual([]);
  });

  it("a backlog the dispatcher itself cannot keep up with (budget to spare) is scheduled by its lag: other accounts do not wait for it", async () => {
    // Two slots and a slow hot account (80 ms a call): ~25 writes/s, far below its budget of 1,000/s.
    const config = { DISPATCH_CONCURRENCY: "2", CALL_BUDGET_CALLS: "1000", CALL_BUDGET_WINDOW_MS: "1000", CALL_BUDGET_WAKE_MS: "50", CALL_BUDGET_LAG_MS: "300", CALL_BUDGET_IN_STREAM_MAX: "4", ...NO_SWEEP };
    await h.start({ config });
    const hot = await h.seedAccount();
    await h.sbx.setFaults({ platform: "meta", account: hot.actId, latencyMs: 80 });
    const backlog = await h.allowCreates(hot, 150);
    const small: Dispatch[] = [];
    for (let i = 0; i < 10; i++) small.push(...(await h.allowCreates(await h.seedAccount(), 5)));

    for (const d of backlog) await h.publish(d);
    const t0 = Date.now();
    for (const d of small) await h.publish(d);
    await h.waitForStates(small.map((d) => d.intentId), ["dispatched"], 30_000);
    const rows = await h.env.db.selectFrom("write_intents").select("finished_at").where("id", "in", small.map((d) => d.intentId)).execute();
    const waits = rows.map((r) => r.finished_at!.getTime() - t0).sort((x, y) => x - y);
    const p95 = waits[Math.floor(waits.length * 0.95)]!;
    const hotLeft = await h.env.db.selectFrom("write_intents").select("id").where("id", "in", backlog.map((d) => d.intentId)).where("state", "=", "allowed").execute();
    console.log(`small p95 ${p95} ms behind a backlog the dispatcher cannot keep up with; hot writes still waiting then: ${hotLeft.length}`);
    // In stream order the small writes would wait for the whole backlog (150 × 80 ms / 2 slots ≈ 6 s).
    expect(p95).toBeLessThan(3_000);
    expect(hotLeft.length).toBeGreaterThan(40);
    await h.waitForStates(backlog.map((d) => d.intentId), ["dispatched"], 30_000);
    expect(await h.landedCreates(hot)).toBe(150);
  });

  it("writes trickling in across an account's schedule starting and lapsing all land, with no sweep to rescue any", async () => {
    // A short schedule (margin 300 ms, six waker ticks) and a slow account: it is scheduled and lapses again and again.
    await h.start({ config: { CALL_BUDGET_CALLS: "5", CALL_BUDGET_WINDOW_MS: "1000", CALL_BUDGET_WAKE_MS: "50", CALL_BUDGET_SCHEDULED_MS: "600", ...NO_SWEEP } });
    const a = await h.meteredAccount(5);
    const writes = await h.allowCreates(a, 40);
    let seed = 7;
    const jitter = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % 400);
    for (const d of writes) {
      await h.publish(d);
      await sleep(jitter());
    }
    await h.waitForStates(writes.map((d) => d.intentId), ["dispatched"], 30_000);
    expect(await h.landedCreates(a)).toBe(40);
    expect(await h.throttledCalls(a)).toBeLessThanOrEqual(3);
  });
});
