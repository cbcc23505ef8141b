import { describe, expect, it } from "vitest";
import { useTestSandbox } from "../test-support/start-test-sandbox.ts";
import { tiktokAs } from "../test-support/tiktok-call.ts";

const sandbox = useTestSandbox();
const campaign = { campaign_name: "C", objective_type: "TRAFFIC", budget_mode: "BUDGET_MODE_DAY", budget: 50 } as const;
const adgroup = {
  adgroup_name: "G", location_ids: ["6252001"], billing_event: "CPC", schedule_type: "SCHEDULE_FROM_NOW",
  schedule_start_time: "2030-01-01 00:00:00", budget_mode: "BUDGET_MODE_DAY", budget: 20, pacing: "PACING_MODE_SMOOTH",
} as const;

async function withCampaign(extra: Record<string, unknown> = {}) {
  const adv = await sandbox.control.createTiktokAdvertiser();
  const t = tiktokAs(sandbox.url, adv.advertiserId, adv.accessToken);
  const campaignId: string = (await t.post("/campaign/create/", { ...campaign, ...extra })).body.data.campaign_id;
  return { adv, t, campaignId };
}

describe("tiktok ad groups", () => {
  it("creates, reads, updates and deletes an ad group", async () => {
    const { adv, t, campaignId } = await withCampaign();
    const res = await t.post("/adgroup/create/", { ...adgroup, campaign_id: campaignId });
    expect(res.body).toMatchObject({
      code: 0,
      data: { adgroup_id: expect.stringMatching(/^\d{19}$/), campaign_id: campaignId, budget: 20, operation_status: "ENABLE", placement_type: "PLACEMENT_TYPE_AUTOMATIC" },
    });
    const id = res.body.data.adgroup_id;
    const got = await t.get("/adgroup/get/", { filtering: { campaign_ids: [campaignId] } });
    expect(got.body.data.list).toEqual([res.body.data]);

    expect((await t.post("/adgroup/update/", { adgroup_id: id, budget: 35, adgroup_name: "G2" })).body.data).toMatchObject({ budget: 35, adgroup_name: "G2" });
    expect((await t.post("/adgroup/update/", { adgroup_id: id, budget: 19.99 })).body.code).toBe(40002);
    expect((await t.post("/adgroup/status/update/", { adgroup_ids: [id], operation_status: "DISABLE" })).body.data).toEqual({ adgroup_ids: [id], status: "DISABLE" });
    expect((await t.post("/adgroup/status/update/", { adgroup_ids: [id], operation_status: "DELETE" })).body.code).toBe(0);
    expect((await t.post("/adgroup/status/update/", { adgroup_ids: [id], operation_status: "ENABLE" })).body.code).toBe(40002);
    expect((await t.get("/adgroup/get/")).body.data.list).toEqual([]);

    const ops = (await sandbox.control.ledger({ platform: "tiktok", account: adv.advertiserId, objectId: id })).map((e) => e.op);
    expect(ops).toEqual(["create", "update", "update", "delete"]);
  });

  it("dedupes request_id on /adgroup/create/", async () => {
    const { adv, t, campaignId } = await withCampaign();
    const a = await t.post("/adgroup/create/", { ...adgroup, campaign_id: campaignId, request_id: "99" });
    const b = await t.post("/adgroup/create/", { ...adgroup, campaign_id: campaignId, request_id: "99" });
    expect(b.body.data.adgroup_id).toBe(a.body.data.adgroup_id);
    expect((await sandbox.control.ledger({ platform: "tiktok", account: adv.advertiserId })).filter((e) => e.path.includes("adgroup"))).toHaveLength(1);
  });

  it("enforces the $20 daily and $20 × days total minimums, schedules and pacing", async () => {
    const { t, campaignId } = await withCampaign();
    const base = { ...adgroup, campaign_id: campaignId };
    expect((await t.post("/adgroup/create/", { ...base, budget: 19 })).body.message).toMatch(/^budget: must be at least 20 USD/);
    const total = { ...base, budget_mode: "BUDGET_MODE_TOTAL", schedule_type: "SCHEDULE_START_END", schedule_end_time: "2030-01-04 00:00:00" };
    expect((await t.post("/adgroup/create/", { ...total, budget: 59 })).body.message).toMatch(/at least 60 USD/);
    expect((await t.post("/adgroup/create/", { ...total, budget: 60 })).body.code).toBe(0);
    expect((await t.post("/adgroup/create/", { ...total, schedule_type: "SCHEDULE_FROM_NOW", budget: 60 })).body.message).toMatch(/^schedule_type:/);
    expect((await t.post("/adgroup/create/", { ...total, schedule_end_time: "2029-12-31 00:00:00" })).body.message).toMatch(/^schedule_end_time:/);
    expect((await t.post("/adgroup/create/", { ...base, schedule_start_time: "2030-01-01T00:00:00Z" })).body.message).toMatch(/^schedule_start_time:/);
    expect((await t.post("/adgroup/create/", { ...base, pacing: undefined })).body.message).toMatch(/^pacing:/);
    expect((await t.post("/adgroup/create/", { ...base, location_ids: [] })).body.message).toMatch(/^location_ids:/);
    expect((await t.post("/adgroup/create/", { ...base, campaign_id: "1700000000000000000" })).body.message).toMatch(/^campaign_id:/);
  });

  it("ignores ad group budget and pacing under a CBO campaign", async () => {
    const { t, campaignId } = await withCampaign({ budget_optimize_on: true });
    const res = await t.post("/adgroup/create/", { ...adgroup, campaign_id: campaignId, budget: 1, pacing: undefined });
    expect(res.body).toMatchObject({ code: 0, data: { budget_mode: "BUDGET_MODE_INFINITE", budget: 0 } });
  });

  it("refuses ad groups in a deleted campaign", async () => {
    const { t, campaignId } = await withCampaign();
    await t.post("/campaign/status/update/", { campaign_ids: [campaignId], operation_status: "DELETE" });
    expect((await t.post("/adgroup/create/", { ...adgroup, campaign_id: campaignId })).body.message).toMatch(/has been deleted/);
  });
});

