import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StartedService } from "@layers/testkit";
import { APPLE_APIS, createHarness, type Harness, type SeededOrg } from "./test-support/harness.ts";

describe.each(APPLE_APIS)("dispatcher-apple (%s): ad groups and keywords", (api) => {
  let h: Harness;
  let app: StartedService;
  let a: SeededOrg;

  beforeAll(async () => {
    h = await createHarness(api);
    a = await h.seedOrg();
    app = await h.start();
  });
  afterAll(async () => {
    await app.stop();
    await h.cleanup();
  });

  it("ad group create - under its campaign, per tap, its default bid, start now, age and gender targeting", async () => {
    const { campaignId, dispatch: create } = await h.allowCreate(a);
    const before = Date.now();
    const { adGroupId, dispatch } = await h.allowAdGroup(a, campaignId, { name: "Runners 25-34", bidCents: 275, targeting: { ageMin: 25, ageMax: 34, genders: ["female"] } });
    await h.run([create, dispatch]);

    const campaign = await h.campaignRow(campaignId);
    const row = await h.entityRow(adGroupId);
    expect(row.platform_entity_id).toMatch(/^\d+$/);
    expect(row).toMatchObject({ kind: "adgroup", status: "active", bid_cents: 275, targeting: { ageMin: 25, ageMax: 34, genders: ["female"] }, attributes: { pricingModel: "CPC" } });
    expect(row.start_time!.getTime()).toBeGreaterThanOrEqual(before - 1000);

    const [entry, ...rest] = await h.sbx.ledger({ ...a.ledgerKey, objectId: row.platform_entity_id! });
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({
      op: "create",
      api,
      path: h.wire.adGroupCreatePath(campaign.platform_campaign_id!),
      fields: h.wire.adGroupCreate({
        campaignId: campaign.platform_campaign_id!, name: "Runners 25-34", bidMinor: 275, status: "ENABLED",
        dims: { age: { included: [{ minAge: 25, maxAge: 34 }] }, gender: { included: ["F"] } },
      }),
    });
    expect(entry!.fields.startTime).toBe(row.start_time!.toISOString().slice(0, 23));
    const intent = await h.intent(dispatch.intentId);
    expect(intent.platform_result).toMatchObject({ platformId: row.platform_entity_id, entityKind: "adgroup", entityId: adGroupId, campaignId, reconciled: false });
  });

  it("ad group rename, bid, schedule, targeting, pause, resume and delete", async () => {
    const t = await h.landedTree(a, { keyword: false, adGroup: { targeting: { ageMin: 18, ageMax: 24, genders: ["male"] } } });
    const on = { entityKind: "adgroup", entityId: t.adGroupId };
    const writes = [
      await h.allowWrite(a, t.campaignId, "update_adgroup", { ...on, name: `Walkers ${t.adGroupId.slice(-8)}` }),
      await h.allowWrite(a, t.campaignId, "update_bid", { ...on, bidCents: 320 }),
      await h.allowWrite(a, t.campaignId, "update_schedule", { ...on, startTime: "2031-04-01T00:00:00Z", endTime: "2031-05-01T00:00:00Z" }),
      // Names genders only: the age range stays as it was.
      await h.allowWrite(a, t.campaignId, "update_targeting", { ...on, targeting: { genders: ["female", "male"] } }),
      await h.allowWrite(a, t.campaignId, "pause_adgroup", on),
    ];
    await h.run(writes);

    const row = await h.entityRow(t.adGroupId);
    expect(row).toMatchObject({
      name: `Walkers ${t.adGroupId.slice(-8)}`, status: "paused", bid_cents: 320, start_time: new Date("2031-04-01T00:00:00Z"), end_time: new Date("2031-05-01T00:00:00Z"),
      targeting: { ageMin: 18, ageMax: 24, genders: ["female", "male"] },
    });
    const updates = (await h.sbx.ledger({ ...a.ledgerKey, objectId: t.appleAdGroupId })).filter((e) => e.op === "update");
    const path = h.wire.adGroupPath(t.appleCampaignId, t.appleAdGroupId);
    expect(updates.map((e) => [e.method, e.path, e.fields])).toEqual([
      ["PUT", path, { name: `Walkers ${t.adGroupId.slice(-8)}` }],
      ["PUT", path, h.wire.adGroupBid(320)],
      ["PUT", path, { startTime: "2031-04-01T00:00:00.000", endTime: "2031-05-01T00:00:00.000" }],
      ["PUT", path, h.wire.audience({ age: { included: [{ minAge: 18, maxAge: 24 }] }, gender: { included: ["F", "M"] } })],
      ["PUT", path, { status: "PAUSED" }],
    ]);
    expect(await h.apple.getAdGroup(t.appleCampaignId, t.appleAdGroupId, a.auth)).toMatchObject({
      status: "PAUSED",
      defaultBidAmount: h.wire.money(320),
      targetingDimensions: { age: { included: [{ minAge: 18, maxAge: 24 }] }, gender: { included: ["F", "M"] } },
    });

    const resume = await h.allowWrite(a, t.campaignId, "resume_adgroup", on);
    const del = await h.allowWrite(a, t.campaignId, "delete_adgroup", on);
    await h.run([resume, del]);
    const tail = (await h.sbx.ledger({ ...a.ledgerKey, objectId: t.appleAdGroupId })).slice(-2);
    expect(tail.map((e) => [e.op, e.fields])).toEqual([["update", { status: "ENABLED" }], ["delete", { deleted: true }]]);
    expect((await h.entityRow(t.adGroupId)).status).toBe("deleted");
    expect(await h.apple.getAdGroup(t.appleCampaignId, t.appleAdGroupId, a.auth)).toMatchObject({ deleted: true });
  });

  it("a targeting write keeps the dimensions Apple holds that Layers does not manage", async () => {
    const t = await h.landedTree(a, { keyword: false });
    // Someone adds device targeting in the Apple Ads UI.
    await h.apple.updateAdGroup(t.appleCampaignId, t.appleAdGroupId, { targetingDimensions: { deviceClass: { included: ["IPAD"] } } }, a.auth);
    const w = await h.allowWrite(a, t.campaignId, "update_targeting", { entityKind: "adgroup", entityId: t.adGroupId, targeting: { ageMin: 30 } });
    await h.run([w]);
    expect((await h.apple.getAdGroup(t.appleCampaignId, t.appleAdGroupId, a.auth)).targetingDimensions).toEqual({
      deviceClass: { included: ["IPAD"] },
      age: { included: [{ minAge: 30 }] },
    });
  });

  it("keyword create, bid, pause, resume and delete - one keyword per call (v5: bulk calls with one item)", async () => {
    const t = await h.landedTree(a, { keyword: false, campaign: { dailyBudgetCents: 10000 } });
    const { keywordId, dispatch } = await h.allowKeyword(a, t.campaignId, t.adGroupId, { text: "trail running shoes", matchType: "BROAD", bidCents: 120 });
    await h.run([dispatch]);
    const row = await h.entityRow(keywordId);
    expect(row).toMatchObject({ kind: "keyword", parent_id: t.adGroupId, name: "trail running shoes", status: "active", bid_cents: 120, attributes: { matchType: "BROAD" } });
    const kid = row.platform_entity_id!;
    expect(kid).toMatch(/^\d+$/);

    const on = { entityKind: "keyword", entityId: keywordId };
    const writes = [
      await h.allowWrite(a, t.campaignId, "update_bid", { ...on, bidCents: 95 }),
      await h.allowWrite(a, t.campaignId, "pause_keyword", on),
      await h.allowWrite(a, t.campaignId, "resume_keyword", on),
    ];
    await h.run(writes);
    expect(await h.entityRow(keywordId)).toMatchObject({ status: "active", bid_cents: 95 });
    const [live] = await h.apple.listKeywords(t.appleCampaignId, t.appleAdGroupId, a.auth);
    expect(live).toMatchObject({ id: kid, text: "trail running shoes", matchType: "BROAD", status: "ACTIVE", bidAmount: h.wire.money(95) });

    const del = await h.allowWrite(a, t.campaignId, "delete_keyword", on);
    await h.run([del]);
    const ledger = await h.sbx.ledger({ ...a.ledgerKey, objectId: kid });
    const W = h.wire;
    const [cid, gid] = [t.appleCampaignId, t.appleAdGroupId];
    expect(ledger.map((e) => [e.op, e.method, e.path, e.fields])).toEqual([
      ["create", "POST", W.keywordCreatePath(cid, gid), W.keywordCreate({ adGroupId: gid, text: "trail running shoes", matchType: "BROAD", status: "ACTIVE", bidMinor: 120 })],
      ["update", "PUT", W.keywordUpdatePath(cid, gid, kid), W.keywordBid(95)],
      ["update", "PUT", W.keywordUpdatePath(cid, gid, kid), W.keywordStatus("PAUSED")],
      ["update", "PUT", W.keywordUpdatePath(cid, gid, kid), W.keywordStatus("ACTIVE")],
      ["delete", "DELETE", W.keywordDeletePath(cid, gid, kid), { deleted: true }],
    ]);
    expect((await h.entityRow(keywordId)).status).toBe("deleted");
    expect(await h.apple.listKeywords(t.appleCampaignId, t.appleAdGroupId, a.auth)).toEqual([]);
  });

  it("refusals - an ad group without a bid, a child of a parent never on Apple, and Apple's own refusal fail once", async () => {
    const t = await h.landedTree(a, { keyword: false, campaign: { dailyBudgetCents: 500 } });
    const noBid = await h.allowAdGroup(a, t.campaignId, { bidCents: undefined });
    // Apple keeps a bid at or below the campaign's daily budget.
    const tooHigh = await h.allowAdGroup(a, t.campaignId, { bidCents: 600 });
    const before = await h.sbx.ledger(a.ledgerKey);
    await h.run([noBid.dispatch, tooHigh.dispatch], ["failed"]);
    // The refused ad group never reached Apple, so a keyword under it cannot either.
    const orphan = await h.allowKeyword(a, t.campaignId, tooHigh.adGroupId);
    await h.run([orphan.dispatch], ["failed"]);
    expect((await h.intent(noBid.dispatch.intentId)).failure_reason).toMatch(/^invalid_params: .*bidCents/);
    expect((await h.intent(tooHigh.dispatch.intentId)).failure_reason).toMatch(/^platform_rejected: defaultBidAmount cannot exceed/);
    expect((await h.intent(orphan.dispatch.intentId)).failure_reason).toMatch(/^entity_not_on_platform: adgroup /);
    expect(await h.sbx.ledger(a.ledgerKey)).toEqual(before);
  });
});
