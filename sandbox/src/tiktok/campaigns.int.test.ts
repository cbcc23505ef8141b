import { describe, expect, it } from "vitest";
import { useTestSandbox } from "../test-support/start-test-sandbox.ts";
import { tiktokAs } from "../test-support/tiktok-call.ts";

const sandbox = useTestSandbox();
const create = { campaign_name: "Spring", objective_type: "TRAFFIC", budget_mode: "BUDGET_MODE_DAY", budget: 50 } as const;

async function advertiser(body: Parameters<typeof sandbox.control.createTiktokAdvertiser>[0] = {}) {
  const adv = await sandbox.control.createTiktokAdvertiser(body);
  return { adv, t: tiktokAs(sandbox.url, adv.advertiserId, adv.accessToken) };
}

describe("tiktok control API", () => {
  it("creates an advertiser with a token and unledgered pre-existing campaigns", async () => {
    const { adv, t } = await advertiser({ name: "Acme", campaigns: [{ campaign_name: "Old", objective_type: "CONVERSIONS", operation_status: "DISABLE" }] });
    expect(adv).toMatchObject({ advertiserId: expect.stringMatching(/^7\d{18}$/), accessToken: expect.any(String), name: "Acme", currency: "USD" });
    expect(adv.campaigns).toEqual([{ campaign_id: expect.stringMatching(/^\d{19}$/), campaign_name: "Old", adgroups: [] }]);
    const got = await t.get("/campaign/get/");
    expect(got.body.data.list).toEqual([
      expect.objectContaining({ campaign_id: adv.campaigns[0]?.campaign_id, objective_type: "CONVERSIONS", operation_status: "DISABLE", secondary_status: "CAMPAIGN_STATUS_DISABLE" }),
    ]);
    expect(await sandbox.control.ledger({ platform: "tiktok", account: adv.advertiserId })).toEqual([]);
  });

  it("seeds ad groups and ads under a campaign, past create rules, unledgered, and answers their ids", async () => {
    const { adv, t } = await advertiser({
      currency: "JPY",
      campaigns: [{
        campaign_name: "Tree", budget_mode: "BUDGET_MODE_DAY", budget: 5000, operation_status: "DELETE",
        adgroups: [
          // Below TikTok's minimums, bid without custom bid type, under a deleted campaign: seeds may.
          { adgroup_name: "Day", budget_mode: "BUDGET_MODE_DAY", budget: 3, bid_price: 12, ads: [{ ad_name: "A1" }, { ad_name: "A2", operation_status: "DISABLE" }] },
          { adgroup_name: "Bare", budget: 999, operation_status: "DELETE" },
        ],
      }, { campaign_name: "Empty" }],
    });
    const [tree, empty] = adv.campaigns;
    const id = expect.stringMatching(/^\d{19}$/);
    expect(tree).toEqual({
      campaign_id: id, campaign_name: "Tree",
      adgroups: [
        { adgroup_id: id, adgroup_name: "Day", ads: [{ ad_id: id, ad_name: "A1" }, { ad_id: id, ad_name: "A2" }] },
        { adgroup_id: id, adgroup_name: "Bare", ads: [] },
      ],
    });
    expect(empty).toEqual({ campaign_id: id, campaign_name: "Empty", adgroups: [] });
    const [day, bare] = tree!.adgroups;
    const groups = (await t.get("/adgroup/get/", { filtering: { secondary_status: "ADGROUP_STATUS_ALL" } })).body.data.list;
    // Newest first: seeds are created in order, children after their parents.
    expect(groups.map((g: { adgroup_id: string }) => g.adgroup_id)).toEqual([bare!.adgroup_id, day!.adgroup_id]);
    expect(groups[1]).toMatchObject({
      campaign_id: tree!.campaign_id, advertiser_id: adv.advertiserId, adgroup_name: "Day", budget_mode: "BUDGET_MODE_DAY", budget: 3,
      bid_type: "BID_TYPE_CUSTOM", bid_price: 12, operation_status: "ENABLE", secondary_status: "ADGROUP_STATUS_ENABLE",
      schedule_type: "SCHEDULE_FROM_NOW", schedule_start_time: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
    });
    // No budget mode named: no budget, whatever `budget` says (as for campaign seeds).
    expect(groups[0]).toMatchObject({ adgroup_name: "Bare", budget_mode: "BUDGET_MODE_INFINITE", budget: 0, operation_status: "DELETE", bid_type: "BID_TYPE_NO_BID" });
    expect(groups[0]).not.toHaveProperty("bid_price");
    const ads = (await t.get("/ad/get/", { filtering: { campaign_ids: [tree!.campaign_id], secondary_status: "AD_STATUS_ALL" } })).body.data.list;
    expect(ads.map((a: Record<string, unknown>) => [a.ad_id, a.ad_name, a.adgroup_id, a.campaign_id, a.operation_status])).toEqual([
      [day!.ads[1]!.ad_id, "A2", day!.adgroup_id, tree!.campaign_id, "DISABLE"],
      [day!.ads[0]!.ad_id, "A1", day!.adgroup_id, tree!.campaign_id, "ENABLE"],
    ]);
    // Seeded children are ordinary objects afterwards: the usual rules apply to changes.
    expect((await t.post("/adgroup/update/", { adgroup_id: day!.adgroup_id, adgroup_name: "Renamed" })).body.code).toBe(0);
    expect((await t.post("/adgroup/update/", { adgroup_id: bare!.adgroup_id, adgroup_name: "Nope" })).body.code).toBe(40002);
    const ledger = await sandbox.control.ledger({ platform: "tiktok", account: adv.advertiserId });
    expect(ledger.map((e) => [e.op, e.objectId])).toEqual([["update", day!.adgroup_id]]);
  });

  it("refuses a bad seed body with 400", async () => {
    const res = await fetch(`${sandbox.url}/_sandbox/tiktok/advertisers`, {
      method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ currency: "usd!" }),
    });
    expect(res.status).toBe(400);
    const badAd = await fetch(`${sandbox.url}/_sandbox/tiktok/advertisers`, {
      method: "POST", headers: { "content-type": "application/json" },
      body: JSON.stringify({ campaigns: [{ campaign_name: "c", adgroups: [{ adgroup_name: "g", ads: [{ ad_name: "" }] }] }] }),
    });
    expect(badAd.status).toBe(400);
    expect(((await badAd.json()) as { error: { issues: Array<{ path: string }> } }).error.issues[0]?.path).toBe("campaigns.0.adgroups.0.ads.0.ad_name");
    const broken = await fetch(`${sandbox.url}/_sandbox/tiktok/advertisers`, { method: "POST", headers: { "content-type": "application/json" }, body: "{" });
    expect(broken.status).toBe(400);
  });

  it("lists advertisers with their tokens", async () => {
    const { adv } = await advertiser({ currency: "EUR" });
    const res = await fetch(`${sandbox.url}/_sandbox/tiktok/advertisers`);
    const body = (await res.json()) as { advertisers: Array<Record<string, unknown>> };
    expect(body.advertisers).toContainEqual({ advertiserId: adv.advertiserId, accessToken: adv.accessToken, name: adv.name, currency: "EUR" });
  });
});

