import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createHarness, countingFetch, type Harness } from "./test-support/harness.ts";

describe("dispatcher-tiktok: platform faults", () => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.stopApps();
    await h.sbx.clearTiktokFaults();
  });
  afterAll(async () => h.cleanup());

  it("failAfterApply - a campaign create whose answer was lost is resolved by its request_id, not created twice", async () => {
    await h.start();
    const a = await h.seedAccount();
    await h.sbx.setFaults({ platform: "tiktok", account: a.advertiserId, failAfterApply: 1 });
    const { campaignId, dispatch } = await h.allowCreateCampaign(a);
    await h.land([dispatch]);
    const creates = (await h.ledger(a)).filter((e) => e.op === "create");
    expect(creates).toHaveLength(1);
    expect((await h.campaignRow(campaignId)).platform_campaign_id).toBe(creates[0]!.objectId);
    expect((await h.intent(dispatch.intentId)).platform_result).toMatchObject({ reconciled: true, platformId: creates[0]!.objectId });
  });

  it("failAfterApply - an ad create (no request_id on TikTok) finds its ad by name under its ad group", async () => {
    await h.start();
    const a = await h.seedAccount();
    const t = await h.landedTree(a, { withAd: true });
    await h.sbx.setFaults({ platform: "tiktok", account: a.advertiserId, failAfterApply: 1 });
    // Same name as the ad already there: that one is held by a Layers row, so only the new ad can be adopted.
    const sameName = (await h.entityRow(t.adId!)).name;
    const { adId, dispatch } = await h.allowCreateAd(a, t.campaignId, t.adgroupId, { name: sameName });
    await h.land([dispatch]);
    const adCreates = (await h.ledger(a)).filter((e) => e.op === "create" && e.path.endsWith("/ad/create/"));
    expect(adCreates).toHaveLength(2);
    expect((await h.entityRow(adId)).platform_entity_id).toBe(adCreates[1]!.objectId);
    expect((await h.intent(dispatch.intentId)).platform_result).toMatchObject({ reconciled: true });
  });

  it("failAfterApply across deliveries - the next claim reads the ad group and skips writes TikTok already holds", async () => {
    // No quick retries: the lost answer ends the delivery, and the redelivery's claim (attempt 2) reconciles.
    await h.start({ config: { QUICK_RETRIES: "0" } });
    const a = await h.seedAccount();
    const t = await h.landedTree(a, { withAd: true });
    const on = { entityKind: "adgroup", entityId: t.adgroupId };
    await h.sbx.setFaults({ platform: "tiktok", account: a.advertiserId, failAfterApply: 3 });
    const writes = [
      await h.allowWrite(a, t.campaignId, "update_targeting", { ...on, targeting: { locationIds: ["1861060", "6252001"] } }),
      await h.allowWrite(a, t.campaignId, "pause_adgroup", on),
      await h.allowWrite(a, t.campaignId, "delete_ad", { entityKind: "ad", entityId: t.adId }),
    ];
    await h.land(writes);
    expect((await h.ledger(a, t.platformAdgroupId)).slice(1).map((e) => e.fields)).toEqual([
      { location_ids: ["1861060", "6252001"] },
      { operation_status: "DISABLE" },
    ]);
    expect((await h.ledger(a, t.platformAdId)).filter((e) => e.op === "delete")).toHaveLength(1);
    for (const w of writes) expect(await h.intent(w.intentId)).toMatchObject({ attempts: 2, platform_result: expect.objectContaining({ reconciled: true }) });
    expect(await h.entityRow(t.adId!)).toMatchObject({ status: "deleted" });
  });

  it("5xx - transient failures are retried until the write lands exactly once", async () => {
    await h.start();
    const a = await h.seedAccount();
    // More refusals than one delivery's quick retries, so the message also goes back to the stream.
    await h.sbx.setFaults({ platform: "tiktok", account: a.advertiserId, fail5xx: 5 });
    const { dispatch } = await h.allowCreateCampaign(a);
    await h.land([dispatch]);
    expect((await h.intent(dispatch.intentId)).attempts).toBeGreaterThan(1);
    expect((await h.ledger(a)).filter((e) => e.op === "create")).toHaveLength(1);
  });

  it("throttle - code 40100 defers the write to the stream and it lands later, once", async () => {
    const counter = countingFetch();
    await h.start({ fetch: counter.fetch });
    const a = await h.seedAccount();
    const t = await h.landedTree(a);
    const callsBefore = counter.calls();
    // Three throttles outlast one delivery (a call and two quick retries): the intent is released and deferred.
    await h.sbx.setFaults({ platform: "tiktok", account: a.advertiserId, throttle: 3 });
    const bid = await h.allowWrite(a, t.campaignId, "update_bid", { entityKind: "adgroup", entityId: t.adgroupId, bidCents: 300 });
    await h.land([bid]);
    // Attempt 1 spent its quick retries on throttles and gave the write back; attempt 2 landed it.
    expect((await h.intent(bid.intentId)).attempts).toBe(2);
    // Three throttled calls, then attempt 2 (a second claim, so it reads first) reads and calls once.
    expect(counter.calls() - callsBefore).toBe(5);
    expect((await h.ledger(a, t.platformAdgroupId)).filter((e) => e.op === "update").map((e) => e.fields)).toEqual([{ bid_price: 3 }]);
  });

  it("expired token - jobs fail, the account is marked once, one event, and no retry storm", async () => {
    const counter = countingFetch();
    await h.start({ fetch: counter.fetch, config: { DISPATCH_CONCURRENCY: "1" } });
    const a = await h.seedAccount();
    await h.sbx.setFaults({ platform: "tiktok", account: a.advertiserId, expiredToken: true });
    const writes = [(await h.allowCreateCampaign(a)).dispatch, (await h.allowCreateCampaign(a)).dispatch, (await h.allowCreateCampaign(a)).dispatch];
    await h.land(writes, ["failed"]);

    expect(counter.calls()).toBe(1);
    for (const d of writes) {
      expect((await h.intent(d.intentId)).failure_reason).toMatch(/^token_expired: /);
      const job = await h.env.db.selectFrom("jobs").selectAll().where("id", "=", d.jobId).executeTakeFirstOrThrow();
      expect(job).toMatchObject({ status: "failed", error: expect.objectContaining({ code: "PLATFORM_ERROR", reason: "token_expired" }) });
    }
    const acct = await h.env.db.selectFrom("ad_accounts").select("status").where("id", "=", a.adAccountId).executeTakeFirstOrThrow();
    expect(acct.status).toBe("token_expired");
    const expired = (await h.events()).filter((e) => e.type === "ads.account.token_expired");
    expect(expired).toHaveLength(1);
    expect(expired[0]!.data).toMatchObject({ organizationId: a.organizationId, adAccountId: a.adAccountId, platform: "tiktok" });
    expect(await h.ledger(a)).toEqual([]);
  });
});
