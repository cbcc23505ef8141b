import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "@layers/contracts";
import type { StartedService } from "@layers/testkit";
import { APPLE_APIS, createHarness, type Harness, type SeededOrg } from "./test-support/harness.ts";

describe.each(APPLE_APIS)("dispatcher-apple (%s): campaigns", (api) => {
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

  it("create - lands once, PAUSED, with the app, countries, Apple's defaults and Money in the org currency", async () => {
    const W = h.wire;
    const { campaignId, dispatch } = await h.allowCreate(a, { name: "Spring installs", dailyBudgetCents: 4250, countriesOrRegions: ["US", "GB"] });
    await h.run([dispatch]);

    const row = await h.campaignRow(campaignId);
    expect(row.platform_campaign_id).toMatch(/^\d+$/);
    expect(row).toMatchObject({ status: "paused", daily_budget_cents: 4250, targeting: { countries: ["US", "GB"] } });
    expect(row.attributes).toMatchObject({ adamId: "1234567890", supplySources: ["APPSTORE_SEARCH_RESULTS"], billingEvent: "TAPS", adChannelType: "SEARCH" });

    const ledger = await h.sbx.ledger({ ...a.ledgerKey, objectId: row.platform_campaign_id! });
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({
      op: "create",
      method: "POST",
      api,
      path: W.campaignsPath,
      fields: W.campaignCreate({ name: "Spring installs", countries: ["US", "GB"], dailyMinor: 4250, status: "PAUSED" }),
    });
    const onApple = await h.apple.getCampaign(row.platform_campaign_id!, a.auth);
    expect(onApple).toMatchObject({ name: "Spring installs", status: "PAUSED", dailyBudgetAmount: W.money(4250), countriesOrRegions: ["US", "GB"], deleted: false });

    const intent = await h.intent(dispatch.intentId);
    expect(intent).toMatchObject({ state: "dispatched", attempts: 1 });
    expect(intent.platform_result).toMatchObject({ platformId: row.platform_campaign_id, platformCampaignId: row.platform_campaign_id, reconciled: false });
    const executed = (await h.events()).filter((e) => e.type === "ads.write.executed" && e.data.intentId === dispatch.intentId);
    expect(executed).toHaveLength(1);
    expect(executed[0]!.data).toMatchObject({ platform: "apple", operation: "create_campaign", campaignId, platformCampaignId: row.platform_campaign_id });
  });

  it("create - the partner's supply source, billing event, channel, strategy, start and ACTIVE status", async () => {
    const { campaignId, dispatch } = await h.allowCreate(a, {
      status: "ACTIVE", supplySources: ["APPSTORE_SEARCH_TAB"], billingEvent: "IMPRESSIONS", adChannelType: "DISPLAY",
      bidStrategy: "MANUAL_CPT", startTime: "2031-01-01T00:00:00Z",
    });
    await h.run([dispatch]);
    const row = await h.campaignRow(campaignId);
    expect(row).toMatchObject({ status: "active", bid_strategy: "MANUAL_CPT", start_time: new Date("2031-01-01T00:00:00Z"), attributes: { adChannelType: "DISPLAY" } });
    const [entry] = await h.sbx.ledger({ ...a.ledgerKey, objectId: row.platform_campaign_id! });
    expect(entry!.fields).toMatchObject(
      h.wire.campaignCreate({
        name: row.name, countries: ["US"], placements: ["APPSTORE_SEARCH_TAB"], dailyMinor: 5000, billingEvent: "IMPRESSIONS", status: "ENABLED",
        strategy: "MANUAL_CPT", startTime: "2031-01-01T00:00:00.000", channel: "DISPLAY",
      }),
    );
    // The Platform API has no adChannelType: it is implied by the placement, never sent.
    if (api === "platform") expect(entry!.fields).not.toHaveProperty("adChannelType");
  });

  it("rename, budget, bid, schedule, targeting, resume, pause and delete land in order, in the API's shape, and update the row", async () => {
    const W = h.wire;
    const { campaignId, dispatch: create } = await h.allowCreate(a, { dailyBudgetCents: 1000 });
    const writes = [
      create,
      await h.allowWrite(a, campaignId, "update_campaign", { name: `Renamed ${campaignId.slice(-8)}` }),
      await h.allowWrite(a, campaignId, "update_budget", { dailyBudgetCents: 7550 }),
      await h.allowWrite(a, campaignId, "update_bid", { bidStrategy: "MAX_CONVERSIONS" }),
      await h.allowWrite(a, campaignId, "update_schedule", { startTime: "2031-02-01T00:00:00Z", endTime: "2031-03-01T12:30:00Z" }),
      await h.allowWrite(a, campaignId, "update_targeting", { targeting: { countries: ["DE", "FR"] } }),
      await h.allowWrite(a, campaignId, "resume_campaign"),
      await h.allowWrite(a, campaignId, "pause_campaign"),
    ];
    await h.run(writes);

    const row = await h.campaignRow(campaignId);
    expect(row).toMatchObject({
      name: `Renamed ${campaignId.slice(-8)}`, status: "paused", daily_budget_cents: 7550, bid_strategy: "MAX_CONVERSIONS",
      start_time: new Date("2031-02-01T00:00:00Z"), end_time: new Date("2031-03-01T12:30:00Z"), targeting: { countries: ["DE", "FR"] },
    });
    const ledger = await h.sbx.ledger({ ...a.ledgerKey, objectId: row.platform_campaign_id! });
    const path = W.campaignPath(row.platform_campaign_id!);
    expect(ledger.map((e) => [e.op, e.method, e.path, e.fields])).toEqual([
      ["create", "POST", W.campaignsPath, expect.objectContaining(W.budget(1000))],
      ["update", "PUT", path, { name: `Renamed ${campaignId.slice(-8)}` }],
      ["update", "PUT", path, W.budget(7550)],
      ["update", "PUT", path, W.strategy("MAX_CONVERSIONS")],
      ["update", "PUT", path, { startTime: "2031-02-01T00:00:00.000", endTime: "2031-03-01T12:30:00.000" }],
      ["update", "PUT", path, W.countries(["DE", "FR"])],
      ["update", "PUT", path, { status: "ENABLED" }],
      ["update", "PUT", path, { status: "PAUSED" }],
    ]);
    expect(await h.apple.getCampaign(row.platform_campaign_id!, a.auth)).toMatchObject({ countriesOrRegions: ["DE", "FR"], biddingStrategy: "MAX_CONVERSIONS", endTime: "2031-03-01T12:30:00.000" });

    const del = await h.allowWrite(a, campaignId, "delete_campaign");
    await h.run([del]);
    expect((await h.sbx.ledger({ ...a.ledgerKey, objectId: row.platform_campaign_id! })).at(-1)).toMatchObject({ op: "delete", method: "DELETE", path, fields: { deleted: true } });
    expect((await h.campaignRow(campaignId)).status).toBe("deleted");
    expect(await h.apple.getCampaign(row.platform_campaign_id!, a.auth)).toMatchObject({ deleted: true, displayStatus: "DELETED" });
    expect((await h.intent(del.intentId)).platform_result).toMatchObject({ reconciled: false });
  });

  it("refusals - Apple's own, what Apple cannot take, unsupported operations and campaigns never on Apple fail once and change nothing on Apple", async () => {
    const noApp = await h.allowCreate(a, { adamId: undefined });
    const lifetime = await h.allowCreate(a, { dailyBudgetCents: undefined, lifetimeBudgetCents: 90000 });
    const { campaignId } = await h.landedTree(a, { keyword: false });
    const archive = await h.allowWrite(a, campaignId, "archive_campaign");
    // Apple keeps the daily budget at or above every ad group's bid (150 here).
    const tooLow = await h.allowWrite(a, campaignId, "update_budget", { dailyBudgetCents: 100 });
    const ghost = newId("campaign");
    await h.env.db
      .insertInto("campaigns")
      .values({ id: ghost, project_id: a.projectId, layer_id: a.layerId, ad_account_id: a.adAccountId, platform: "apple", name: "ghost", status: "pending", origin: "layers" })
      .execute();
    const ghostPause = await h.allowWrite(a, ghost, "pause_campaign");
    const before = await h.sbx.ledger(a.ledgerKey);
    const all = [noApp.dispatch, lifetime.dispatch, archive, tooLow, ghostPause];
    await h.run(all, ["failed"]);

    const reasons = await Promise.all(all.map(async (d) => (await h.intent(d.intentId)).failure_reason));
    expect(reasons[0]).toMatch(/^invalid_params: .*adamId/);
    expect(reasons[1]).toMatch(/^invalid_params: .*daily budget only/);
    expect(reasons[2]).toMatch(/^unsupported_operation: /);
    expect(reasons[3]).toMatch(/^platform_rejected: dailyBudgetAmount must be at least/);
    expect(reasons[4]).toMatch(/^entity_not_on_platform: /);
    const job = await h.env.db.selectFrom("jobs").selectAll().where("id", "=", tooLow.jobId).executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: "failed", error: expect.objectContaining({ code: "PLATFORM_ERROR", reason: "platform_rejected" }) });
    expect(await h.sbx.ledger(a.ledgerKey)).toEqual(before);
    expect((await h.campaignRow(noApp.campaignId)).platform_campaign_id).toBeNull();
    expect(await h.env.db.selectFrom("dead_letters").selectAll().execute()).toEqual([]);
  });
});
