import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { APPLE_APIS, countingFetch, createHarness, waitFor, type Harness } from "./test-support/harness.ts";

describe.each(APPLE_APIS)("dispatcher-apple (%s): exactly once under faults", (api) => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness(api);
  });
  afterEach(async () => {
    await h.stopApps();
    await h.sbx.clearAppleFaults();
  });
  afterAll(async () => h.cleanup());

  it("redelivery and replay - a landed write is skipped and never reaches Apple again", async () => {
    await h.start();
    const a = await h.seedOrg();
    const t = await h.landedTree(a);
    const pause = await h.allowWrite(a, t.campaignId, "pause_keyword", { entityKind: "keyword", entityId: t.keywordId });
    await h.run([pause]);
    const before = await h.sbx.ledger(a.ledgerKey);

    const dup = await h.publish(pause);
    expect(dup.duplicate).toBe(true);
    await h.publish(pause, `${pause.intentId}:replay-1`);
    const last = await h.publish(pause, `${pause.intentId}:replay-2`);
    // Both replays were taken and acked (skipped as already landed), not left waiting.
    const { streams, consumers } = h.env.names;
    await waitFor(async () => (await h.env.nats.jsm.consumers.info(streams.dispatch, consumers.dispatcher("apple"))).ack_floor.stream_seq >= last.seq || undefined);
    expect(await h.sbx.ledger(a.ledgerKey)).toEqual(before);
    expect((await h.intent(pause.intentId)).attempts).toBe(1);
  });

  it("5xx - transient failures are retried until the write lands exactly once", async () => {
    await h.start();
    const a = await h.seedOrg();
    // More than one delivery's quick retries, so the message also goes back to the stream.
    await h.sbx.setAppleFaults({ orgId: a.orgId, fail5xx: 5 });
    const { campaignId, dispatch } = await h.allowCreate(a);
    await h.run([dispatch]);
    expect((await h.intent(dispatch.intentId)).attempts).toBeGreaterThan(1);
    const creates = (await h.sbx.ledger(a.ledgerKey)).filter((e) => e.op === "create");
    expect(creates).toHaveLength(1);
    expect((await h.campaignRow(campaignId)).platform_campaign_id).toBe(creates[0]!.objectId);
  });

  it.each([
    ["campaign", 0],
    ["ad group", 1],
    ["keyword", 2],
  ] as const)("failAfterApply - %s create: the lost answer is found by name (keywords: text + match type), not created twice", async (_what, index) => {
    await h.start();
    const a = await h.seedOrg();
    // Each write is allowed only once the one before it landed: an allowed write waiting behind
    // another is handed on as soon as that one lands, before the fault below is set.
    const c = await h.allowCreate(a);
    if (index > 0) await h.run([c.dispatch]);
    const g = index >= 1 ? await h.allowAdGroup(a, c.campaignId) : undefined;
    if (index > 1) await h.run([g!.dispatch]);
    const k = index >= 2 ? await h.allowKeyword(a, c.campaignId, g!.adGroupId) : undefined;
    const writes = [c.dispatch, g?.dispatch, k?.dispatch];
    // Lose the answer to the create under test.
    await h.sbx.setAppleFaults({ orgId: a.orgId, failAfterApply: 1 });
    await h.run([writes[index]!]);

    const creates = (await h.sbx.ledger(a.ledgerKey)).filter((e) => e.op === "create");
    expect(creates).toHaveLength(index + 1);
    const landed = creates[index]!.objectId;
    const row = index === 0 ? (await h.campaignRow(c.campaignId)).platform_campaign_id : (await h.entityRow(index === 1 ? g!.adGroupId : k!.keywordId)).platform_entity_id;
    expect(row).toBe(landed);
    expect((await h.intent(writes[index]!.intentId)).platform_result).toMatchObject({ platformId: landed, reconciled: true });
  });

  it("failAfterApply across deliveries - the next claim reads Apple and skips updates and deletes it already holds", async () => {
    // No quick retries: the lost answer ends this delivery, and the redelivery's claim (attempt 2) reconciles.
    await h.start({ config: { QUICK_RETRIES: "0" } });
    const a = await h.seedOrg();
    const t = await h.landedTree(a);
    const onGroup = { entityKind: "adgroup", entityId: t.adGroupId };
    const onKeyword = { entityKind: "keyword", entityId: t.keywordId };
    // Allowed one at a time (see above): each gets its own lost answer.
    const writes = [
      () => h.allowWrite(a, t.campaignId, "update_budget", { dailyBudgetCents: 3300 }),
      () => h.allowWrite(a, t.campaignId, "update_targeting", { ...onGroup, targeting: { genders: ["female"] } }),
      () => h.allowWrite(a, t.campaignId, "update_bid", { ...onKeyword, bidCents: 90 }),
      () => h.allowWrite(a, t.campaignId, "delete_keyword", onKeyword),
      () => h.allowWrite(a, t.campaignId, "delete_adgroup", onGroup),
    ];
    const start = (await h.sbx.ledger(a.ledgerKey)).length;
    for (const allow of writes) {
      const w = await allow();
      await h.sbx.setAppleFaults({ orgId: a.orgId, failAfterApply: 1 });
      await h.run([w]);
      expect(await h.intent(w.intentId)).toMatchObject({ state: "dispatched", attempts: 2, platform_result: expect.objectContaining({ reconciled: true }) });
    }
    const after = (await h.sbx.ledger(a.ledgerKey)).slice(start);
    expect(after.map((e) => [e.op, e.objectId])).toEqual([
      ["update", t.appleCampaignId],
      ["update", t.appleAdGroupId],
      ["update", t.appleKeywordId],
      ["delete", t.appleKeywordId],
      ["delete", t.appleAdGroupId],
    ]);
    expect(await h.entityRow(t.adGroupId)).toMatchObject({ status: "deleted", targeting: { genders: ["female"] } });
    expect((await h.campaignRow(t.campaignId)).daily_budget_cents).toBe(3300);
  });

  it("a delete of an object already deleted outside Layers counts as landed", async () => {
    await h.start();
    const a = await h.seedOrg();
    const t = await h.landedTree(a);
    await h.apple.deleteKeyword(t.appleCampaignId, t.appleAdGroupId, t.appleKeywordId!, a.auth);
    const del = await h.allowWrite(a, t.campaignId, "delete_keyword", { entityKind: "keyword", entityId: t.keywordId });
    await h.run([del]);
    expect(await h.intent(del.intentId)).toMatchObject({ attempts: 1, platform_result: expect.objectContaining({ reconciled: true, platformId: t.appleKeywordId }) });
    expect((await h.entityRow(t.keywordId!)).status).toBe("deleted");
  });

  it("expired token - jobs fail, the account is marked once, one event, and no retry storm", async () => {
    const counter = countingFetch();
    await h.start({ fetch: counter.fetch, config: { DISPATCH_CONCURRENCY: "1" } });
    const a = await h.seedOrg();
    await h.sbx.setAppleFaults({ orgId: a.orgId, expiredToken: true });
    const writes = [(await h.allowCreate(a)).dispatch, (await h.allowCreate(a)).dispatch, (await h.allowCreate(a)).dispatch];
    await h.run(writes, ["failed"]);

    expect(counter.calls()).toBe(1);
    for (const d of writes) {
      expect((await h.intent(d.intentId)).failure_reason).toMatch(/^token_expired: /);
      const job = await h.env.db.selectFrom("jobs").selectAll().where("id", "=", d.jobId).executeTakeFirstOrThrow();
      expect(job).toMatchObject({ status: "failed", error: expect.objectContaining({ code: "PLATFORM_ERROR", reason: "token_expired" }) });
    }
    expect((await h.env.db.selectFrom("ad_accounts").select("status").where("id", "=", a.adAccountId).executeTakeFirstOrThrow()).status).toBe("token_expired");
    const expired = (await h.events()).filter((e) => e.type === "ads.account.token_expired" && e.data.adAccountId === a.adAccountId);
    expect(expired).toHaveLength(1);
    expect(expired[0]!.data).toMatchObject({ organizationId: a.organizationId, platform: "apple" });
    expect(await h.sbx.ledger(a.ledgerKey)).toEqual([]);
  });

  it("throttle - short 429s are waited out in the handler and the write lands once", async () => {
    await h.start();
    const a = await h.seedOrg();
    const t = await h.landedTree(a, { keyword: false });
    await h.sbx.setAppleFaults({ orgId: a.orgId, throttle: 2, throttleRegainMinutes: 0 });
    const bid = await h.allowWrite(a, t.campaignId, "update_bid", { entityKind: "adgroup", entityId: t.adGroupId, bidCents: 200 });
    await h.run([bid]);
    const updates = (await h.sbx.ledger({ ...a.ledgerKey, objectId: t.appleAdGroupId })).filter((e) => e.op === "update");
    expect(updates.map((e) => e.fields)).toEqual([h.wire.adGroupBid(200)]);
    expect((await h.intent(bid.intentId)).attempts).toBe(1);
  });

  it("throttle - a long Retry-After pauses the org's writes in Postgres instead of hammering Apple; the write lands once it passes", async () => {
    const counter = countingFetch();
    await h.start({ fetch: counter.fetch });
    const a = await h.seedOrg();
    await h.sbx.setAppleFaults({ orgId: a.orgId, throttle: 1, throttleRegainMinutes: 1 });
    const { dispatch } = await h.allowCreate(a);
    await h.publish(dispatch);
    // Back to `allowed` with its attempt kept (a call was made), waiting for the org's call budget.
    await waitFor(async () => {
      const i = await h.intent(dispatch.intentId);
      return i.state === "allowed" && i.attempts === 1;
    });
    const budget = await h.env.db.selectFrom("call_budgets").selectAll().where("platform", "=", "apple").where("account_key", "=", a.platformAccountId).executeTakeFirstOrThrow();
    expect(budget.paused_until!.getTime()).toBeGreaterThan(Date.now() + 50_000);
    // A replay (new msg id) during the pause makes no call: the org is paused, not the message.
    await h.publish(dispatch, `${dispatch.intentId}:after-throttle`);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(counter.calls()).toBe(1);
    // The Retry-After passing (played by moving the pause) lets the budget waker publish it: it lands once.
    await h.env.db.updateTable("call_budgets").set({ paused_until: new Date() }).where("platform", "=", "apple").where("account_key", "=", a.platformAccountId).execute();
    await h.waitForStates([dispatch.intentId], ["dispatched"]);
    expect(await h.sbx.ledger(a.ledgerKey)).toHaveLength(1);
  });
});
