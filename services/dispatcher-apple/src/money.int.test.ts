import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StartedService } from "@layers/testkit";
import { createHarness, type Harness } from "./test-support/harness.ts";

describe("dispatcher-apple: money in USD, JPY and BHD orgs", () => {
  let h: Harness;
  let app: StartedService;

  beforeAll(async () => {
    h = await createHarness();
    app = await h.start();
  });
  afterAll(async () => {
    await app.stop();
    await h.cleanup();
  });

  it.each([
    // currency, campaign daily budget, ad group bid, keyword bid (minor units) → Apple amounts as read back
    ["USD", 12345, 250, 105, "123.45", "2.5", "1.05"],
    ["JPY", 50000, 300, 120, "50000", "300", "120"],
    ["BHD", 12340, 1230, 500, "12.34", "1.23", "0.5"],
  ])("%s - budgets and bids reach Apple as exact Money and come back to the row in minor units", async (currency, budget, bid, kwBid, budgetAmount, bidAmount, kwAmount) => {
    const a = await h.seedOrg({ currency });
    const t = await h.landedTree(a, { campaign: { dailyBudgetCents: budget }, adGroup: { bidCents: bid }, keyword: { bidCents: kwBid } });
    const ledger = await h.sbx.ledger(a.ledgerKey);
    expect(ledger.find((e) => e.objectId === t.appleCampaignId)!.fields.dailyBudgetAmount).toEqual({ amount: budgetAmount, currency });
    expect(ledger.find((e) => e.objectId === t.appleAdGroupId)!.fields.defaultBidAmount).toEqual({ amount: bidAmount, currency });
    expect(ledger.find((e) => e.objectId === t.appleKeywordId)!.fields.bidAmount).toEqual({ amount: kwAmount, currency });
    expect((await h.campaignRow(t.campaignId)).daily_budget_cents).toBe(budget);
    expect((await h.entityRow(t.adGroupId)).bid_cents).toBe(bid);
    expect((await h.entityRow(t.keywordId!)).bid_cents).toBe(kwBid);

    const raise = await h.allowWrite(a, t.campaignId, "update_budget", { dailyBudgetCents: budget * 2 });
    await h.run([raise]);
    expect((await h.campaignRow(t.campaignId)).daily_budget_cents).toBe(budget * 2);
    expect((await h.apple.getCampaign(t.appleCampaignId, a.auth)).dailyBudgetAmount).toEqual((await h.sbx.ledger({ ...a.ledgerKey, objectId: t.appleCampaignId })).at(-1)!.fields.dailyBudgetAmount);
  });

  it("BHD - an amount with a non-zero third decimal fails as unrepresentable_amount before any call; one ending in 0 lands", async () => {
    const a = await h.seedOrg({ currency: "BHD" });
    const ok = await h.allowCreate(a, { dailyBudgetCents: 1230 }); // 1.230 BHD
    const bad = await h.allowCreate(a, { dailyBudgetCents: 1234 }); // 1.234 BHD
    await h.run([ok.dispatch, bad.dispatch], ["dispatched", "failed"]);
    expect((await h.intent(ok.dispatch.intentId)).state).toBe("dispatched");
    const failed = await h.intent(bad.dispatch.intentId);
    expect(failed.state).toBe("failed");
    expect(failed.failure_reason).toMatch(/^unrepresentable_amount: 1\.234 BHD has more than 2 decimals/);
    const job = await h.env.db.selectFrom("jobs").selectAll().where("id", "=", bad.dispatch.jobId).executeTakeFirstOrThrow();
    expect(job.error).toMatchObject({ code: "PLATFORM_ERROR", reason: "unrepresentable_amount" });

    const ledger = await h.sbx.ledger(a.ledgerKey);
    expect(ledger.map((e) => e.fields.dailyBudgetAmount)).toEqual([{ amount: "1.23", currency: "BHD" }]);
    expect((await h.campaignRow(ok.campaignId)).daily_budget_cents).toBe(1230);
    expect((await h.campaignRow(bad.campaignId)).platform_campaign_id).toBeNull();

    // The same rule for bids below the campaign.
    const g = await h.allowAdGroup(a, ok.campaignId, { bidCents: 1005 });
    await h.run([g.dispatch], ["failed"]);
    expect((await h.intent(g.dispatch.intentId)).failure_reason).toMatch(/^unrepresentable_amount: /);
    expect(await h.sbx.ledger(a.ledgerKey)).toHaveLength(1);
  });
});
