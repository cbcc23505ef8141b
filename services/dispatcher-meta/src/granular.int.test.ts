import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LedgerEntry } from "@layers/sandbox";
import { createHarness, type Harness, type SeededAccount } from "./test-support/harness.ts";

/** The creative create, ad create and ad updates a ledger holds, told apart by their Graph path. */
const isCreativeCreate = (e: LedgerEntry) => e.op === "create" && e.path.endsWith("/adcreatives");
const isAdCreate = (e: LedgerEntry) => e.op === "create" && e.path.endsWith("/ads");

describe("dispatcher-meta: ad sets, ads and creatives land with the right Graph fields", () => {
  let h: Harness;
  let a: SeededAccount;

  beforeAll(async () => {
    h = await createHarness();
    a = await h.seedAccount();
    await h.start();
  });
  afterAll(async () => h.cleanup());

  it("create_adset - lands once under its campaign with targeting, budget, bid, goal and marker; the row holds contract units", async () => {
    const { campaignId, platformId: campaignOnMeta } = await h.landCampaign(a, { outcome: "traffic" });
    const start = "2030-01-01T00:00:00.000Z";
    const end = "2030-02-01T00:00:00.000Z";
    const targeting = { countries: ["US", "CA"], ageMin: 21, ageMax: 50, genders: ["female"] };
    const { adSetId, dispatch } = await h.allowAdSet(a, campaignId, {
      name: "Women 21-50",
      dailyBudgetCents: 2500,
      bidCents: 150,
      bidStrategy: "LOWEST_COST_WITH_BID_CAP",
      startTime: start,
      endTime: end,
      targeting,
    });
    await h.land(dispatch);

    const row = await h.entityRow(adSetId);
    expect(row.platform_entity_id).toMatch(/^\d+$/);
    expect(row).toMatchObject({
      kind: "adset",
      status: "paused",
      daily_budget_cents: 2500,
      bid_cents: 150,
      bid_strategy: "LOWEST_COST_WITH_BID_CAP",
      targeting,
      attributes: { billingEvent: "IMPRESSIONS", optimizationGoal: "LINK_CLICKS" },
    });
    expect(row.start_time).toEqual(new Date(start));
    expect(row.end_time).toEqual(new Date(end));

    const metaTargeting = { geo_locations: { countries: ["US", "CA"] }, age_min: 21, age_max: 50, genders: [2] };
    const ledger = await h.sbx.ledger({ platform: "meta", objectId: row.platform_entity_id! });
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({
      op: "create",
      path: `/v21.0/${a.actId}/adsets`,
      fields: {
        name: "Women 21-50",
        campaign_id: campaignOnMeta,
        billing_event: "IMPRESSIONS",
        optimization_goal: "LINK_CLICKS",
        targeting: metaTargeting,
        status: "PAUSED",
        daily_budget: 2500,
        bid_amount: 150,
        bid_strategy: "LOWEST_COST_WITH_BID_CAP",
        start_time: start,
        end_time: end,
        adlabels: [{ name: `layers:${adSetId}` }],
      },
    });
    expect(await h.graph(a, row.platform_entity_id!, "campaign_id,daily_budget,bid_amount,targeting,status,optimization_goal,adlabels{name}")).toEqual({
      id: row.platform_entity_id,
      campaign_id: campaignOnMeta,
      daily_budget: "2500",
      bid_amount: 150,
      targeting: metaTargeting,
      status: "PAUSED",
      optimization_goal: "LINK_CLICKS",
      adlabels: [{ name: `layers:${adSetId}`, id: expect.any(String) }],
    });
    expect((await h.intent(dispatch.intentId)).platform_result).toMatchObject({ platformId: row.platform_entity_id, entityKind: "adset", entityId: adSetId, reconciled: false });
  });

  it("ad set writes - rename, budget, bid, schedule, targeting and lifecycle land in order, one update each", async () => {
    const { campaignId } = await h.landCampaign(a);
    const { adSetId, platformId } = await h.landAdSet(a, campaignId, { targeting: { countries: ["US"], ageMin: 18 } });
    const on = { kind: "adset", id: adSetId } as const;
    const start = "2030-03-01T00:00:00.000Z";
    const end = "2030-04-01T12:00:00.000Z";
    await h.land(
      await h.allowEntityWrite(a, campaignId, on, "update_adset", { name: "Renamed" }),
      await h.allowEntityWrite(a, campaignId, on, "update_budget", { dailyBudgetCents: 4100 }),
      await h.allowEntityWrite(a, campaignId, on, "update_bid", { bidCents: 90, bidStrategy: "COST_CAP" }),
      await h.allowEntityWrite(a, campaignId, on, "update_schedule", { startTime: start, endTime: end }),
      await h.allowEntityWrite(a, campaignId, on, "update_targeting", { targeting: { ageMin: 30, genders: ["male"] } }),
      await h.allowEntityWrite(a, campaignId, on, "resume_adset"),
      await h.allowEntityWrite(a, campaignId, on, "pause_adset"),
      await h.allowEntityWrite(a, campaignId, on, "archive_adset"),
    );
    const updates = (await h.sbx.ledger({ platform: "meta", objectId: platformId })).filter((e) => e.op === "update").map((e) => e.fields);
    expect(updates).toEqual([
      { name: "Renamed" },
      { daily_budget: 4100 },
      { bid_amount: 90, bid_strategy: "COST_CAP" },
      { start_time: start, end_time: end },
      { targeting: { geo_locations: { countries: ["US"] }, age_min: 30, genders: [1] } },
      { status: "ACTIVE" },
      { status: "PAUSED" },
      { status: "ARCHIVED" },
    ]);
    const row = await h.entityRow(adSetId);
    expect(row).toMatchObject({
      name: "Renamed",
      status: "archived",
      daily_budget_cents: 4100,
      bid_cents: 90,
      bid_strategy: "COST_CAP",
      targeting: { countries: ["US"], ageMin: 30, genders: ["male"] },
    });
    expect([row.start_time, row.end_time]).toEqual([new Date(start), new Date(end)]);
    expect(await h.graph(a, platformId, "name,status,end_time")).toEqual({ id: platformId, name: "Renamed", status: "ARCHIVED", end_time: "2030-04-01T12:00:00+0000" });

    await h.land(await h.allowEntityWrite(a, campaignId, on, "delete_adset"));
    expect((await h.sbx.ledger({ objectId: platformId })).at(-1)?.fields).toEqual({ status: "DELETED" });
    expect((await h.entityRow(adSetId)).status).toBe("deleted");
  });

  it("create_ad and push_creative - a creative named for the write, then the ad showing it; the row keeps the spec and the creative id", async () => {
    const { campaignId } = await h.landCampaign(a);
    const { adSetId, platformId: adSetOnMeta } = await h.landAdSet(a, campaignId);
    const before = (await h.sbx.ledger({ platform: "meta", account: a.actId })).length;
    const link = { primaryText: "Spring sale", linkUrl: "https://shop.example.com/spring", headline: "20% off", imageUrl: "https://cdn.example.com/s.jpg", callToAction: "SHOP_NOW", pageId: "1234567890" };
    const video = { primaryText: "Watch", linkUrl: "https://shop.example.com/v", videoId: "5550001", imageUrl: "https://cdn.example.com/t.jpg", pageId: "1234567890" };
    const first = await h.allowAd(a, campaignId, adSetId, { name: "Ad one", status: "ACTIVE", creative: link });
    const pushed = await h.allowAd(a, campaignId, adSetId, { name: "Pushed", creative: video }, "push_creative");
    await h.land(first.dispatch, pushed.dispatch);

    const ledger = (await h.sbx.ledger({ platform: "meta", account: a.actId })).slice(before);
    expect(ledger.map((e) => [e.op, e.path.split("/").at(-1)])).toEqual([
      ["create", "adcreatives"],
      ["create", "ads"],
      ["create", "adcreatives"],
      ["create", "ads"],
    ]);
    const cases = [
      { w: first, spec: link, name: "Ad one", status: "ACTIVE", story: { page_id: "1234567890", link_data: { link: link.linkUrl, message: "Spring sale", name: "20% off", picture: link.imageUrl, call_to_action: { type: "SHOP_NOW" } } } },
      {
        w: pushed, spec: video, name: "Pushed", status: "PAUSED",
        story: { page_id: "1234567890", video_data: { video_id: "5550001", image_url: video.imageUrl, message: "Watch", call_to_action: { type: "LEARN_MORE", value: { link: video.linkUrl } } } },
      },
    ];
    for (const [i, c] of cases.entries()) {
      const creative = ledger[2 * i]!;
      const adCreate = ledger[2 * i + 1]!;
      const marker = `layers:${c.w.adId}:${c.w.dispatch.intentId}`;
      expect(creative.fields).toEqual({ name: marker, object_story_spec: c.story });
      expect(adCreate.fields).toEqual({ name: c.name, adset_id: adSetOnMeta, creative: { creative_id: creative.objectId }, status: c.status, adlabels: [{ name: `layers:${c.w.adId}` }] });
      const row = await h.entityRow(c.w.adId);
      expect(row).toMatchObject({ kind: "ad", parent_id: adSetId, platform_entity_id: adCreate.objectId, status: c.status.toLowerCase(), creative: { ...c.spec, platformCreativeId: creative.objectId } });
      expect(await h.graph(a, adCreate.objectId, "adset_id,status,creative{name,object_story_spec}")).toEqual({
        id: adCreate.objectId,
        adset_id: adSetOnMeta,
        status: c.status,
        creative: { id: creative.objectId, name: marker, object_story_spec: c.story },
      });
    }
  });

  it("ad writes - rename, replace_creative, prune_creative and lifecycle; a replacement makes one creative and swaps it in", async () => {
    const { campaignId } = await h.landCampaign(a);
    const { adSetId } = await h.landAdSet(a, campaignId);
    const { adId, dispatch } = await h.allowAd(a, campaignId, adSetId, { status: "ACTIVE" });
    await h.land(dispatch);
    const adOnMeta = (await h.entityRow(adId)).platform_entity_id!;
    const on = { kind: "ad", id: adId } as const;
    const fresh = { primaryText: "Summer is here", linkUrl: "https://shop.example.com/summer", headline: "New", pageId: "1234567890" };
    // Writes land in the order they were accepted: the rename first.
    const rename = await h.allowEntityWrite(a, campaignId, on, "update_ad", { name: "Ad renamed" });
    const replace = await h.allowEntityWrite(a, campaignId, on, "replace_creative", { creative: fresh });
    await h.land(rename, replace);
    const newCreative = (await h.sbx.ledger({ account: a.actId })).filter(isCreativeCreate).at(-1)!;
    expect(newCreative.fields).toEqual({
      name: `layers:${adId}:${replace.intentId}`,
      object_story_spec: { page_id: "1234567890", link_data: { link: fresh.linkUrl, message: fresh.primaryText, name: "New" } },
    });
    expect(await h.entityRow(adId)).toMatchObject({ name: "Ad renamed", creative: { ...fresh, platformCreativeId: newCreative.objectId } });

    await h.land(await h.allowEntityWrite(a, campaignId, on, "prune_creative"));
    expect(await h.entityRow(adId)).toMatchObject({ status: "paused", attributes: { creativePruned: true } });
    await h.land(
      await h.allowEntityWrite(a, campaignId, on, "resume_ad"),
      await h.allowEntityWrite(a, campaignId, on, "archive_ad"),
      await h.allowEntityWrite(a, campaignId, on, "delete_ad"),
    );
    const updates = (await h.sbx.ledger({ objectId: adOnMeta })).filter((e) => e.op === "update").map((e) => e.fields);
    expect(updates).toEqual([
      { name: "Ad renamed" },
      { creative: { creative_id: newCreative.objectId } },
      { status: "PAUSED" },
      { status: "ACTIVE" },
      { status: "ARCHIVED" },
      { status: "DELETED" },
    ]);
    expect((await h.entityRow(adId)).status).toBe("deleted");
    expect((await h.sbx.ledger({ account: a.actId })).filter((e) => isAdCreate(e) && e.objectId === adOnMeta)).toHaveLength(1);
  });

  it("campaign writes - rename, bid strategy and schedule (stop_time) land and update the campaign row", async () => {
    const { campaignId, platformId } = await h.landCampaign(a, { dailyBudgetCents: 5000 });
    const start = "2030-05-01T00:00:00.000Z";
    const end = "2030-06-01T00:00:00.000Z";
    await h.land(
      await h.allowWrite(a, campaignId, "update_campaign", { name: "Campaign renamed" }),
      await h.allowWrite(a, campaignId, "update_bid", { bidStrategy: "LOWEST_COST_WITHOUT_CAP" }),
      await h.allowWrite(a, campaignId, "update_schedule", { startTime: start, endTime: end }),
    );
    const updates = (await h.sbx.ledger({ objectId: platformId })).filter((e) => e.op === "update").map((e) => e.fields);
    expect(updates).toEqual([{ name: "Campaign renamed" }, { bid_strategy: "LOWEST_COST_WITHOUT_CAP" }, { start_time: start, stop_time: end }]);
    const row = await h.env.db.selectFrom("campaigns").selectAll().where("id", "=", campaignId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: "Campaign renamed", bid_strategy: "LOWEST_COST_WITHOUT_CAP", daily_budget_cents: 5000 });
    expect([row.start_time, row.end_time]).toEqual([new Date(start), new Date(end)]);
    expect(await h.graph(a, platformId, "name,bid_strategy,stop_time")).toEqual({ id: platformId, name: "Campaign renamed", bid_strategy: "LOWEST_COST_WITHOUT_CAP", stop_time: "2030-06-01T00:00:00+0000" });
  });

  it("delete of an ad set already gone with its campaign - counts as landed, no mutation", async () => {
    const { campaignId } = await h.landCampaign(a);
    const { adSetId, platformId } = await h.landAdSet(a, campaignId);
    await h.land(await h.allowWrite(a, campaignId, "delete_campaign"));
    const del = await h.allowEntityWrite(a, campaignId, { kind: "adset", id: adSetId }, "delete_adset");
    await h.land(del);
    expect((await h.intent(del.intentId)).platform_result).toMatchObject({ platformId, reconciled: true });
    expect(await h.sbx.ledger({ objectId: platformId })).toHaveLength(1);
    expect((await h.entityRow(adSetId)).status).toBe("deleted");
  });

  it("refusals - Meta's and ours fail the write without a mutation", async () => {
    const { campaignId } = await h.landCampaign(a);
    const { adSetId } = await h.landAdSet(a, campaignId);
    const landed = (await h.sbx.ledger({ account: a.actId })).length;
    // Meta: an ad set under a campaign without budget needs its own.
    const noBudget = await h.allowAdSet(a, campaignId, { dailyBudgetCents: undefined });
    // Ours: a creative without a page, and targeting without countries.
    const noPage = await h.allowAd(a, campaignId, adSetId, { creative: { primaryText: "x", linkUrl: "https://e.com" } });
    const noGeo = await h.allowAdSet(a, campaignId, { targeting: { ageMin: 20 } });
    for (const d of [noBudget.dispatch, noPage.dispatch, noGeo.dispatch]) await h.publish(d);
    await h.waitForStates([noBudget.dispatch.intentId, noPage.dispatch.intentId, noGeo.dispatch.intentId], ["failed"]);
    expect((await h.intent(noBudget.dispatch.intentId)).failure_reason).toMatch(/^platform_rejected: .*daily_budget/);
    expect((await h.intent(noPage.dispatch.intentId)).failure_reason).toMatch(/^invalid_params: .*pageId/);
    expect((await h.intent(noGeo.dispatch.intentId)).failure_reason).toMatch(/^invalid_params: .*countries/);
    expect((await h.entityRow(noPage.adId)).platform_entity_id).toBeNull();
    expect(await h.sbx.ledger({ account: a.actId })).toHaveLength(landed);
  });
});
