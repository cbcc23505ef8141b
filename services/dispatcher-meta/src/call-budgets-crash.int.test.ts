import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Dispatch } from "@layers/contracts";
import { createHarness, waitFor, type Harness } from "./test-support/harness.ts";

const MAIN = fileURLToPath(new URL("./main.ts", import.meta.url));
const R = 20;

describe("dispatcher-meta: call budgets survive a crash (child processes)", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => h.cleanup());

  const spawnDispatcher = (over: Record<string, string> = {}) =>
    h.spawnMain(MAIN, { DISPATCH_CONCURRENCY: "8", LOG_LEVEL: "info", CALL_BUDGET_CALLS: String(R), CALL_BUDGET_WINDOW_MS: "1000", CALL_BUDGET_WAKE_MS: "50", ...over });

  it("SIGKILL of one of two instances mid-burst: the budget state stays in Postgres, the survivor keeps to it, every write lands once", async () => {
    const a = await h.meteredAccount(R);
    // Slow calls: the instance killed holds claims, which the survivor must take over by redelivery
    // while the account is scheduled (its other copies acked unopened, left to the waker).
    await h.sbx.setFaults({ platform: "meta", account: a.actId, latencyMs: 300 });
    const burst = await h.allowCreates(a, 120);
    const ids = burst.map((d) => d.intentId);
    const first = spawnDispatcher();
    const second = spawnDispatcher();
    for (const d of burst) await h.publish(d);

    const landed = async () => (await h.env.db.selectFrom("write_intents").select("id").where("id", "in", ids).where("state", "=", "dispatched").execute()).length;
    const inFlight = async () => (await h.env.db.selectFrom("write_intents").select("id").where("id", "in", ids).where("state", "=", "dispatching").execute()).length;
    await waitFor(async () => (await landed()) >= 30 && (await inFlight()) >= 3, 30_000, 5).catch((err) => {
      throw new Error(`no progress:\n${first.output()}\n${second.output()}`, { cause: err });
    });
    const before = await h.env.db.selectFrom("call_budgets").selectAll().where("platform", "=", "meta").where("account_key", "=", a.platformAccountId).executeTakeFirstOrThrow();
    first.proc.kill("SIGKILL");
    expect((await first.exited).signal).toBe("SIGKILL");
    // The budget is a Postgres row, not the dead process's memory: it is still there and still in use.
    const after = await h.env.db.selectFrom("call_budgets").selectAll().where("platform", "=", "meta").where("account_key", "=", a.platformAccountId).executeTakeFirstOrThrow();
    expect(after.base_rate).toBe(before.base_rate);

    await h.waitForStates(ids, ["dispatched"], 60_000).catch((err) => {
      throw new Error(`the survivor did not finish:\n${second.output()}`, { cause: err });
    });
    const creates = (await h.sbx.ledger({ account: a.actId })).filter((e) => e.op === "create");
    expect(creates).toHaveLength(burst.length);
    // Neither instance, nor the survivor taking over the dead one's writes, went over the account's rate.
    const metered = (await h.sbx.metering()).find((m) => m.account === a.actId);
    expect(metered?.throttled ?? -1).toBeLessThanOrEqual(3);
    expect(await h.env.db.selectFrom("call_budget_waits").select("intent_id").where("intent_id", "in", ids).execute()).toEqual([]);
    const rows = await h.env.db.selectFrom("write_intents").select("attempts").where("id", "in", ids).execute();
    expect(rows.every((r) => r.attempts <= 2)).toBe(true);

    second.proc.kill("SIGTERM");
    expect(await second.exited).toEqual({ code: 0, signal: null });
  });
  it("a claim the killed instance held is taken over by redelivery even while its account is scheduled (the waker publishes only allowed writes)", async () => {
    const a = await h.seedAccount();
    // One slow call in flight when the instance dies; Meta still applies it.
    await h.sbx.setFaults({ platform: "meta", account: a.actId, latencyMs: 1_500 });
    const w = (await h.allowCreate(a)).dispatch;
    // A redelivery only after the survivor has long read the account's schedule.
    const slowRedelivery = { ACK_WAIT_MS: "6000", LEASE_MS: "6000" };
    const first = spawnDispatcher(slowRedelivery);
    await h.publish(w);
    await waitFor(async () => (await h.intent(w.intentId)).state === "dispatching", 20_000, 5);
    first.proc.kill("SIGKILL");
    await first.exited;
    // Meanwhile the account became scheduled (other writes used its budget up): copies of its
    // writes are left to the waker, except a redelivery, which must still take the claim over.
    await h.env.db.updateTable("call_budgets").set({ scheduled_until: new Date(Date.now() + 60_000) }).where("platform", "=", "meta").where("account_key", "=", a.platformAccountId).execute();
    const survivor = spawnDispatcher(slowRedelivery);
    await h.waitForStates([w.intentId], ["dispatched"], 20_000).catch((err) => {
      throw new Error(`the survivor did not take the claim over:\n${survivor.output()}`, { cause: err });
    });
    expect((await h.sbx.ledger({ account: a.actId })).filter((e) => e.op === "create")).toHaveLength(1);
    survivor.proc.kill("SIGTERM");
    expect(await survivor.exited).toEqual({ code: 0, signal: null });
  });
});
