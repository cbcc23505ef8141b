import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, type SeededAdvertiser } from "./test-support/harness.ts";
import { tiktokRequestId } from "./tiktok/index.ts";

describe("dispatcher-tiktok: sync-campaign RPC", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    // Page size 2: every list below crosses pages.
    await h.start({ config: { TIKTOK_PAGE_SIZE: "2" } });
  });
  afterAll(async () => h.cleanup());

  const syncAccount = (a: SeededAdvertiser) => h.syncAccount({ adAccountId: a.adAccountId });
  const syncCampaign = (campaignId: string) => h.syncCampaign(campaignId);

  async function campaignIdOf(platformCampaignId: string): Promise<string> {
    const row = await h.env.db.selectFrom("campaigns").select("id").where("platform_campaign_id", "=", platformCampaignId).executeTakeFirstOrThrow();
    return row.id;
  }

  async function entities(campaignId: string) {
    return h.env.db.selectFrom("ad_entities").selectAll().where("campaign_id", "=", campaignId).orderBy("name").execute();
  }

  it("sync-campaign - imports ad groups and ads made in Ads Manager, linked to their parents, money in minor units; a second sync refreshes without duplicates", async () => {
    const a = await h.seedAccount({
      currency: "BHD",
      campaigns: [
        {
          campaign_name: "Tree", budget_mode: "BUDGET_MODE_DAY", budget: 100,
          adgroups: [
            { adgroup_name: "G1 daily", budget_mode: "BUDGET_MODE_DAY", budget: 20.125, bid_price: 0.375, ads: [{ ad_name: "A1" }, { ad_name: "A2", operation_status: "DISABLE" }] },
            { adgroup_name: "G2 lifetime", budget_mode: "BUDGET_MODE_TOTAL", budget: 90.5, operation_status: "DISABLE", ads: [{ ad_name: "A3" }] },
            // TikTok hides deleted ad groups; the live ad under one has no parent to go under.
            { adgroup_name: "G3 gone", operation_status: "DELETE", ads: [{ ad_name: "A4 orphan" }] },
          ],
        },
        { campaign_name: "Other", adgroups: [{ adgroup_name: "Not mine", ads: [{ ad_name: "Not mine either" }] }] },
      ],
    });
    const [tree] = a.seeded;
    const [g1, g2] = tree!.adgroups;
    expect(await syncAccount(a)).toEqual({ ok: true, synced: 2 });
    const campaignId = await campaignIdOf(tree!.campaign_id);

    expect(await syncCampaign(campaignId)).toEqual({ ok: true, synced: 5 });
    const rows = await entities(campaignId);
    expect(rows.map((r) => [r.name, r.kind, r.status, r.daily_budget_cents, r.lifetime_budget_cents, r.bid_cents, r.platform_entity_id, r.origin])).toEqual([
      ["A1", "ad", "active", null, null, null, g1!.ads[0]!.ad_id, "platform"],
      ["A2", "ad", "paused", null, null, null, g1!.ads[1]!.ad_id, "platform"],
      ["A3", "ad", "active", null, null, null, g2!.ads[0]!.ad_id, "platform"],
      ["G1 daily", "adgroup", "active", 20125, null, 375, g1!.adgroup_id, "platform"],
      ["G2 lifetime", "adgroup", "paused", null, 90500, null, g2!.adgroup_id, "platform"],
    ]);
    const idOf = new Map(rows.map((r) => [r.platform_entity_id, r.id]));
    expect(rows.map((r) => [r.name, r.parent_id])).toEqual([
      ["A1", idOf.get(g1!.adgroup_id)],
      ["A2", idOf.get(g1!.adgroup_id)],
      ["A3", idOf.get(g2!.adgroup_id)],
      ["G1 daily", null],
      ["G2 lifetime", null],
    ]);
    expect(rows.every((r) => r.platform === "tiktok" && r.ad_account_id === a.adAccountId && r.layer_id === a.layerId && r.project_id === a.projectId)).toBe(true);

    // Changed in Ads Manager: renamed and rebudgeted, an ad resumed, another ad group paused.
    await h.tt.updateAdgroup(a.advertiserId, g1!.adgroup_id, { adgroup_name: "G1 renamed", budget: 25.5, bid_price: 0.5 }, a.auth);
    await h.tt.setAdStatus(a.advertiserId, [g1!.ads[1]!.ad_id], "ENABLE", a.auth);
    await h.tt.setAdgroupStatus(a.advertiserId, [g2!.adgroup_id], "ENABLE", a.auth);
    expect(await syncCampaign(campaignId)).toEqual({ ok: true, synced: 5 });
    const again = await entities(campaignId);
    expect(again).toHaveLength(5);
    expect(new Set(again.map((r) => r.id))).toEqual(new Set(rows.map((r) => r.id)));
    const byPlatform = new Map(again.map((r) => [r.platform_entity_id, r]));
    expect(byPlatform.get(g1!.adgroup_id)).toMatchObject({ name: "G1 renamed", daily_budget_cents: 25500, bid_cents: 500, status: "active" });
    expect(byPlatform.get(g1!.ads[1]!.ad_id)).toMatchObject({ name: "A2", status: "active", parent_id: idOf.get(g1!.adgroup_id) });
    expect(byPlatform.get(g2!.adgroup_id)).toMatchObject({ status: "active", lifetime_budget_cents: 90500 });
  });

  it("sync-campaign - matches ad groups and ads Layers created by their TikTok ids, and adds one made beside them", async () => {
    const a = await h.seedAccount();
    const t = await h.landedTree(a, { withAd: true });
    const made = await h.tt.createAdgroup(a.advertiserId, {
      campaign_id: t.platformCampaignId, adgroup_name: "Made in Ads Manager", location_ids: ["6252001"], billing_event: "CPC",
      schedule_type: "SCHEDULE_FROM_NOW", schedule_start_time: "2030-01-01 00:00:00", budget_mode: "BUDGET_MODE_DAY", budget: 30, pacing: "PACING_MODE_SMOOTH",
    }, tiktokRequestId(`made-${t.campaignId}`, "adgroup"), a.auth);

    expect(await syncCampaign(t.campaignId)).toEqual({ ok: true, synced: 3 });
    const rows = await entities(t.campaignId);
    expect(rows.map((r) => [r.id, r.kind, r.origin, r.platform_entity_id, r.parent_id])).toEqual(
      expect.arrayContaining([
        [t.adgroupId, "adgroup", "layers", t.platformAdgroupId, null],
        [t.adId, "ad", "layers", t.platformAdId, t.adgroupId],
        [expect.stringMatching(/.+/), "adgroup", "platform", made.adgroup_id, null],
      ]),
    );
    expect(rows).toHaveLength(3);
    expect(rows.find((r) => r.id === t.adgroupId)).toMatchObject({ daily_budget_cents: 2000, status: "active" });
    expect(rows.find((r) => r.origin === "platform")).toMatchObject({ name: "Made in Ads Manager", daily_budget_cents: 3000 });
  });

  it("sync-campaign - a campaign whose create has not landed answers ok with nothing synced", async () => {
    const a = await h.seedAccount();
    const { campaignId } = await h.allowCreateCampaign(a);
    expect(await syncCampaign(campaignId)).toEqual({ ok: true, synced: 0 });
    expect(await entities(campaignId)).toEqual([]);
  });
});
