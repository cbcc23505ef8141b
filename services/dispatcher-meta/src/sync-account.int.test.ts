import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId, syncAccountReplySchema } from "@layers/contracts";
import type { DispatcherMeta } from "./app.ts";
import { createHarness, type Harness } from "./test-support/harness.ts";

describe("dispatcher-meta: sync-account RPC", () => {
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

  const sync = (body: unknown) => h.syncAccount(body);

  it("sync - imports campaigns made outside Layers, with budgets in minor units and lower-case status", async () => {
    const a = await h.seedAccount({
      campaigns: [
        { name: "Made in Ads Manager", objective: "OUTCOME_SALES", status: "ACTIVE", daily_budget: 2500 },
        { name: "Old objective", objective: "LINK_CLICKS", status: "PAUSED", lifetime_budget: 90000 },
        { name: "No budget", objective: "OUTCOME_LEADS", status: "ARCHIVED" },
      ],
    });
    expect(await sync({ adAccountId: a.adAccountId })).toEqual({ ok: true, synced: 3 });
    const rows = await h.env.db.selectFrom("campaigns").selectAll().where("ad_account_id", "=", a.adAccountId).orderBy("name").execute();
    expect(rows.map((r) => [r.name, r.status, r.objective, r.daily_budget_cents, r.lifetime_budget_cents, r.origin, r.authority])).toEqual([
      ["Made in Ads Manager", "active", "OUTCOME_SALES", 2500, null, "platform", null],
      ["No budget", "archived", "OUTCOME_LEADS", null, null, "platform", null],
      ["Old objective", "paused", "LINK_CLICKS", null, 90000, "platform", null],
    ]);
    expect(rows.every((r) => /^cmp_[0-9a-z]{26}$/.test(r.id) && r.layer_id === a.layerId && r.project_id === a.projectId)).toBe(true);
    expect(new Set(rows.map((r) => r.platform_campaign_id))).toEqual(new Set(a.seededCampaignIds));

    // A second sync changes nothing structurally: same rows, no duplicates.
    expect(await sync({ adAccountId: a.adAccountId })).toEqual({ ok: true, synced: 3 });
    expect(await h.env.db.selectFrom("campaigns").select("id").where("ad_account_id", "=", a.adAccountId).execute()).toHaveLength(3);
  });

  it("sync - refreshes known campaigns, adopts a create whose record was lost, and leaves rows with a write in flight alone", async () => {
    const a = await h.seedAccount({ currency: "JPY" });
    const landed = await h.allowCreate(a, { dailyBudgetCents: 5000 });
    const inFlight = await h.allowCreate(a, { dailyBudgetCents: 6000 });
    await h.publish(landed.dispatch);
    await h.publish(inFlight.dispatch);
    await h.waitForStates([landed.dispatch.intentId, inFlight.dispatch.intentId], ["dispatched"]);
    // Someone changes the budget in Ads Manager (straight on the sandbox, outside Layers).
    const landedRow = await h.env.db.selectFrom("campaigns").selectAll().where("id", "=", landed.campaignId).executeTakeFirstOrThrow();
    await fetch(`${h.sandbox.url}/v21.0/${landedRow.platform_campaign_id}`, { method: "POST", body: new URLSearchParams({ daily_budget: "7000", access_token: a.accessToken }) });
    // A write to the other campaign is accepted but not dispatched yet: sync must not clobber it.
    await h.allowWrite(a, inFlight.campaignId, "update_budget", { dailyBudgetCents: 8000 });
    // And a campaign Layers created whose recording was lost: the row exists without a platform id.
    const lost = newId("campaign");
    await h.env.db
      .insertInto("campaigns")
      .values({ id: lost, project_id: a.projectId, layer_id: a.layerId, ad_account_id: a.adAccountId, platform: "meta", name: "lost", status: "pending", origin: "layers" })
      .execute();
    const created = await fetch(`${h.sandbox.url}/v21.0/${a.actId}/campaigns`, {
      method: "POST",
      body: new URLSearchParams({
        name: "lost",
        objective: "OUTCOME_TRAFFIC",
        status: "PAUSED",
        special_ad_categories: "[]",
        adlabels: JSON.stringify([{ name: `layers:${lost}` }]),
        access_token: a.accessToken,
      }),
    }).then((r) => r.json() as Promise<{ id: string }>);

    expect(await sync({ adAccountId: a.adAccountId })).toEqual({ ok: true, synced: 2 });
    const rows = await h.env.db.selectFrom("campaigns").selectAll().where("ad_account_id", "=", a.adAccountId).execute();
    expect(rows).toHaveLength(3);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(landed.campaignId)).toMatchObject({ daily_budget_cents: 7000, origin: "layers" });
    expect(byId.get(inFlight.campaignId)).toMatchObject({ daily_budget_cents: 6000 });
    expect(byId.get(lost)).toMatchObject({ platform_campaign_id: created.id, status: "paused", objective: "OUTCOME_TRAFFIC", origin: "layers" });
  });

  it("sync - bad requests and unknown accounts answer ok:false", async () => {
    expect(await sync({ nope: 1 })).toMatchObject({ ok: false, synced: 0, error: expect.stringMatching(/^bad_request: /) });
    expect(await sync({ adAccountId: "aa_x" })).toMatchObject({ ok: false, error: expect.stringMatching(/bad_request/) });
    const raw = await h.env.nats.nc.request(h.env.names.subjects.syncAccount("meta"), "not json", { timeout: 10_000 });
    expect(syncAccountReplySchema.parse(raw.json())).toMatchObject({ ok: false, error: "bad_request: request is not JSON" });
    expect(await sync({ adAccountId: newId("adAccount") })).toMatchObject({ ok: false, error: expect.stringMatching(/^ad_account_not_found: /) });
  });

  it("sync - a Meta outage answers ok:false with the reason and changes nothing", async () => {
    const a = await h.seedAccount({ campaigns: [{ name: "c", objective: "OUTCOME_SALES" }] });
    await h.sbx.setFaults({ platform: "meta", account: a.actId, fail5xx: 1 });
    expect(await sync({ adAccountId: a.adAccountId })).toMatchObject({ ok: false, synced: 0, error: expect.stringMatching(/^platform_unavailable: /) });
    expect(await h.env.db.selectFrom("campaigns").select("id").where("ad_account_id", "=", a.adAccountId).execute()).toEqual([]);
    await h.sbx.clearFaults();
  });

  it("sync - an expired token marks the account and answers ok:false", async () => {
    const a = await h.seedAccount();
    await h.sbx.setFaults({ platform: "meta", account: a.actId, expiredToken: true });
    expect(await sync({ adAccountId: a.adAccountId })).toMatchObject({ ok: false, error: expect.stringMatching(/^token_expired: /) });
    const acct = await h.env.db.selectFrom("ad_accounts").select("status").where("id", "=", a.adAccountId).executeTakeFirstOrThrow();
    expect(acct.status).toBe("token_expired");
    expect((await h.events()).filter((e) => e.type === "ads.account.token_expired" && e.data.adAccountId === a.adAccountId)).toHaveLength(1);
    await h.sbx.clearFaults();
  });
});
