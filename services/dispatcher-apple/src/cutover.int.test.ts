import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Dispatch } from "@layers/contracts";
import { countingFetch, createHarness, waitFor, type Harness } from "./test-support/harness.ts";

/**
 * Switching a running deployment from v5 to the Platform API: stop the dispatcher, start it with
 * `APPLE_API=platform`. No data migration: the Layers rows keep the same Apple ids, which the
 * Platform API reaches under the same numbers. Nothing in flight is lost or applied twice.
 */
describe("dispatcher-apple: cutover from v5 to the Platform API", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness("v5");
  });
  afterAll(async () => h.cleanup());

  it("create and update on v5, switch, update and pause on the Platform API: one mutation per intent on the same objects; a write v5 applied but never recorded lands once", async () => {
    // No quick retries and a slow ladder: a lost answer ends v5's delivery, and the redelivery comes after the switch.
    const v5 = await h.start({ config: { QUICK_RETRIES: "0", RETRY_LADDER_MS: "3000" } });
    const a = await h.seedOrg();
    const t = await h.landedTree(a, { campaign: { dailyBudgetCents: 20_000 }, keyword: { bidCents: 120 } });
    const onGroup = { entityKind: "adgroup", entityId: t.adGroupId };
    const onKeyword = { entityKind: "keyword", entityId: t.keywordId };
    const budgetV5 = await h.allowWrite(a, t.campaignId, "update_budget", { dailyBudgetCents: 25_000 });
    await h.run([budgetV5]);

    // In flight at the switch: v5 applies the bid, the answer is lost, and v5 stops before its retry.
    await h.sbx.setAppleFaults({ orgId: a.orgId, failAfterApply: 1 });
    const inFlight = await h.allowWrite(a, t.campaignId, "update_bid", { ...onGroup, bidCents: 210 });
    await h.publish(inFlight);
    await waitFor(async () => {
      const i = await h.intent(inFlight.intentId);
      return i.state === "allowed" && i.attempts === 1;
    });
    await v5.stop();
    // Accepted while no dispatcher runs: waits in the stream.
    const queued = await h.allowWrite(a, t.campaignId, "update_campaign", { name: `Switched ${t.campaignId.slice(-8)}` });
    await h.publish(queued);

    const platform = await h.start({ config: { APPLE_API: "platform" } });
    await h.waitForStates([inFlight.intentId, queued.intentId], ["dispatched"]);
    expect(await h.intent(inFlight.intentId)).toMatchObject({ attempts: 2, platform_result: expect.objectContaining({ reconciled: true, platformId: t.appleAdGroupId }) });

    const onPlatform = [
      await h.allowWrite(a, t.campaignId, "update_budget", { dailyBudgetCents: 30_000 }),
      await h.allowWrite(a, t.campaignId, "update_targeting", { ...onGroup, targeting: { genders: ["female"] } }),
      await h.allowWrite(a, t.campaignId, "pause_keyword", onKeyword),
      await h.allowWrite(a, t.campaignId, "pause_campaign"),
    ];
    await h.run(onPlatform);

    const ledger = await h.sbx.ledger(a.ledgerKey);
    const v5Wire = h.wire;
    expect(ledger.map((e) => [e.api, e.op, e.objectId])).toEqual([
      ["v5", "create", t.appleCampaignId],
      ["v5", "create", t.appleAdGroupId],
      ["v5", "create", t.appleKeywordId],
      ["v5", "update", t.appleCampaignId],
      ["v5", "update", t.appleAdGroupId],
      ["platform", "update", t.appleCampaignId],
      ["platform", "update", t.appleCampaignId],
      ["platform", "update", t.appleAdGroupId],
      ["platform", "update", t.appleKeywordId],
      ["platform", "update", t.appleCampaignId],
    ]);
    expect(ledger[4]!.fields).toEqual(v5Wire.adGroupBid(210));
    expect(ledger.slice(5).map((e) => e.path)).toEqual([
      `/v1/campaigns/${t.appleCampaignId}`,
      `/v1/campaigns/${t.appleCampaignId}`,
      `/v1/adgroups/${t.appleAdGroupId}`,
      `/v1/keywords/${t.appleKeywordId}`,
      `/v1/campaigns/${t.appleCampaignId}`,
    ]);
    expect(ledger.at(-1)!.fields).toEqual({ status: "PAUSED" });
    expect(ledger[8]!.fields).toEqual({ status: "PAUSED" });

    // The Layers rows kept their Apple ids and hold every write.
    expect(await h.campaignRow(t.campaignId)).toMatchObject({
      platform_campaign_id: t.appleCampaignId, name: `Switched ${t.campaignId.slice(-8)}`, status: "paused", daily_budget_cents: 30_000,
    });
    expect(await h.entityRow(t.adGroupId)).toMatchObject({ platform_entity_id: t.appleAdGroupId, bid_cents: 210, targeting: { genders: ["female"] } });
    expect(await h.entityRow(t.keywordId!)).toMatchObject({ platform_entity_id: t.appleKeywordId, status: "paused", bid_cents: 120 });
    const all = [budgetV5, inFlight, queued, ...onPlatform];
    const attempts = await h.env.db.selectFrom("write_intents").select(["id", "state"]).where("id", "in", all.map((d) => d.intentId)).execute();
    expect(attempts.every((r) => r.state === "dispatched")).toBe(true);

    // Sync on the Platform API finds the same campaign, not a second one.
    expect(await h.syncAccount({ adAccountId: a.adAccountId })).toEqual({ ok: true, synced: 1 });
    expect(await h.env.db.selectFrom("campaigns").select("id").where("ad_account_id", "=", a.adAccountId).execute()).toEqual([{ id: t.campaignId }]);
    await platform.stop();
  });

  it("a rolling restart: a v5 and a Platform API instance on one durable land every write once, in order, on the same objects", async () => {
    const old = countingFetch();
    const next = countingFetch();
    await h.start({ fetch: old.fetch, config: { APPLE_API: "v5", DISPATCH_CONCURRENCY: "4" } });
    await h.start({ fetch: next.fetch, config: { APPLE_API: "platform", DISPATCH_CONCURRENCY: "4" } });
    const a = await h.seedOrg();
    await h.sbx.setAppleFaults({ orgId: a.orgId, latencyMs: 5 });
    const all: Dispatch[] = [];
    const budgets = new Map<string, number[]>();
    for (let c = 0; c < 3; c++) {
      const { campaignId, dispatch } = await h.allowCreate(a, { dailyBudgetCents: 10_000 });
      all.push(dispatch);
      const want: number[] = [];
      for (let u = 1; u <= 8; u++) {
        const cents = 10_000 + ((u * 37) % 11) * 100 + u;
        want.push(cents);
        all.push(await h.allowWrite(a, campaignId, "update_budget", { dailyBudgetCents: cents }));
      }
      budgets.set(campaignId, want);
    }
    for (const d of all) await h.publish(d);
    await h.waitForStates(all.map((d) => d.intentId), ["dispatched"], 60_000);

    const ledger = await h.sbx.ledger(a.ledgerKey);
    expect(ledger).toHaveLength(all.length);
    expect(new Set(ledger.map((e) => e.api))).toEqual(new Set(["v5", "platform"]));
    for (const [campaignId, want] of budgets) {
      const row = await h.campaignRow(campaignId);
      const onCampaign = ledger.filter((e) => e.objectId === row.platform_campaign_id);
      expect(onCampaign.map((e) => e.op)).toEqual(["create", ...want.map(() => "update")]);
      // Each entry in its own API's spelling, the amounts in the order the writes were accepted.
      const amounts = onCampaign.slice(1).map((e) => Number(e.api === "v5" ? (e.fields.dailyBudgetAmount as { amount: string }).amount : (e.fields.dailyBudget as { value: { amount: string } }).value.amount));
      expect(amounts).toEqual(want.map((c) => c / 100));
      expect(row.daily_budget_cents).toBe(want.at(-1));
    }
    expect(old.calls()).toBeGreaterThan(0);
    expect(next.calls()).toBeGreaterThan(0);
    await h.stopApps();
  });
});
