import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "@layers/contracts";
import type { DispatcherMeta } from "./app.ts";
import { createHarness, type Harness, type SeededAccount } from "./test-support/harness.ts";

describe("dispatcher-meta: sync-campaign RPC (ad sets and ads made outside Layers)", () => {
  let h: Harness;
  let app: DispatcherMeta;
  beforeAll(async () => {
    h = await createHarness();
    app = await h.start();
  });
  afterAll(async () => {
    await app.stop();
    await h.cleanup();
  });

  const syncCampaign = (campaignId: string) => h.syncCampaign(campaignId);
  const syncAccount = (a: SeededAccount) => h.syncAccount({ adAccountId: a.adAccountId });

  /** Changes an object straight on the sandbox's Graph surface, as Ads Manager would. */
  async function graphPost(a: SeededAccount, path: string, fields: Record<string, string>): Promise<{ id?: string; success?: boolean }> {
    const res = await fetch(`${h.sandbox.url}/v21.0/${path}`, { method: "POST", body: new URLSearchParams({ ...fields, access_token: a.accessToken }) });
    const body = (await res.json()) as { id?: string; success?: boolean };
    expect(res.status, JSON.stringify(body)).toBe(200);
    return body;
  }

  async function childRows(campaignId: string) {
    return h.env.db.selectFrom("ad_entities").selectAll().where("campaign_id", "=", campaignId).orderBy("name").execute();
  }

  it("sync-campaign - imports ad sets and ads with parent links, archived ones included, money in minor units; a second sync refreshes without duplicating", async () => {
    // KWD: Meta counts 1/100 dinar, Layers minor units are fils (1/1000), so every amount is ×10.
    const a = await h.seedAccount({
      currency: "KWD",
      campaigns: [
        {
          name: "Made in Ads Manager",
          objective: "OUTCOME_TRAFFIC",
          adsets: [
            {
              name: "Broad",
              status: "ACTIVE",
              daily_budget: 1500,
              bid_amount: 25,
              bid_strategy: "LOWEST_COST_WITH_BID_CAP",
              ads: [{ name: "Broad A" }, { name: "Broad B", status: "PAUSED" }],
            },
            { name: "Old", status: "ARCHIVED", lifetime_budget: 90000, end_time: "2030-01-01T00:00:00Z", ads: [{ name: "Old A", status: "ARCHIVED" }] },
          ],
        },
        { name: "Another campaign", objective: "OUTCOME_TRAFFIC", adsets: [{ name: "Not ours", daily_budget: 1000, ads: [{ name: "Not ours either" }] }] },
      ],
    });
    expect(await syncAccount(a)).toEqual({ ok: true, synced: 2 });
    const seeded = a.seeded[0]!;
    const campaign = await h.env.db.selectFrom("campaigns").select("id").where("platform_campaign_id", "=", seeded.id).executeTakeFirstOrThrow();
    const [broad, old] = seeded.adsets;

    expect(await syncCampaign(campaign.id)).toEqual({ ok: true, synced: 5 });
    const rows = await childRows(campaign.id);
    const idOnMeta = new Map(rows.map((r) => [r.platform_entity_id, r.id]));
    expect(rows.map((r) => [r.name, r.kind, r.platform_entity_id, r.parent_id, r.status, r.daily_budget_cents, r.lifetime_budget_cents, r.bid_cents, r.origin])).toEqual([
      ["Broad", "adset", broad!.id, null, "active", 15000, null, 250, "platform"],
      ["Broad A", "ad", broad!.ads[0]!.id, idOnMeta.get(broad!.id), "active", null, null, null, "platform"],
      ["Broad B", "ad", broad!.ads[1]!.id, idOnMeta.get(broad!.id), "paused", null, null, null, "platform"],
      ["Old", "adset", old!.id, null, "archived", null, 900000, null, "platform"],
      ["Old A", "ad", old!.ads[0]!.id, idOnMeta.get(old!.id), "archived", null, null, null, "platform"],
    ]);
    expect(rows.every((r) => r.ad_account_id === a.adAccountId && r.project_id === a.projectId && r.layer_id === a.layerId && r.platform === "meta")).toBe(true);
    expect(rows.filter((r) => r.kind === "adset").every((r) => /^as_[0-9a-z]{26}$/.test(r.id))).toBe(true);
    expect(rows.filter((r) => r.kind === "ad").every((r) => /^ad_[0-9a-z]{26}$/.test(r.id))).toBe(true);

    // Someone renames the ad set, raises its budget and pauses an ad in Ads Manager.
    await graphPost(a, broad!.id, { name: "Broad (renamed)", daily_budget: "2000" });
    await graphPost(a, broad!.ads[0]!.id, { status: "PAUSED" });

    expect(await syncCampaign(campaign.id)).toEqual({ ok: true, synced: 5 });
    const again = await childRows(campaign.id);
    expect(again.map((r) => r.id).sort()).toEqual(rows.map((r) => r.id).sort());
    const byMeta = new Map(again.map((r) => [r.platform_entity_id, r]));
    expect(byMeta.get(broad!.id)).toMatchObject({ name: "Broad (renamed)", daily_budget_cents: 20000, bid_cents: 250, origin: "platform" });
    expect(byMeta.get(broad!.ads[0]!.id)).toMatchObject({ status: "paused", parent_id: idOnMeta.get(broad!.id) });
  });

  it("sync-campaign - matches what Layers created, by platform id or by marker when the create's record was lost, without duplicating", async () => {
    const a = await h.seedAccount();
    const { campaignId, platformId: campaignOnMeta } = await h.landCampaign(a, { outcome: "traffic" });
    const landedAdSet = await h.landAdSet(a, campaignId, { dailyBudgetCents: 2500, bidCents: 150, bidStrategy: "LOWEST_COST_WITH_BID_CAP" });
    const ad = await h.allowAd(a, campaignId, landedAdSet.adSetId);
    await h.land(ad.dispatch);
    const adOnMeta = (await h.entityRow(ad.adId)).platform_entity_id!;

    // A Layers ad set whose create landed on Meta but whose answer was lost: the row has no platform id.
    const lost = newId("adSet");
    await h.env.db
      .insertInto("ad_entities")
      .values({
        id: lost,
        kind: "adset",
        project_id: a.projectId,
        layer_id: a.layerId,
        ad_account_id: a.adAccountId,
        platform: "meta",
        campaign_id: campaignId,
        name: "Lost",
        status: "creating",
        origin: "layers",
      })
      .execute();
    const adSetFields = (name: string, labels: { name: string }[]) => ({
      name,
      campaign_id: campaignOnMeta,
      billing_event: "IMPRESSIONS",
      optimization_goal: "LINK_CLICKS",
      targeting: JSON.stringify({ geo_locations: { countries: ["US"] } }),
      status: "PAUSED",
      daily_budget: "3000",
      adlabels: JSON.stringify(labels),
    });
    const lostOnMeta = (await graphPost(a, `${a.actId}/adsets`, adSetFields("Lost", [{ name: `layers:${lost}` }]))).id!;
    // And one made in Ads Manager next to them, whose label only looks like ours.
    const foreignOnMeta = (await graphPost(a, `${a.actId}/adsets`, adSetFields("Theirs", [{ name: `layers:${campaignId}` }]))).id!;

    expect(await syncCampaign(campaignId)).toEqual({ ok: true, synced: 4 });
    const rows = new Map((await childRows(campaignId)).map((r) => [r.platform_entity_id, r]));
    const row = (onMeta: string) => {
      const r = rows.get(onMeta);
      return r && [r.id, r.kind, r.parent_id, r.origin, r.status, r.daily_budget_cents, r.bid_cents];
    };
    expect(rows.size).toBe(4);
    expect(row(landedAdSet.platformId)).toEqual([landedAdSet.adSetId, "adset", null, "layers", "paused", 2500, 150]);
    expect(row(adOnMeta)).toEqual([ad.adId, "ad", landedAdSet.adSetId, "layers", "paused", null, null]);
    expect(row(lostOnMeta)).toEqual([lost, "adset", null, "layers", "paused", 3000, null]);
    expect(row(foreignOnMeta)).toEqual([expect.stringMatching(/^as_[0-9a-z]{26}$/), "adset", null, "platform", "paused", 3000, null]);

    expect(await syncCampaign(campaignId)).toEqual({ ok: true, synced: 4 });
    expect(await childRows(campaignId)).toHaveLength(4);
  });

  it("sync-campaign - a campaign whose create never landed answers ok with nothing synced; an unknown one is refused", async () => {
    const a = await h.seedAccount();
    const { campaignId } = await h.allowCreate(a);
    expect(await syncCampaign(campaignId)).toEqual({ ok: true, synced: 0 });
    expect(await childRows(campaignId)).toEqual([]);
    expect(await syncCampaign(newId("campaign"))).toMatchObject({ ok: false, synced: 0, error: expect.stringMatching(/^campaign_not_found: /) });
  });
});
