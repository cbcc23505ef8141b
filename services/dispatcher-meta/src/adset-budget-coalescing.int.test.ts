import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Dispatch } from "@layers/contracts";
import type { LedgerEntry } from "@layers/sandbox";
import { createHarness, waitFor, type Harness, type SeededAccount } from "./test-support/harness.ts";

/** The sandbox holds each ad set to 4 budget changes per window, as Meta does per hour; the dispatcher is told the same rule. */
const CHANGES = 4;
const WINDOW_MS = 4_000;
const CONFIG = {
  META_ADSET_BUDGET_CHANGES: String(CHANGES),
  META_ADSET_BUDGET_WINDOW_MS: String(WINDOW_MS),
  // A write waiting for its ad set's window is published again by the hand-on sweep once the wait is over.
  HANDON_SWEEP_AFTER_MS: "0",
  HANDON_SWEEP_EVERY_MS: "100",
};

describe("dispatcher-meta: Meta's 4 budget changes per ad set per hour, kept by coalescing", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterEach(async () => h.stopApps());
  afterAll(async () => h.cleanup());

  /** An account whose ad sets the sandbox limits to CHANGES budget changes per WINDOW_MS, a landed campaign and ad set under it. */
  async function adSetOnMeta() {
    const a = await h.seedAccount();
    await h.sbx.setAdSetBudgetLimit({ account: a.actId, changes: CHANGES, windowMs: WINDOW_MS });
    const { campaignId } = await h.landCampaign(a);
    const { adSetId, platformId } = await h.landAdSet(a, campaignId, { dailyBudgetCents: 2000 });
    return { a, campaignId, adSetId, platformId };
  }

  const budgetWrite = (a: SeededAccount, campaignId: string, adSetId: string, cents: number) =>
    h.allowEntityWrite(a, campaignId, { kind: "adset", id: adSetId }, "update_budget", { dailyBudgetCents: cents });

  const refusedOf = async (a: SeededAccount) => (await h.sbx.adSetBudgetChanges()).find((x) => x.account === a.actId)?.refused ?? 0;

  /** The budget changes the sandbox applied to the ad set, oldest first. */
  const budgetChanges = async (a: SeededAccount, platformId: string): Promise<LedgerEntry[]> =>
    (await h.sbx.ledger({ account: a.actId, objectId: platformId })).filter((e) => e.op === "update" && e.fields.daily_budget !== undefined);

  /** The most budget changes of one ad set inside any window. */
  function mostInAWindow(changes: readonly LedgerEntry[]): number {
    const t = changes.map((e) => Date.parse(e.at));
    return Math.max(0, ...t.map((start) => t.filter((x) => x >= start && x < start + WINDOW_MS).length));
  }

  async function jobOf(d: Dispatch) {
    return h.env.db.selectFrom("jobs").select(["status", "result", "error"]).where("id", "=", d.jobId).executeTakeFirstOrThrow();
  }

  it("8 budget writes queued on one ad set land as the latest value: no platform error, the others answered superseded", async () => {
    await h.start({ config: CONFIG });
    const { a, campaignId, adSetId, platformId } = await adSetOnMeta();
    const writes: Dispatch[] = [];
    for (let i = 1; i <= 8; i++) writes.push(await budgetWrite(a, campaignId, adSetId, 2000 + i * 100));
    for (const d of writes) await h.publish(d);

    const rows = await h.waitForStates(writes.map((d) => d.intentId), ["dispatched", "superseded", "failed", "dead"]);
    const stateOf = new Map(rows.map((r) => [r.id, r.state]));
    const last = writes.at(-1)!;
    expect(writes.map((d) => stateOf.get(d.intentId))).toEqual([...Array(7).fill("superseded"), "dispatched"]);
    expect((await h.graph(a, platformId, "daily_budget")).daily_budget).toBe("2800");
    expect(Number((await h.entityRow(adSetId)).daily_budget_cents)).toBe(2800);
    expect(await refusedOf(a)).toBe(0);
    expect(mostInAWindow(await budgetChanges(a, platformId))).toBeLessThanOrEqual(CHANGES);

    // Every job is answered; a superseded one names the write that replaced it, which is the next one in order.
    for (const [i, d] of writes.slice(0, -1).entries()) {
      const job = await jobOf(d);
      expect(job).toMatchObject({ status: "completed", error: null });
      expect(job.result).toMatchObject({ outcome: "superseded", supersededBy: { intentId: writes[i + 1]!.intentId, jobId: writes[i + 1]!.jobId }, entityKind: "adset", entityId: adSetId, operation: "update_budget" });
    }
    expect(await jobOf(last)).toMatchObject({ status: "completed", result: expect.objectContaining({ platformId }) });
    // Superseded writes never reached the platform: each intent made at most one mutation.
    const superseded = await h.env.db.selectFrom("write_intents").select(["attempts"]).where("id", "in", writes.slice(0, -1).map((d) => d.intentId)).execute();
    expect(superseded.every((r) => r.attempts === 1)).toBe(true);

    const events = await h.events();
    const supersededEvents = events.filter((e) => e.type === "ads.write.superseded");
    expect(supersededEvents.map((e) => e.data.intentId).sort()).toEqual(writes.slice(0, -1).map((d) => d.intentId).sort());
    expect(supersededEvents.find((e) => e.data.intentId === writes[6]!.intentId)?.data).toMatchObject({ jobId: writes[6]!.jobId, supersededByJobId: last.jobId, entityKind: "adset", entityId: adSetId });
    expect(events.filter((e) => e.type === "ads.write.executed" && writes.some((d) => d.intentId === e.data.intentId)).map((e) => e.data.intentId)).toEqual([last.intentId]);
  });

  it("budget writes spaced out all land individually while the window allows; past it the next waits, and what queued behind it meanwhile lands as one", async () => {
    await h.start({ config: CONFIG });
    const { a, campaignId, adSetId, platformId } = await adSetOnMeta();
    // One at a time: nothing is queued behind any of them, so each lands on its own.
    const spaced: Dispatch[] = [];
    for (let i = 1; i <= CHANGES; i++) {
      const d = await budgetWrite(a, campaignId, adSetId, 3000 + i * 100);
      spaced.push(d);
      await h.land(d);
    }
    expect((await budgetChanges(a, platformId)).map((e) => e.fields.daily_budget)).toEqual([3100, 3200, 3300, 3400]);

    // The ad set has used its changes: the fifth waits in Postgres (allowed, booked until the window frees) instead of calling.
    const fifth = await budgetWrite(a, campaignId, adSetId, 3500);
    await h.publish(fifth);
    await waitFor(async () => {
      const r = await h.intent(fifth.intentId);
      return r.state === "allowed" && r.lease_until !== null && r.attempts === 0;
    });
    // Two more arrive while it waits; when the window frees, the newest one lands for all three.
    const sixth = await budgetWrite(a, campaignId, adSetId, 3600);
    const seventh = await budgetWrite(a, campaignId, adSetId, 3700);
    await h.publish(sixth);
    await h.publish(seventh);

    const rows = await h.waitForStates([fifth, sixth, seventh].map((d) => d.intentId), ["dispatched", "superseded", "failed", "dead"]);
    expect(new Map(rows.map((r) => [r.id, r.state]))).toEqual(new Map([[fifth.intentId, "superseded"], [sixth.intentId, "superseded"], [seventh.intentId, "dispatched"]]));
    expect((await h.graph(a, platformId, "daily_budget")).daily_budget).toBe("3700");
    const changes = await budgetChanges(a, platformId);
    expect(changes.map((e) => e.fields.daily_budget)).toEqual([3100, 3200, 3300, 3400, 3700]);
    expect(mostInAWindow(changes)).toBeLessThanOrEqual(CHANGES);
    expect(await refusedOf(a)).toBe(0);
    expect((await jobOf(fifth)).result).toMatchObject({ outcome: "superseded", supersededBy: { jobId: sixth.jobId } });
  });

  it("a budget change Meta refuses anyway (changed outside Layers) blocks the ad set: the write waits for the window, then lands, without pausing the account", async () => {
    await h.start({ config: CONFIG });
    const { a, campaignId, adSetId, platformId } = await adSetOnMeta();
    // Someone changes the budget in Ads Manager until Meta's limit is reached.
    for (let i = 1; i <= CHANGES; i++) {
      const res = await fetch(`${h.sandbox.url}/v21.0/${platformId}`, { method: "POST", body: new URLSearchParams({ daily_budget: String(4000 + i), access_token: a.accessToken }) });
      expect(res.status).toBe(200);
    }
    const d = await budgetWrite(a, campaignId, adSetId, 4500);
    // Another campaign of the same account keeps landing: the refusal is about one ad set, not the account.
    const other = await h.allowCreate(a);
    await h.publish(d);
    await h.land(other.dispatch);
    const [row] = await h.waitForStates([d.intentId], ["dispatched", "failed", "dead"], 30_000);
    expect(row!.state, String(row!.failure_reason)).toBe("dispatched");
    expect((await h.graph(a, platformId, "daily_budget")).daily_budget).toBe("4500");
    // Meta refused it once (or a few times inside one attempt's quick retries); it was never dead-lettered or failed.
    expect(await refusedOf(a)).toBeGreaterThanOrEqual(1);
    const budget = await h.env.db.selectFrom("call_budgets").select(["throttles", "paused_until"]).where("platform", "=", "meta").where("account_key", "=", a.platformAccountId).executeTakeFirst();
    expect(Number(budget?.throttles ?? 0)).toBe(0);
  });
});
