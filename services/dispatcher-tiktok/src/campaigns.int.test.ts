import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "@layers/contracts";
import { createHarness, waitFor, type Harness, type SeededAdvertiser } from "./test-support/harness.ts";
import { fromTikTokAmount, tiktokRequestId } from "./tiktok/index.ts";

describe("dispatcher-tiktok: campaigns", () => {
  let h: Harness;
  let a: SeededAdvertiser;

  beforeAll(async () => {
    h = await createHarness();
    a = await h.seedAccount();
    await h.start();
  });
  afterAll(async () => h.cleanup());

  it("create - lands once with the mapped objective, budget mode, status and request_id", async () => {
    const { campaignId, dispatch } = await h.allowCreateCampaign(a, { name: "Spring", outcome: "conversions", dailyBudgetCents: 5050, specialIndustries: ["HOUSING"] });
    await h.land([dispatch]);

    const row = await h.campaignRow(campaignId);
    expect(row.platform_campaign_id).toMatch(/^\d{19}$/);
    expect(row).toMatchObject({ status: "paused", objective: "WEB_CONVERSIONS", daily_budget_cents: 5050, lifetime_budget_cents: null });

    const ledger = await h.ledger(a, row.platform_campaign_id!);
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ op: "create", method: "POST", path: "/open_api/v1.3/campaign/create/" });
    expect(ledger[0]!.fields).toMatchObject({
      campaign_name: "Spring", objective_type: "WEB_CONVERSIONS", budget_mode: "BUDGET_MODE_DAY", budget: 50.5, operation_status: "DISABLE",
      special_industries: ["HOUSING"], request_id: tiktokRequestId(dispatch.intentId),
    });
    expect(await h.read.campaign(a, row.platform_campaign_id!)).toMatchObject({ campaign_name: "Spring", budget: 50.5, operation_status: "DISABLE" });

    const intent = await h.intent(dispatch.intentId);
    expect(intent).toMatchObject({ state: "dispatched", attempts: 1, lease_until: null });
    expect(intent.platform_result).toMatchObject({ platformId: row.platform_campaign_id, platformCampaignId: row.platform_campaign_id, reconciled: false });
    const job = await h.env.db.selectFrom("jobs").selectAll().where("id", "=", dispatch.jobId).executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: "completed", error: null });
    const executed = (await h.events()).filter((e) => e.type === "ads.write.executed" && e.data.intentId === dispatch.intentId);
    expect(executed).toHaveLength(1);
    expect(executed[0]!.data).toMatchObject({ platform: "tiktok", operation: "create_campaign", campaignId, platformCampaignId: row.platform_campaign_id });
  });

  it("rename, budget, resume, pause and delete land in order and update the campaign row", async () => {
    const { campaignId, dispatch: create } = await h.allowCreateCampaign(a);
    const writes = [
      create,
      await h.allowWrite(a, campaignId, "update_campaign", { name: "Renamed" }),
      await h.allowWrite(a, campaignId, "update_budget", { dailyBudgetCents: 7599 }),
      await h.allowWrite(a, campaignId, "resume_campaign"),
      await h.allowWrite(a, campaignId, "pause_campaign"),
    ];
    await h.land(writes);
    const row = await h.campaignRow(campaignId);
    expect(row).toMatchObject({ name: "Renamed", status: "paused", daily_budget_cents: 7599 });
    const pid = row.platform_campaign_id!;
    expect((await h.ledger(a, pid)).map((e) => [e.path.replace("/open_api/v1.3", ""), e.op, e.fields])).toEqual([
      ["/campaign/create/", "create", expect.objectContaining({ operation_status: "DISABLE" })],
      ["/campaign/update/", "update", { campaign_name: "Renamed" }],
      ["/campaign/update/", "update", { budget: 75.99 }],
      ["/campaign/status/update/", "update", { operation_status: "ENABLE" }],
      ["/campaign/status/update/", "update", { operation_status: "DISABLE" }],
    ]);

    const del = await h.allowWrite(a, campaignId, "delete_campaign");
    await h.land([del]);
    expect((await h.ledger(a, pid)).at(-1)).toMatchObject({ op: "delete", fields: { operation_status: "DELETE" } });
    expect(await h.read.campaign(a, pid)).toMatchObject({ campaign_name: "Renamed", budget: 75.99, operation_status: "DELETE" });
    expect((await h.campaignRow(campaignId)).status).toBe("deleted");
    // A Layers delete of what is already gone on TikTok is not a failure: it has landed.
    const again = await h.allowWrite(a, campaignId, "delete_campaign");
    await h.land([again]);
    expect((await h.intent(again.intentId)).platform_result).toMatchObject({ reconciled: true });
    expect((await h.ledger(a, pid)).filter((e) => e.op === "delete")).toHaveLength(1);
  });

  it("money - JPY goes as whole yen, lifetime budgets as BUDGET_MODE_TOTAL", async () => {
    const jpy = await h.seedAccount({ currency: "JPY" });
    const { campaignId, dispatch } = await h.allowCreateCampaign(jpy, { dailyBudgetCents: undefined, lifetimeBudgetCents: 300000, status: "ACTIVE", outcome: "awareness" });
    const budget = await h.allowWrite(jpy, campaignId, "update_budget", { lifetimeBudgetCents: 450000 });
    await h.land([dispatch, budget]);
    const row = await h.campaignRow(campaignId);
    expect(row).toMatchObject({ status: "active", objective: "REACH", lifetime_budget_cents: 450000, daily_budget_cents: null });
    expect((await h.ledger(jpy, row.platform_campaign_id!)).map((e) => e.fields.budget)).toEqual([300000, 450000]);
    const onTikTok = await h.read.campaign(jpy, row.platform_campaign_id!);
    expect(onTikTok).toMatchObject({ budget_mode: "BUDGET_MODE_TOTAL" });
    expect(fromTikTokAmount(onTikTok!.budget!, "JPY")).toBe(450000);
  });

  it("money - BHD takes two decimals: 12.340 lands as 12.34, 12.345 fails before any call", async () => {
    const bhd = await h.seedAccount({ currency: "BHD" });
    const ok = await h.allowCreateCampaign(bhd, { dailyBudgetCents: 12340 });
    const bad = await h.allowCreateCampaign(bhd, { dailyBudgetCents: 12345 });
    await h.land([ok.dispatch, bad.dispatch], ["dispatched", "failed"]);
    const okUpdate = await h.allowWrite(bhd, ok.campaignId, "update_budget", { dailyBudgetCents: 1230 });
    const badUpdate = await h.allowWrite(bhd, ok.campaignId, "update_budget", { dailyBudgetCents: 1234 });
    await h.land([okUpdate, badUpdate], ["dispatched", "failed"]);

    expect((await h.intent(ok.dispatch.intentId)).state).toBe("dispatched");
    expect((await h.intent(okUpdate.intentId)).state).toBe("dispatched");
    for (const d of [bad.dispatch, badUpdate]) {
      const intent = await h.intent(d.intentId);
      expect(intent.state).toBe("failed");
      expect(intent.failure_reason).toMatch(/^unrepresentable_amount: 12?\.\d{3} BHD has more than 2 decimals/);
    }
    expect((await h.ledger(bhd)).map((e) => e.fields.budget)).toEqual([12.34, 1.23]);
    expect(await h.campaignRow(ok.campaignId)).toMatchObject({ daily_budget_cents: 1230 });
    expect((await h.campaignRow(bad.campaignId)).platform_campaign_id).toBeNull();
  });

  it("redelivery and replay - an already-dispatched intent never reaches TikTok again", async () => {
    const { dispatch } = await h.allowCreateCampaign(a);
    await h.land([dispatch]);
    const before = await h.ledger(a);

    expect((await h.publish(dispatch)).duplicate).toBe(true);
    await h.publish(dispatch, `${dispatch.intentId}:replay-1`);
    await h.publish(dispatch, `${dispatch.intentId}:replay-2`);
    // Replays re-emit the stored outcome with the same event id; wait until both were handled.
    await waitFor(async () => {
      const info = await h.env.nats.jsm.consumers.info(h.env.names.streams.dispatch, "dispatcher-tiktok");
      return info.num_ack_pending === 0 && info.num_pending === 0;
    });
    expect(await h.ledger(a)).toEqual(before);
    expect((await h.intent(dispatch.intentId)).attempts).toBe(1);
    // One of each event of the landing (replays re-emit the same ids, which JetStream drops).
    const mine = (await h.events()).filter((e) => e.data.intentId === dispatch.intentId);
    expect(mine.map((e) => e.type).sort()).toEqual(["ads.write.executed", "job.completed"]);
    expect(new Set(mine.map((e) => e.id)).size).toBe(2);
  });

  it("refusals - TikTok's own, campaigns never created and operations TikTok lacks fail once, without a dead letter", async () => {
    const { dispatch: tooLow } = await h.allowCreateCampaign(a, { dailyBudgetCents: 4999 });
    const ghost = newId("campaign");
    await h.env.db
      .insertInto("campaigns")
      .values({ id: ghost, project_id: a.projectId, layer_id: a.layerId, ad_account_id: a.adAccountId, platform: "tiktok", name: "ghost", status: "creating", origin: "layers" })
      .execute();
    const ghostPause = await h.allowWrite(a, ghost, "pause_campaign");
    const archive = await h.allowWrite(a, ghost, "archive_campaign");
    await h.land([tooLow, ghostPause, archive], ["failed"]);

    const reasons = await Promise.all([tooLow, ghostPause, archive].map(async (d) => (await h.intent(d.intentId)).failure_reason));
    expect(reasons[0]).toBe("platform_rejected: budget: must be at least 50 USD");
    expect(reasons[1]).toMatch(/^entity_not_on_platform: campaign cmp_\w+ was never created on TikTok/);
    expect(reasons[2]).toMatch(/^unsupported_operation: TikTok has no archive_campaign/);
    const job = await h.env.db.selectFrom("jobs").selectAll().where("id", "=", tooLow.jobId).executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: "failed", error: expect.objectContaining({ code: "PLATFORM_ERROR", reason: "platform_rejected" }) });
    expect(await h.env.db.selectFrom("dead_letters").selectAll().execute()).toEqual([]);
  });
});
