import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StartedService } from "@layers/testkit";
import { APPLE_APIS, createHarness, type Harness } from "./test-support/harness.ts";

describe.each(APPLE_APIS)("dispatcher-apple (%s): money in USD, JPY and BHD orgs", (api) => {
  let h: Harness;
  let app: StartedService;

  beforeAll(async () => {
    h = await createHarness(api);
    app = await h.start();
  });
  afterAll(async () => {
    await app.stop();
    await h.cleanup();
  });

  it.each([
    // currency, campaign daily budget, ad group bid, keyword bid (minor units) → Apple amounts as read back (v5 / Platform API)
    ["USD", 12345, 250, 105, ["123.45", "2.5", "1.05"], ["123.45", "2.50", "1.05"]],
    ["JPY", 50000, 300, 120, ["50000", "300", "120"], ["50000", "300", "120"]],
    ["BHD", 12340, 1230, 500, ["12.34", "1.23", "0.5"], ["12.34", "1.23", "0.50"]],
  ] as const)("%s - budgets and bids reach Apple as exact Money and come back to the row in minor units", async (currency, budget, bid, kwBid, v5Amounts, platformAmounts) => {
    const W = h.wire;
    const [budgetAmount, bidAmount, kwAmount] = api === "v5" ? v5Amounts : platformAmounts;
    const a = await h.seedOrg({ currency });
    const t = await h.landedTree(a, { campaign: { dailyBudgetCents: budget }, adGroup: { bidCents: bid }, keyword: { bidCents: kwBid } });
    const ledger = await h.sbx.ledger(a.ledgerKey);
    const fieldsOf = (id: string | undefined) => ledger.find((e) => e.objectId === id)!.fields;
    expect(W.budgetAmountOf(fieldsOf(t.appleCampaignId))).toBe(budgetAmount);
    expect(W.adGroupBidAmountOf(fieldsOf(t.appleAdGroupId))).toBe(bidAmount);
    expect(W.keywordBidAmountOf(fieldsOf(t.appleKeywordId))).toBe(kwAmount);
    expect((await h.campaignRow(t.campaignId)).daily_budget_cents).toBe(budget);
    expect((await h.entityRow(t.adGroupId)).bid_cents).toBe(bid);
    expect((await h.entityRow(t.keywordId!)).bid_cents).toBe(kwBid);

    const raise = await h.allowWrite(a, t.campaignId, "update_budget", { dailyBudgetCents: budget * 2 });
    await h.run([raise]);
    expect((await h.campaignRow(t.campaignId)).daily_budget_cents).toBe(budget * 2);
    const raised = (await h.sbx.ledger({ ...a.ledgerKey, objectId: t.appleCampaignId })).at(-1)!.fields;
    expect((await h.apple.getCampaign(t.appleCampaignId, a.auth)).dailyBudgetAmount).toEqual({ amount: W.budgetAmountOf(raised), currency });
    expect(W.budgetAmountOf(raised)).toBe(W.money(budget * 2, currency).amount);
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
    expect(ledger.map((e) => h.wire.budgetAmountOf(e.fields))).toEqual(["1.23"]);
    expect((await h.campaignRow(ok.campaignId)).daily_budget_cents).toBe(1230);
    expect((await h.campaignRow(bad.campaignId)).platform_campaign_id).toBeNull();

    // The same rule for bids below the campaign.
    const g = await h.allowAdGroup(a, ok.campaignId, { bidCents: 1005 });
    await h.run([g.dispatch], ["failed"]);
    expect((await h.intent(g.dispatch.intentId)).failure_reason).toMatch(/^unrepresentable_amount: /);
    expect(await h.sbx.ledger(a.ledgerKey)).toHaveLength(1);
  });
});