describe("tiktok campaigns - create and get", () => {
  it("creates a campaign and answers the envelope with the campaign, HTTP 200", async () => {
    const { adv, t } = await advertiser();
    const res = await t.post("/campaign/create/", { ...create, budget: 75.5, operation_status: "DISABLE", special_industries: ["HOUSING"] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code: 0, message: "OK", request_id: expect.stringMatching(/^\d{14}[0-9A-F]{18}$/) });
    expect(res.body.data).toMatchObject({
      campaign_id: expect.stringMatching(/^\d{19}$/), advertiser_id: adv.advertiserId, campaign_name: "Spring", objective_type: "TRAFFIC",
      budget_mode: "BUDGET_MODE_DAY", budget: 75.5, operation_status: "DISABLE", special_industries: ["HOUSING"],
      create_time: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
    });
    const got = await t.get("/campaign/get/", { filtering: { campaign_ids: [res.body.data.campaign_id] } });
    expect(got.body.code).toBe(0);
    expect(got.body.data.list).toEqual([res.body.data]);
    expect(got.body.data.page_info).toEqual({ page: 1, page_size: 10, total_number: 1, total_page: 1 });
  });

  it("defaults operation_status to ENABLE and BUDGET_MODE_INFINITE reads budget 0", async () => {
    const { t } = await advertiser();
    const res = await t.post("/campaign/create/", { campaign_name: "Inf", objective_type: "REACH", budget_mode: "BUDGET_MODE_INFINITE" });
    expect(res.body.data).toMatchObject({ operation_status: "ENABLE", budget: 0, budget_mode: "BUDGET_MODE_INFINITE" });
  });

  it("pages newest first with page/page_size and total_page", async () => {
    const { t } = await advertiser();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push((await t.post("/campaign/create/", { ...create, campaign_name: `C${i}` })).body.data.campaign_id);
      await new Promise((r) => setTimeout(r, 2));
    }
    const p1 = await t.get("/campaign/get/", { page: 1, page_size: 2 });
    const p3 = await t.get("/campaign/get/", { page: 3, page_size: 2 });
    const p4 = await t.get("/campaign/get/", { page: 4, page_size: 2 });
    expect(p1.body.data.list.map((c: any) => c.campaign_name)).toEqual(["C4", "C3"]);
    expect(p1.body.data.page_info).toEqual({ page: 1, page_size: 2, total_number: 5, total_page: 3 });
    expect(p3.body.data.list.map((c: any) => c.campaign_id)).toEqual([ids[0]]);
    expect(p4.body.data.list).toEqual([]);
  });

  it("filters by name, objective and secondary_status, and picks fields", async () => {
    const { t } = await advertiser();
    await t.post("/campaign/create/", { ...create, campaign_name: "Alpha brand" });
    await t.post("/campaign/create/", { ...create, campaign_name: "Beta", objective_type: "REACH" });
    const byName = await t.get("/campaign/get/", { filtering: { campaign_name: "brand" }, fields: ["campaign_name", "budget"] });
    expect(byName.body.data.list).toEqual([{ campaign_name: "Alpha brand", budget: 50 }]);
    const byObjective = await t.get("/campaign/get/", { filtering: { objective_type: "REACH" } });
    expect(byObjective.body.data.list.map((c: any) => c.campaign_name)).toEqual(["Beta"]);
  });

  it("another advertiser's campaigns are not listed", async () => {
    const a = await advertiser();
    const b = await advertiser();
    await a.t.post("/campaign/create/", create);
    expect((await b.t.get("/campaign/get/")).body.data.list).toEqual([]);
  });
});

