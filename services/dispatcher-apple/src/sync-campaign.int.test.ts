import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StartedService } from "@layers/testkit";
import { APPLE_APIS, createHarness, type Harness, type SeededOrg } from "./test-support/harness.ts";

describe.each(APPLE_APIS)("dispatcher-apple (%s): sync-campaign RPC (ad groups and keywords made outside Layers)", (api) => {
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

  const syncCampaign = (campaignId: string) => h.syncCampaign(campaignId);
  const syncAccount = (a: SeededOrg) => h.syncAccount({ adAccountId: a.adAccountId });

  async function children(campaignId: string) {
    return h.env.db.selectFrom("ad_entities").selectAll().where("campaign_id", "=", campaignId).orderBy("kind").orderBy("name").execute();
  }

  /** Rows as `[kind, name, status, bid, parent's name, matchType, origin]`, comparable across syncs. */
  function summary(rows: Awaited<ReturnType<typeof children>>) {
    const nameOf = new Map(rows.map((r) => [r.id, r.name]));
    return rows.map((r) => [r.kind, r.name, r.status, r.bid_cents, r.parent_id === null ? null : nameOf.get(r.parent_id), (r.attributes as { matchType?: string }).matchType ?? null, r.origin]);
  }

  it("imports a seeded campaign's ad groups and keywords with origin 'platform', parent links and bids in minor units; a second sync refreshes without duplicating", async () => {
    const a = await h.seedOrg({
      campaigns: [
        {
          name: "Made in Apple Ads",
          dailyBudgetAmount: "50",
          adGroups: [
            { name: "Brand", defaultBidAmount: "1.25", keywords: [{ text: "layers app", matchType: "EXACT", bidAmount: "2.5" }, { text: "layers", status: "PAUSED" }] },
            { name: "Generic", status: "PAUSED", defaultBidAmount: "0.8", keywords: [{ text: "ads tool" }] },
            { name: "Old", deleted: true },
          ],
        },
      ],
    });
    expect(await syncAccount(a)).toEqual({ ok: true, synced: 1 });
    const campaign = await h.env.db.selectFrom("campaigns").select(["id", "platform_campaign_id"]).where("ad_account_id", "=", a.adAccountId).executeTakeFirstOrThrow();
    const seeded = a.seeded[0]!;
    expect(campaign.platform_campaign_id).toBe(String(seeded.id));

    expect(await syncCampaign(campaign.id)).toEqual({ ok: true, synced: 6 });
    const first = await children(campaign.id);
    // A keyword without a bid of its own: v5 reads no bid; the Platform API reads its ad group's.
    const inherited = (bid: number) => h.wire.inheritedKeywordBid(bid);
    expect(summary(first)).toEqual([
      ["adgroup", "Brand", "active", 125, null, null, "platform"],
      ["adgroup", "Generic", "paused", 80, null, null, "platform"],
      ["adgroup", "Old", "deleted", 100, null, null, "platform"],
      ["keyword", "ads tool", "active", inherited(80), "Generic", "BROAD", "platform"],
      ["keyword", "layers", "paused", inherited(125), "Brand", "BROAD", "platform"],
      ["keyword", "layers app", "active", 250, "Brand", "EXACT", "platform"],
    ]);
    const [brand, generic] = seeded.adGroups;
    const platformIds = [...seeded.adGroups.map((g) => g.id), ...seeded.adGroups.flatMap((g) => g.keywords.map((k) => k.id))].map(String);
    expect(new Set(first.map((r) => r.platform_entity_id))).toEqual(new Set(platformIds));
    expect(first.every((r) => r.platform === "apple" && r.ad_account_id === a.adAccountId && r.layer_id === a.layerId)).toBe(true);

    // Someone works in the Apple Ads UI: raises Brand's bid and pauses it, re-bids a keyword, adds one, deletes Generic.
    const cid = String(seeded.id);
    await h.apple.updateAdGroup(cid, String(brand!.id), { defaultBidAmount: { amount: "1.5", currency: "USD" }, status: "PAUSED" }, a.auth);
    await h.apple.updateKeywords(cid, String(brand!.id), [{ id: String(brand!.keywords[0]!.id), bidAmount: { amount: "3.05", currency: "USD" } }], a.auth);
    await h.apple.createKeywords(cid, String(brand!.id), [{ text: "layers ads", matchType: "BROAD", status: "ACTIVE" }], a.auth);
    await h.apple.deleteAdGroup(cid, String(generic!.id), a.auth);

    // Three ad groups and Brand's three keywords; the deleted Generic's keyword is not read again.
    expect(await syncCampaign(campaign.id)).toEqual({ ok: true, synced: 6 });
    const second = await children(campaign.id);
    expect(summary(second)).toEqual([
      ["adgroup", "Brand", "paused", 150, null, null, "platform"],
      ["adgroup", "Generic", "deleted", 80, null, null, "platform"],
      ["adgroup", "Old", "deleted", 100, null, null, "platform"],
      ["keyword", "ads tool", "active", inherited(80), "Generic", "BROAD", "platform"],
      ["keyword", "layers", "paused", inherited(150), "Brand", "BROAD", "platform"],
      ["keyword", "layers ads", "active", inherited(150), "Brand", "BROAD", "platform"],
      ["keyword", "layers app", "active", 305, "Brand", "EXACT", "platform"],
    ]);
    // The rows imported first are the same rows, refreshed in place.
    const idOf = (rows: typeof first, name: string) => rows.find((r) => r.name === name)?.id;
    for (const name of ["Brand", "Generic", "Old", "ads tool", "layers", "layers app"]) expect(idOf(second, name)).toBe(idOf(first, name));
  });

  it("matches the ad group and keyword Layers made instead of duplicating them, and adds the ones made on Apple", async () => {
    const a = await h.seedOrg({ currency: "BHD" });
    const t = await h.landedTree(a, { campaign: { dailyBudgetCents: 50_000 }, adGroup: { bidCents: 1_250 }, keyword: { text: "made by layers", matchType: "EXACT" } });
    const onApple = await h.apple.createAdGroup(
      t.appleCampaignId,
      { name: "Made on Apple", pricingModel: "CPC", defaultBidAmount: { amount: "2.5", currency: "BHD" }, startTime: "2031-01-01T00:00:00.000" },
      a.auth,
    );
    await h.apple.createKeywords(t.appleCampaignId, onApple.id, [{ text: "made on apple", matchType: "BROAD", bidAmount: { amount: "0.75", currency: "BHD" } }], a.auth);
    await h.apple.createKeywords(t.appleCampaignId, t.appleAdGroupId, [{ text: "added on apple", matchType: "EXACT" }], a.auth);

    expect(await syncCampaign(t.campaignId)).toEqual({ ok: true, synced: 5 });
    const rows = await children(t.campaignId);
    expect(summary(rows)).toEqual([
      ["adgroup", expect.stringMatching(/^Ad group /), "active", 1_250, null, null, "layers"],
      ["adgroup", "Made on Apple", "active", 2_500, null, null, "platform"],
      ["keyword", "added on apple", "active", h.wire.inheritedKeywordBid(1_250), expect.stringMatching(/^Ad group /), "EXACT", "platform"],
      ["keyword", "made by layers", "active", h.wire.inheritedKeywordBid(1_250), expect.stringMatching(/^Ad group /), "EXACT", "layers"],
      ["keyword", "made on apple", "active", 750, "Made on Apple", "BROAD", "platform"],
    ]);
    expect(rows.find((r) => r.origin === "layers" && r.kind === "adgroup")).toMatchObject({ id: t.adGroupId, platform_entity_id: t.appleAdGroupId });
    expect(rows.find((r) => r.origin === "layers" && r.kind === "keyword")).toMatchObject({ id: t.keywordId, platform_entity_id: t.appleKeywordId, parent_id: t.adGroupId });
    expect(rows.find((r) => r.name === "added on apple")?.parent_id).toBe(t.adGroupId);

    expect(await syncCampaign(t.campaignId)).toEqual({ ok: true, synced: 5 });
    expect(await children(t.campaignId)).toHaveLength(5);
  });

  it("answers ok with nothing synced for a campaign whose create has not landed", async () => {
    const a = await h.seedOrg();
    const { campaignId } = await h.allowCreate(a);
    expect(await syncCampaign(campaignId)).toEqual({ ok: true, synced: 0 });
    expect(await children(campaignId)).toEqual([]);
  });
});
