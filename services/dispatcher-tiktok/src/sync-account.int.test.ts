import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./test-support/harness.ts";

describe("dispatcher-tiktok: sync-account RPC", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    await h.start({ config: { TIKTOK_PAGE_SIZE: "2" } });
  });
  afterAll(async () => h.cleanup());

  const sync = (body: unknown) => h.syncAccount(body);

  it("sync - imports campaigns made outside Layers across pages, with budgets in minor units and Layers status words", async () => {
    const a = await h.seedAccount({
      currency: "JPY",
      campaigns: [
        { campaign_name: "Made in Ads Manager", objective_type: "TRAFFIC", budget_mode: "BUDGET_MODE_DAY", budget: 5000 },
        { campaign_name: "Lifetime", objective_type: "REACH", budget_mode: "BUDGET_MODE_TOTAL", budget: 90000, operation_status: "DISABLE" },
        { campaign_name: "Open ended", objective_type: "CONVERSIONS" },
        { campaign_name: "Gone", operation_status: "DELETE" },
      ],
    });
    expect(await sync({ adAccountId: a.adAccountId })).toEqual({ ok: true, synced: 3 });
    const rows = await h.env.db.selectFrom("campaigns").selectAll().where("ad_account_id", "=", a.adAccountId).orderBy("name").execute();
    expect(rows.map((r) => [r.name, r.status, r.objective, r.daily_budget_cents, r.lifetime_budget_cents, r.origin, r.authority])).toEqual([
      ["Lifetime", "paused", "REACH", null, 90000, "platform", null],
      ["Made in Ads Manager", "active", "TRAFFIC", 5000, null, "platform", null],
      ["Open ended", "active", "CONVERSIONS", null, null, "platform", null],
    ]);
    expect(rows.every((r) => r.platform === "tiktok" && r.layer_id === a.layerId && r.project_id === a.projectId)).toBe(true);
    // TikTok hides deleted campaigns, so the deleted seed is not imported.
    expect(new Set(rows.map((r) => r.platform_campaign_id))).toEqual(new Set(a.seededCampaignIds.slice(0, 3)));

    expect(await sync({ adAccountId: a.adAccountId })).toEqual({ ok: true, synced: 3 });
    expect(await h.env.db.selectFrom("campaigns").select("id").where("ad_account_id", "=", a.adAccountId).execute()).toHaveLength(3);
  });

  it("sync - refreshes a Layers campaign changed in TikTok Ads Manager by its platform id, BHD money exact", async () => {
    const a = await h.seedAccount({ currency: "BHD" });
    const { campaignId, dispatch } = await h.allowCreateCampaign(a, { dailyBudgetCents: 12340 });
    await h.land([dispatch]);
    const pid = (await h.campaignRow(campaignId)).platform_campaign_id!;
    // Someone changes name and budget outside Layers.
    await h.tt.updateCampaign(a.advertiserId, pid, { campaign_name: "Edited in TikTok", budget: 20.5 }, a.auth);
    expect(await sync({ adAccountId: a.adAccountId })).toEqual({ ok: true, synced: 1 });
    const rows = await h.env.db.selectFrom("campaigns").selectAll().where("ad_account_id", "=", a.adAccountId).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: campaignId, name: "Edited in TikTok", daily_budget_cents: 20500, status: "paused", origin: "layers" });
  });

  it("sync - a TikTok outage answers ok:false with the reason; an expired token marks the account", async () => {
    const a = await h.seedAccount({ campaigns: [{ campaign_name: "c" }] });
    await h.sbx.setFaults({ platform: "tiktok", account: a.advertiserId, fail5xx: 1 });
    expect(await sync({ adAccountId: a.adAccountId })).toMatchObject({ ok: false, synced: 0, error: expect.stringMatching(/^platform_unavailable: /) });
    expect(await h.env.db.selectFrom("campaigns").select("id").where("ad_account_id", "=", a.adAccountId).execute()).toEqual([]);

    await h.sbx.setFaults({ platform: "tiktok", account: a.advertiserId, expiredToken: true });
    expect(await sync({ adAccountId: a.adAccountId })).toMatchObject({ ok: false, error: expect.stringMatching(/^token_expired: /) });
    const acct = await h.env.db.selectFrom("ad_accounts").select("status").where("id", "=", a.adAccountId).executeTakeFirstOrThrow();
    expect(acct.status).toBe("token_expired");
    expect((await h.events()).filter((e) => e.type === "ads.account.token_expired" && e.data.adAccountId === a.adAccountId)).toHaveLength(1);
    await h.sbx.clearTiktokFaults(a.advertiserId);
  });
});