describe("tiktok campaigns - request_id idempotency", () => {
  it("a repeated request_id creates nothing new and answers the first campaign", async () => {
    const { adv, t } = await advertiser();
    const first = await t.post("/campaign/create/", { ...create, request_id: "1234567890123" });
    const again = await t.post("/campaign/create/", { ...create, campaign_name: "Different", request_id: "1234567890123" });
    expect(again.body.code).toBe(0);
    expect(again.body.data.campaign_id).toBe(first.body.data.campaign_id);
    expect(again.body.data.campaign_name).toBe("Spring");
    expect((await t.get("/campaign/get/")).body.data.page_info.total_number).toBe(1);
    expect(await sandbox.control.ledger({ platform: "tiktok", account: adv.advertiserId })).toHaveLength(1);
    const other = await t.post("/campaign/create/", { ...create, request_id: "1234567890124" });
    expect(other.body.data.campaign_id).not.toBe(first.body.data.campaign_id);
  });

  it("request_ids are per advertiser", async () => {
    const a = await advertiser();
    const b = await advertiser();
    const ca = await a.t.post("/campaign/create/", { ...create, request_id: "42" });
    const cb = await b.t.post("/campaign/create/", { ...create, request_id: "42" });
    expect(cb.body.data.campaign_id).not.toBe(ca.body.data.campaign_id);
    expect(cb.body.data.advertiser_id).toBe(b.adv.advertiserId);
  });
});

