import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Dispatch } from "@layers/contracts";
import type { LedgerEntry } from "@layers/sandbox";
import { captureLogger } from "./test-support/capture-logger.ts";
import { createHarness, waitFor, type Harness, type SeededAccount } from "./test-support/harness.ts";

const kindOf = (e: LedgerEntry) => `${e.op}:${e.path.split("/").at(-1)}`;

describe("dispatcher-meta: child writes land exactly once", () => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.stopApps();
    await h.sbx.clearFaults();
  });
  afterAll(async () => h.cleanup());

  /** An account with a landed campaign and ad set, and the ledger length once they are there. */
  async function withAdSet(currency = "USD") {
    const a = await h.seedAccount({ currency });
    const { campaignId } = await h.landCampaign(a);
    const { adSetId, platformId: adSetOnMeta } = await h.landAdSet(a, campaignId);
    const seen = (await h.sbx.ledger({ platform: "meta", account: a.actId })).length;
    return { a, campaignId, adSetId, adSetOnMeta, newEntries: async () => (await h.sbx.ledger({ platform: "meta", account: a.actId })).slice(seen) };
  }

  /** Plays a claim that reached Meta but was never recorded: the intent is open again and redelivered. */
  async function reopenAndRedeliver(d: Dispatch) {
    await h.env.db.updateTable("write_intents").set({ state: "allowed", lease_until: null, platform_result: null, finished_at: null }).where("id", "=", d.intentId).execute();
    await h.publish(d, `${d.intentId}:takeover`);
    await h.waitForStates([d.intentId], ["dispatched"]);
  }

  it("failAfterApply on create_ad - the creative's answer is lost; the retry finds it by name: one creative, one ad", async () => {
    await h.start();
    const { a, campaignId, adSetId, newEntries } = await withAdSet();
    await h.sbx.setFaults({ platform: "meta", account: a.actId, failAfterApply: 1 });
    const { adId, dispatch } = await h.allowAd(a, campaignId, adSetId);
    await h.land(dispatch);
    const entries = await newEntries();
    expect(entries.map(kindOf)).toEqual(["create:adcreatives", "create:ads"]);
    expect(entries[1]!.fields.creative).toEqual({ creative_id: entries[0]!.objectId });
    expect(await h.entityRow(adId)).toMatchObject({ platform_entity_id: entries[1]!.objectId, creative: expect.objectContaining({ platformCreativeId: entries[0]!.objectId }) });
  });

  it("failAfterApply on push_creative across deliveries - both answers lost; each new claim reconciles: one creative, one ad", async () => {
    // No quick retries: every lost answer ends the delivery, and the next claim (attempt > 1) reconciles.
    await h.start({ config: { QUICK_RETRIES: "0" } });
    const { a, campaignId, adSetId, newEntries } = await withAdSet();
    await h.sbx.setFaults({ platform: "meta", account: a.actId, failAfterApply: 2 });
    const { adId, dispatch } = await h.allowAd(a, campaignId, adSetId, {}, "push_creative");
    await h.land(dispatch);
    const entries = await newEntries();
    expect(entries.map(kindOf)).toEqual(["create:adcreatives", "create:ads"]);
    expect(await h.intent(dispatch.intentId)).toMatchObject({ attempts: 3, platform_result: expect.objectContaining({ reconciled: true, platformId: entries[1]!.objectId }) });
    expect((await h.entityRow(adId)).creative).toMatchObject({ platformCreativeId: entries[0]!.objectId });
  });

  it("failAfterApply on create_adset and replace_creative - found by marker and creative name, never made twice", async () => {
    await h.start({ config: { QUICK_RETRIES: "0" } });
    const { a, campaignId, adSetId, newEntries } = await withAdSet();
    const { adId, dispatch: adCreate } = await h.allowAd(a, campaignId, adSetId);
    await h.land(adCreate);
    await h.sbx.setFaults({ platform: "meta", account: a.actId, failAfterApply: 3 });
    const second = await h.allowAdSet(a, campaignId);
    const fresh = { primaryText: "New copy", linkUrl: "https://shop.example.com/new", pageId: "1234567890" };
    const replace = await h.allowEntityWrite(a, campaignId, { kind: "ad", id: adId }, "replace_creative", { creative: fresh });
    await h.land(second.dispatch, replace);
    const entries = (await newEntries()).slice(2);
    expect(entries.map(kindOf)).toEqual(["create:adsets", "create:adcreatives", `update:${(await h.entityRow(adId)).platform_entity_id}`]);
    expect((await h.entityRow(second.adSetId)).platform_entity_id).toBe(entries[0]!.objectId);
    expect(entries[2]!.fields).toEqual({ creative: { creative_id: entries[1]!.objectId } });
    expect((await h.entityRow(adId)).creative).toEqual({ ...fresh, platformCreativeId: entries[1]!.objectId });
    for (const d of [second.dispatch, replace]) expect((await h.intent(d.intentId)).platform_result).toMatchObject({ reconciled: true });
  });

  it("redelivery - a landed child create or update that comes back (replay or takeover) makes no second mutation", async () => {
    const logs = captureLogger();
    await h.start({ log: logs.log });
    const { a, campaignId, adSetId, newEntries } = await withAdSet();
    const { adId, dispatch: push } = await h.allowAd(a, campaignId, adSetId, {}, "push_creative");
    const budget = await h.allowEntityWrite(a, campaignId, { kind: "adset", id: adSetId }, "update_budget", { dailyBudgetCents: 3100 });
    await h.land(push, budget);
    const landed = await newEntries();
    expect(landed.map(kindOf)).toEqual(["create:adcreatives", "create:ads", expect.stringMatching(/^update:/)]);
    const row = await h.entityRow(adId);

    // An ops replay of a dispatched intent is skipped before any call.
    for (const d of [push, budget]) await h.publish(d, `${d.intentId}:replay`);
    await waitFor(async () => logs.lines.filter((l) => l.msg === "skipped: already landed").length >= 2 || undefined);
    // A claim that reached Meta and was never recorded: the next one reconciles instead of calling again.
    await reopenAndRedeliver(push);
    await reopenAndRedeliver(budget);

    expect(await newEntries()).toEqual(landed);
    for (const d of [push, budget]) expect(await h.intent(d.intentId)).toMatchObject({ attempts: 2, platform_result: expect.objectContaining({ reconciled: true }) });
    expect(await h.entityRow(adId)).toMatchObject({ platform_entity_id: row.platform_entity_id, creative: row.creative });
  });

  it("money - JPY passes through; BHD goes in Meta's 1/100 units and an amount it cannot hold fails before any call", async () => {
    await h.start();
    for (const [currency, budget, bid, metaBudget, metaBid, newBudget, newMetaBudget] of [
      ["JPY", 5000, 120, 5000, 120, 7000, 7000],
      ["BHD", 12340, 1500, 1234, 150, 20000, 2000],
    ] as const) {
      const a = await h.seedAccount({ currency });
      const { campaignId } = await h.landCampaign(a);
      const { adSetId, platformId } = await h.landAdSet(a, campaignId, { dailyBudgetCents: budget, bidCents: bid });
      await h.land(await h.allowEntityWrite(a, campaignId, { kind: "adset", id: adSetId }, "update_budget", { dailyBudgetCents: newBudget }));
      const ledger = await h.sbx.ledger({ platform: "meta", objectId: platformId });
      expect(ledger.map((e) => [e.fields.daily_budget, e.fields.bid_amount])).toEqual([[metaBudget, metaBid], [newMetaBudget, undefined]]);
      expect(await h.entityRow(adSetId)).toMatchObject({ daily_budget_cents: newBudget, bid_cents: bid });
      expect(await h.graph(a, platformId, "daily_budget,bid_amount")).toEqual({ id: platformId, daily_budget: String(newMetaBudget), bid_amount: metaBid });
    }

    const bhd = await h.seedAccount({ currency: "BHD" });
    const { campaignId } = await h.landCampaign(bhd);
    const { adSetId } = await h.landAdSet(bhd, campaignId, { dailyBudgetCents: 12340 });
    const before = await h.sbx.ledger({ account: bhd.actId });
    const bad = await h.allowEntityWrite(bhd, campaignId, { kind: "adset", id: adSetId }, "update_bid", { bidCents: 1505 });
    await h.publish(bad);
    await h.waitForStates([bad.intentId], ["failed"]);
    expect((await h.intent(bad.intentId)).failure_reason).toMatch(/^unrepresentable_amount: /);
    expect(await h.sbx.ledger({ account: bhd.actId })).toEqual(before);
    expect((await h.entityRow(adSetId)).bid_cents).toBeNull();
  });
});
