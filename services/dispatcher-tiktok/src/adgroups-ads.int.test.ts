import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, type SeededAdvertiser } from "./test-support/harness.ts";
import { tiktokRequestId } from "./tiktok/index.ts";

const wire = (path: string) => path.replace("/open_api/v1.3", "");

describe("dispatcher-tiktok: ad groups and ads", () => {
  let h: Harness;
  let a: SeededAdvertiser;

  beforeAll(async () => {
    h = await createHarness();
    a = await h.seedAccount();
    await h.start();
  });
  afterAll(async () => h.cleanup());

  it("ad group create - budget, bid, schedule and locations land in TikTok's spelling and the row in contract units", async () => {
    const c = await h.allowCreateCampaign(a);
    const full = await h.allowCreateAdgroup(a, c.campaignId, {
      name: "US and JP", status: "PAUSED", dailyBudgetCents: 2550, bidCents: 150, billingEvent: "CPC", optimizationGoal: "CLICK",
      startTime: "2030-01-01T09:00:00+09:00", endTime: "2030-03-01T00:00:00Z", targeting: { locationIds: ["6252001", "1861060"] },
    });
    const plain = await h.allowCreateAdgroup(a, c.campaignId, { dailyBudgetCents: 2000 });
    const before = Date.now();
    await h.land([c.dispatch, full.dispatch, plain.dispatch]);
    const campaignPid = (await h.campaignRow(c.campaignId)).platform_campaign_id!;

    const row = await h.entityRow(full.adgroupId);
    expect(row.platform_entity_id).toMatch(/^\d{19}$/);
    expect(row).toMatchObject({
      kind: "adgroup", status: "paused", daily_budget_cents: 2550, lifetime_budget_cents: null, bid_cents: 150,
      start_time: new Date("2030-01-01T00:00:00Z"), end_time: new Date("2030-03-01T00:00:00Z"), targeting: { locationIds: ["6252001", "1861060"] },
    });
    const [create] = await h.ledger(a, row.platform_entity_id!);
    expect(create).toMatchObject({ op: "create", path: "/open_api/v1.3/adgroup/create/" });
    expect(create!.fields).toEqual({
      campaign_id: campaignPid, adgroup_name: "US and JP", placement_type: "PLACEMENT_TYPE_AUTOMATIC", location_ids: ["6252001", "1861060"],
      billing_event: "CPC", optimization_goal: "CLICK", bid_type: "BID_TYPE_CUSTOM", bid_price: 1.5,
      schedule_type: "SCHEDULE_START_END", schedule_start_time: "2030-01-01 00:00:00", schedule_end_time: "2030-03-01 00:00:00",
      budget_mode: "BUDGET_MODE_DAY", budget: 25.5, pacing: "PACING_MODE_SMOOTH", operation_status: "DISABLE", request_id: tiktokRequestId(full.dispatch.intentId),
    });

    // Defaults: start now (to the second), open-ended, OCPM, active.
    const plainRow = await h.entityRow(plain.adgroupId);
    expect(plainRow).toMatchObject({ status: "active", daily_budget_cents: 2000, bid_cents: null, end_time: null });
    expect(plainRow.start_time!.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(plainRow.start_time!.getTime() % 1000).toBe(0);
    expect(await h.read.adgroup(a, plainRow.platform_entity_id!)).toMatchObject({
      campaign_id: campaignPid, billing_event: "OCPM", schedule_type: "SCHEDULE_FROM_NOW", operation_status: "ENABLE",
      schedule_start_time: plainRow.start_time!.toISOString().slice(0, 19).replace("T", " "),
    });
    expect((await h.intent(full.dispatch.intentId)).platform_result).toMatchObject({ entityKind: "adgroup", entityId: full.adgroupId, platformId: row.platform_entity_id });
  });

  it("ad group writes - rename, budget, bid, end time, locations, pause, resume and delete, in order", async () => {
    const t = await h.landedTree(a);
    const on = { entityKind: "adgroup", entityId: t.adgroupId };
    const writes = [
      await h.allowWrite(a, t.campaignId, "update_adgroup", { ...on, name: "Renamed group" }),
      await h.allowWrite(a, t.campaignId, "update_budget", { ...on, dailyBudgetCents: 3075 }),
      await h.allowWrite(a, t.campaignId, "update_bid", { ...on, bidCents: 205 }),
      await h.allowWrite(a, t.campaignId, "update_schedule", { ...on, endTime: "2031-12-31T23:59:59Z" }),
      await h.allowWrite(a, t.campaignId, "update_targeting", { ...on, targeting: { locationIds: ["2635167"] } }),
      await h.allowWrite(a, t.campaignId, "pause_adgroup", on),
      await h.allowWrite(a, t.campaignId, "resume_adgroup", on),
    ];
    await h.land(writes);
    const pid = t.platformAdgroupId;
    expect((await h.ledger(a, pid)).slice(1).map((e) => [wire(e.path), e.op, e.fields])).toEqual([
      ["/adgroup/update/", "update", { adgroup_name: "Renamed group" }],
      ["/adgroup/update/", "update", { budget: 30.75 }],
      ["/adgroup/update/", "update", { bid_price: 2.05 }],
      ["/adgroup/update/", "update", { schedule_type: "SCHEDULE_START_END", schedule_end_time: "2031-12-31 23:59:59" }],
      ["/adgroup/update/", "update", { location_ids: ["2635167"] }],
      ["/adgroup/status/update/", "update", { operation_status: "DISABLE" }],
      ["/adgroup/status/update/", "update", { operation_status: "ENABLE" }],
    ]);
    expect(await h.read.adgroup(a, pid)).toMatchObject({
      adgroup_name: "Renamed group", budget: 30.75, bid_price: 2.05, schedule_type: "SCHEDULE_START_END", schedule_end_time: "2031-12-31 23:59:59",
      location_ids: ["2635167"], operation_status: "ENABLE",
    });
    expect(await h.entityRow(t.adgroupId)).toMatchObject({
      name: "Renamed group", status: "active", daily_budget_cents: 3075, bid_cents: 205, end_time: new Date("2031-12-31T23:59:59Z"), targeting: { locationIds: ["2635167"] },
    });

    const del = await h.allowWrite(a, t.campaignId, "delete_adgroup", on);
    await h.land([del]);
    expect((await h.ledger(a, pid)).at(-1)).toMatchObject({ op: "delete", path: "/open_api/v1.3/adgroup/status/update/", fields: { operation_status: "DELETE" } });
    expect((await h.read.adgroup(a, pid))?.operation_status).toBe("DELETE");
    expect((await h.entityRow(t.adgroupId)).status).toBe("deleted");
  });

  it("ad group money in JPY - a lifetime budget with its end date and a bid, in whole yen", async () => {
    const jpy = await h.seedAccount({ currency: "JPY" });
    const c = await h.allowCreateCampaign(jpy);
    const g = await h.allowCreateAdgroup(jpy, c.campaignId, { dailyBudgetCents: undefined, lifetimeBudgetCents: 90000, bidCents: 35, endTime: "2031-01-31T00:00:00Z" });
    const budget = await h.allowWrite(jpy, c.campaignId, "update_budget", { entityKind: "adgroup", entityId: g.adgroupId, lifetimeBudgetCents: 120000 });
    await h.land([c.dispatch, g.dispatch, budget]);
    const row = await h.entityRow(g.adgroupId);
    expect(row).toMatchObject({ lifetime_budget_cents: 120000, daily_budget_cents: null, bid_cents: 35 });
    expect((await h.ledger(jpy, row.platform_entity_id!)).map((e) => [e.fields.budget_mode, e.fields.budget, e.fields.bid_price])).toEqual([
      ["BUDGET_MODE_TOTAL", 90000, 35],
      [undefined, 120000, undefined],
    ]);
  });

  it("ads - create_ad and push_creative make ads with TikTok's creative fields", async () => {
    const t = await h.landedTree(a);
    const created = await h.allowCreateAd(a, t.campaignId, t.adgroupId, { name: "Spring video", status: "PAUSED" });
    const pushed = await h.allowCreateAd(
      a, t.campaignId, t.adgroupId,
      { name: "Pushed creative", creative: { primaryText: "New angle", linkUrl: "https://example.com/new", callToAction: "INSTALL_MOBILE_APP", videoId: "v_202" } },
      "push_creative",
    );
    await h.land([created.dispatch, pushed.dispatch]);

    const row = await h.entityRow(created.adId);
    expect(row).toMatchObject({ kind: "ad", status: "paused", parent_id: t.adgroupId, creative: { primaryText: "Try it today", videoId: "v_101" } });
    expect((await h.ledger(a, row.platform_entity_id!)).map((e) => [wire(e.path), e.op, e.fields])).toEqual([
      ["/ad/create/", "create", {
        adgroup_id: t.platformAdgroupId, ad_name: "Spring video", operation_status: "DISABLE", ad_text: "Try it today",
        landing_page_url: "https://example.com/landing", call_to_action: "LEARN_MORE", ad_format: "SINGLE_VIDEO", video_id: "v_101",
      }],
    ]);
    const pushedRow = await h.entityRow(pushed.adId);
    expect(pushedRow).toMatchObject({ status: "active", creative: { primaryText: "New angle", callToAction: "INSTALL_MOBILE_APP" } });
    expect(await h.read.ad(a, pushedRow.platform_entity_id!)).toMatchObject({
      ad_name: "Pushed creative", adgroup_id: t.platformAdgroupId, campaign_id: t.platformCampaignId, operation_status: "ENABLE",
      ad_text: "New angle", landing_page_url: "https://example.com/new", call_to_action: "INSTALL_NOW", video_id: "v_202",
    });
    expect((await h.intent(pushed.dispatch.intentId)).platform_result).toMatchObject({ operation: "push_creative", entityKind: "ad", entityId: pushed.adId });
  });

  it("ad writes - rename, pause, resume, replace_creative, prune_creative and delete, in order", async () => {
    const t = await h.landedTree(a, { withAd: true });
    const on = { entityKind: "ad", entityId: t.adId };
    const newCreative = { primaryText: "Fresh words", linkUrl: "https://example.com/fresh", callToAction: "SHOP_NOW", videoId: "v_303" };
    const writes = [
      await h.allowWrite(a, t.campaignId, "update_ad", { ...on, name: "Renamed ad" }),
      await h.allowWrite(a, t.campaignId, "pause_ad", on),
      await h.allowWrite(a, t.campaignId, "resume_ad", on),
      await h.allowWrite(a, t.campaignId, "replace_creative", { ...on, creative: newCreative }),
    ];
    await h.land(writes);
    expect(await h.entityRow(t.adId!)).toMatchObject({ name: "Renamed ad", status: "active", creative: newCreative });
    const prune = await h.allowWrite(a, t.campaignId, "prune_creative", on);
    await h.land([prune]);
    expect(await h.entityRow(t.adId!)).toMatchObject({ status: "paused", creative: newCreative, attributes: { creativePruned: true } });
    expect(await h.read.ad(a, t.platformAdId!)).toMatchObject({ ad_name: "Renamed ad", ad_text: "Fresh words", call_to_action: "SHOP_NOW", video_id: "v_303", operation_status: "DISABLE" });

    const del = await h.allowWrite(a, t.campaignId, "delete_ad", on);
    await h.land([del]);
    expect((await h.ledger(a, t.platformAdId!)).slice(1).map((e) => [wire(e.path), e.op, e.fields])).toEqual([
      ["/ad/update/", "update", { ad_name: "Renamed ad" }],
      ["/ad/status/update/", "update", { operation_status: "DISABLE" }],
      ["/ad/status/update/", "update", { operation_status: "ENABLE" }],
      ["/ad/update/", "update", { ad_text: "Fresh words", landing_page_url: "https://example.com/fresh", call_to_action: "SHOP_NOW", ad_format: "SINGLE_VIDEO", video_id: "v_303" }],
      ["/ad/status/update/", "update", { operation_status: "DISABLE" }],
      ["/ad/status/update/", "delete", { operation_status: "DELETE" }],
    ]);
    expect((await h.entityRow(t.adId!)).status).toBe("deleted");
    expect((await h.read.ad(a, t.platformAdId!))?.operation_status).toBe("DELETE");
  });

  it("refusals below campaign level - a creative TikTok cannot show and a budget mode TikTok cannot switch fail before any call", async () => {
    const t = await h.landedTree(a);
    const headline = await h.allowCreateAd(a, t.campaignId, t.adgroupId, { creative: { primaryText: "x", linkUrl: "https://example.com", headline: "Big" } });
    const lifetime = await h.allowWrite(a, t.campaignId, "update_budget", { entityKind: "adgroup", entityId: t.adgroupId, lifetimeBudgetCents: 90000 });
    const before = await h.ledger(a);
    await h.land([headline.dispatch, lifetime], ["failed"]);
    expect((await h.intent(headline.dispatch.intentId)).failure_reason).toMatch(/^invalid_params: creative\.headline: TikTok in-feed ads have no headline/);
    expect((await h.intent(lifetime.intentId)).failure_reason).toMatch(/^invalid_params: adgroup ag_\w+ has a daily budget; TikTok cannot switch it to lifetime/);
    expect(await h.ledger(a)).toEqual(before);
  });
});