describe("tiktok campaigns - update and status", () => {
  it("updates name and budget, ledgering only the changed fields", async () => {
    const { adv, t } = await advertiser();
    const id = (await t.post("/campaign/create/", create)).body.data.campaign_id;
    const res = await t.post("/campaign/update/", { campaign_id: id, campaign_name: "Renamed", budget: 120.25 });
    expect(res.body).toMatchObject({ code: 0, data: { campaign_id: id, campaign_name: "Renamed", budget: 120.25 } });
    const entries = await sandbox.control.ledger({ platform: "tiktok", account: adv.advertiserId, objectId: id });
    expect(entries.map((e) => e.op)).toEqual(["create", "update"]);
    expect(entries[1]).toMatchObject({ platform: "tiktok", method: "POST", path: "/open_api/v1.3/campaign/update/", fields: { campaign_name: "Renamed", budget: 120.25 } });
  });

  it("refuses a budget below $50, a budget_mode change and a budget on an infinite campaign", async () => {
    const { t } = await advertiser();
    const id = (await t.post("/campaign/create/", create)).body.data.campaign_id;
    const low = await t.post("/campaign/update/", { campaign_id: id, budget: 49.99 });
    expect(low.body).toMatchObject({ code: 40002, data: {} });
    expect(low.body.message).toMatch(/^budget: must be at least 50 USD/);
    expect((await t.post("/campaign/update/", { campaign_id: id, budget_mode: "BUDGET_MODE_TOTAL" })).body.code).toBe(40002);
    const inf = (await t.post("/campaign/create/", { ...create, budget_mode: "BUDGET_MODE_INFINITE" })).body.data.campaign_id;
    expect((await t.post("/campaign/update/", { campaign_id: inf, budget: 100 })).body.code).toBe(40002);
  });

  it("disables, enables and deletes up to 20 campaigns; DELETE is terminal and hidden by default", async () => {
    const { adv, t } = await advertiser();
    const a = (await t.post("/campaign/create/", create)).body.data.campaign_id;
    const b = (await t.post("/campaign/create/", create)).body.data.campaign_id;
    const off = await t.post("/campaign/status/update/", { campaign_ids: [a, b], operation_status: "DISABLE" });
    expect(off.body).toMatchObject({ code: 0, data: { campaign_ids: [a, b], status: "DISABLE", campaign_list: [{ campaign_id: a, status: "DISABLE" }, { campaign_id: b, status: "DISABLE" }] } });
    expect((await t.post("/campaign/status/update/", { campaign_ids: [a], operation_status: "ENABLE" })).body.code).toBe(0);
    expect((await t.post("/campaign/status/update/", { campaign_ids: [a], operation_status: "DELETE" })).body.code).toBe(0);

    const listed = await t.get("/campaign/get/");
    expect(listed.body.data.list.map((c: any) => c.campaign_id)).toEqual([b]);
    const deleted = await t.get("/campaign/get/", { filtering: { secondary_status: "CAMPAIGN_STATUS_DELETE" } });
    expect(deleted.body.data.list).toEqual([expect.objectContaining({ campaign_id: a, operation_status: "DELETE", secondary_status: "CAMPAIGN_STATUS_DELETE" })]);
    const all = await t.get("/campaign/get/", { filtering: { secondary_status: "CAMPAIGN_STATUS_ALL" } });
    expect(all.body.data.page_info.total_number).toBe(2);

    const revive = await t.post("/campaign/status/update/", { campaign_ids: [a, b], operation_status: "ENABLE" });
    expect(revive.body.code).toBe(40002);
    expect(revive.body.message).toMatch(/has been deleted/);
    expect((await t.get("/campaign/get/", { filtering: { campaign_ids: [b] } })).body.data.list[0].operation_status).toBe("DISABLE");
    expect((await t.post("/campaign/update/", { campaign_id: a, campaign_name: "x" })).body.code).toBe(40002);

    const ops = (await sandbox.control.ledger({ platform: "tiktok", account: adv.advertiserId, objectId: a })).map((e) => [e.op, e.fields]);
    expect(ops).toEqual([
      ["create", expect.any(Object)],
      ["update", { operation_status: "DISABLE" }],
      ["update", { operation_status: "ENABLE" }],
      ["delete", { operation_status: "DELETE" }],
    ]);
  });

  it("refuses 0 or more than 20 ids and unknown ids, changing nothing", async () => {
    const { adv, t } = await advertiser();
    const a = (await t.post("/campaign/create/", create)).body.data.campaign_id;
    expect((await t.post("/campaign/status/update/", { campaign_ids: [], operation_status: "DISABLE" })).body.code).toBe(40002);
    const many = Array.from({ length: 21 }, () => a);
    expect((await t.post("/campaign/status/update/", { campaign_ids: many, operation_status: "DISABLE" })).body.code).toBe(40002);
    const unknown = await t.post("/campaign/status/update/", { campaign_ids: [a, "1700000000000000000"], operation_status: "DISABLE" });
    expect(unknown.body.code).toBe(40002);
    expect((await t.post("/campaign/status/update/", { campaign_ids: [a], operation_status: "PAUSED" })).body.code).toBe(40002);
    expect(await sandbox.control.ledger({ platform: "tiktok", account: adv.advertiserId })).toHaveLength(1);
  });
});
