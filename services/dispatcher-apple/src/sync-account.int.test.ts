import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StartedService } from "@layers/testkit";
import { APPLE_APIS, createHarness, type Harness } from "./test-support/harness.ts";

describe.each(APPLE_APIS)("dispatcher-apple (%s): sync-account RPC", (api) => {
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

  const sync = (body: unknown) => h.syncAccount(body);

  it("imports campaigns made outside Layers with origin 'platform', budgets in minor units and Layers status words", async () => {
    const a = await h.seedOrg({
      currency: "JPY",
      campaigns: [
        { name: "Made in Apple Ads", dailyBudgetAmount: "5000" },
        { name: "Paused one", dailyBudgetAmount: "1200", status: "PAUSED" },
        { name: "Deleted one", deleted: true },
      ],
    });
    expect(await sync({ adAccountId: a.adAccountId })).toEqual({ ok: true, synced: 3 });
    const rows = await h.env.db.selectFrom("campaigns").selectAll().where("ad_account_id", "=", a.adAccountId).orderBy("name").execute();
    expect(rows.map((r) => [r.name, r.status, r.objective, r.daily_budget_cents, r.lifetime_budget_cents, r.origin, r.authority])).toEqual([
      ["Deleted one", "deleted", null, 100, null, "platform", null],
      ["Made in Apple Ads", "active", null, 5000, null, "platform", null],
      ["Paused one", "paused", null, 1200, null, "platform", null],
    ]);
    expect(new Set(rows.map((r) => r.platform_campaign_id))).toEqual(new Set(a.seededCampaignIds));
    expect(rows.every((r) => r.platform === "apple" && r.layer_id === a.layerId)).toBe(true);

    // Again: same rows, no duplicates.
    expect(await sync({ adAccountId: a.adAccountId })).toEqual({ ok: true, synced: 3 });
    expect(await h.env.db.selectFrom("campaigns").select("id").where("ad_account_id", "=", a.adAccountId).execute()).toHaveLength(3);
  });

  it("refreshes campaigns Layers made when they change on Apple, in a BHD org", async () => {
    const a = await h.seedOrg({ currency: "BHD" });
    const { campaignId, dispatch } = await h.allowCreate(a, { dailyBudgetCents: 12340 });
    await h.run([dispatch]);
    const cid = (await h.campaignRow(campaignId)).platform_campaign_id!;
    // Someone raises the budget and enables the campaign in the Apple Ads UI.
    await h.apple.updateCampaign(cid, { dailyBudgetAmount: { amount: "20.5", currency: "BHD" }, status: "ENABLED" }, a.auth);
    expect(await sync({ adAccountId: a.adAccountId })).toEqual({ ok: true, synced: 1 });
    expect(await h.campaignRow(campaignId)).toMatchObject({ daily_budget_cents: 20500, status: "active", origin: "layers" });
  });

  it("an Apple outage answers ok:false and changes nothing; an expired token marks the account", async () => {
    const a = await h.seedOrg({ campaigns: [{ name: "c" }] });
    await h.sbx.setAppleFaults({ orgId: a.orgId, fail5xx: 1 });
    expect(await sync({ adAccountId: a.adAccountId })).toMatchObject({ ok: false, synced: 0, error: expect.stringMatching(/^platform_unavailable: /) });
    expect(await h.env.db.selectFrom("campaigns").select("id").where("ad_account_id", "=", a.adAccountId).execute()).toEqual([]);

    await h.sbx.setAppleFaults({ orgId: a.orgId, expiredToken: true });
    expect(await sync({ adAccountId: a.adAccountId })).toMatchObject({ ok: false, error: expect.stringMatching(/^token_expired: /) });
    expect((await h.env.db.selectFrom("ad_accounts").select("status").where("id", "=", a.adAccountId).executeTakeFirstOrThrow()).status).toBe("token_expired");
    expect((await h.events()).filter((e) => e.type === "ads.account.token_expired" && e.data.adAccountId === a.adAccountId)).toHaveLength(1);
    await h.sbx.clearAppleFaults();
  });
});