describe("tiktok ads (minimal)", () => {
  it("creates ads from creatives, reads, updates and changes their status", async () => {
    const { adv, t, campaignId } = await withCampaign();
    const adgroupId = (await t.post("/adgroup/create/", { ...adgroup, campaign_id: campaignId })).body.data.adgroup_id;
    const res = await t.post("/ad/create/", { adgroup_id: adgroupId, creatives: [{ ad_name: "A1", ad_text: "Hi" }, { ad_name: "A2" }] });
    expect(res.body.code).toBe(0);
    const [a1, a2] = res.body.data.ad_ids as string[];
    expect(res.body.data.creatives).toEqual([
      expect.objectContaining({ ad_id: a1, ad_name: "A1", ad_text: "Hi", adgroup_id: adgroupId, campaign_id: campaignId, operation_status: "ENABLE" }),
      expect.objectContaining({ ad_id: a2, ad_name: "A2" }),
    ]);
    expect((await t.get("/ad/get/", { filtering: { adgroup_ids: [adgroupId] }, page_size: 1 })).body.data.page_info).toMatchObject({ total_number: 2, total_page: 2 });

    const upd = await t.post("/ad/update/", { adgroup_id: adgroupId, creatives: [{ ad_id: a1, ad_text: "Hello" }] });
    expect(upd.body.data.creatives[0]).toMatchObject({ ad_id: a1, ad_text: "Hello" });
    expect((await t.post("/ad/status/update/", { ad_ids: [a2], operation_status: "DELETE" })).body.data).toEqual({ ad_ids: [a2], status: "DELETE" });
    expect((await t.get("/ad/get/")).body.data.list.map((a: any) => a.ad_id)).toEqual([a1]);
    expect((await t.post("/ad/update/", { adgroup_id: adgroupId, creatives: [{ ad_id: a2, ad_text: "x" }] })).body.code).toBe(40002);
    expect((await t.post("/ad/create/", { adgroup_id: adgroupId, creatives: [] })).body.code).toBe(40002);

    const ledger = await sandbox.control.ledger({ platform: "tiktok", account: adv.advertiserId });
    expect(ledger.filter((e) => e.path.startsWith("/open_api/v1.3/ad/")).map((e) => [e.op, e.objectId])).toEqual([
      ["create", a1], ["create", a2], ["update", a1], ["delete", a2],
    ]);
  });

  it("creates an ad paused when its creative says DISABLE, and moves an ad group onto a start/end schedule", async () => {
    const { adv, t, campaignId } = await withCampaign();
    const adgroupId = (await t.post("/adgroup/create/", { ...adgroup, campaign_id: campaignId })).body.data.adgroup_id;
    const res = await t.post("/ad/create/", { adgroup_id: adgroupId, creatives: [{ ad_name: "P", operation_status: "DISABLE" }] });
    expect(res.body.data.creatives).toEqual([expect.objectContaining({ ad_name: "P", operation_status: "DISABLE" })]);
    const ledger = await sandbox.control.ledger({ platform: "tiktok", account: adv.advertiserId, objectId: res.body.data.ad_ids[0] });
    expect(ledger.map((e) => e.fields)).toEqual([{ adgroup_id: adgroupId, ad_name: "P", operation_status: "DISABLE" }]);

    const upd = await t.post("/adgroup/update/", { adgroup_id: adgroupId, schedule_type: "SCHEDULE_START_END", schedule_end_time: "2030-02-01 00:00:00" });
    expect(upd.body.data).toMatchObject({ schedule_type: "SCHEDULE_START_END", schedule_end_time: "2030-02-01 00:00:00" });
    expect((await t.post("/adgroup/update/", { adgroup_id: adgroupId, schedule_type: "SCHEDULE_FROM_NOW" })).body.data).not.toHaveProperty("schedule_end_time");
  });
});
