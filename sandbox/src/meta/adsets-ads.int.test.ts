import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startSandbox } from "../app.ts";
import type { CreateMetaAdAccountBody } from "../control-schemas.ts";
import { createSandboxClient } from "../sandbox-client.ts";
import { graphAs } from "../test-support/graph-call.ts";
import { useTestSandbox } from "../test-support/start-test-sandbox.ts";

const sandbox = useTestSandbox();

const campaign = { name: "C", objective: "OUTCOME_TRAFFIC", status: "PAUSED", special_ad_categories: [] } as const;
const targeting = { geo_locations: { countries: ["US", "CA"] }, age_min: 21 };
/** Ad set create params; an `undefined` in `over` leaves the param out. */
const adSet = (campaignId: string, over: Record<string, unknown> = {}): Record<string, string | number | object> =>
  Object.fromEntries(
    Object.entries({ name: "AS", campaign_id: campaignId, billing_event: "IMPRESSIONS", optimization_goal: "LINK_CLICKS", targeting, status: "PAUSED", ...over })
      .filter(([, v]) => v !== undefined),
  ) as Record<string, string | number | object>;
const storySpec = {
  page_id: "100200300",
  link_data: { link: "https://shop.example/p/1", message: "Fresh stock", name: "Spring sale", picture: "https://cdn.example/1.jpg", call_to_action: { type: "SHOP_NOW" } },
};

/** An account with an ABO campaign (budgets on ad sets), a client, and helpers to build the tree. */
async function setup(body: CreateMetaAdAccountBody = {}) {
  const acc = await sandbox.control.createMetaAdAccount(body);
  const g = graphAs(sandbox.url, acc.accessToken);
  const newCampaign = async (over: Record<string, unknown> = {}) => (await g.post(`/${acc.accountId}/campaigns`, { ...campaign, ...over })).body.id as string;
  const newAdSet = async (campaignId: string, over: Record<string, unknown> = {}) => {
    const res = await g.post(`/${acc.accountId}/adsets`, adSet(campaignId, { daily_budget: 2000, ...over }));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.id as string;
  };
  const newCreative = async () => (await g.post(`/${acc.accountId}/adcreatives`, { name: "Cr", object_story_spec: storySpec })).body.id as string;
  const newAd = async (adSetId: string, creativeId: string, over: Record<string, unknown> = {}) => {
    const res = await g.post(`/${acc.accountId}/ads`, { name: "Ad", adset_id: adSetId, creative: { creative_id: creativeId }, status: "PAUSED", ...over });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.id as string;
  };
  return { acc, g, newCampaign, newAdSet, newCreative, newAd };
}

describe("meta ad sets", () => {
  it("creates an ad set from a form body and reads it back with Graph types, one ledger entry", async () => {
    const { acc, g, newCampaign } = await setup();
    const cid = await newCampaign();
    const res = await g.post(`/${acc.accountId}/adsets`, adSet(cid, { daily_budget: 2500, bid_strategy: "LOWEST_COST_WITH_BID_CAP", bid_amount: 150, adlabels: [{ name: "layers:as_1" }] }));
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(["id"]);
    expect(res.body.id).toMatch(/^\d{18}$/);

    const read = await g.get(`/${res.body.id}`, {
      fields: "name,account_id,campaign_id,status,effective_status,billing_event,optimization_goal,targeting,daily_budget,bid_amount,bid_strategy,start_time,adlabels{name},campaign{name}",
    });
    expect(read.body).toEqual({
      id: res.body.id, name: "AS", account_id: acc.platformAccountId, campaign_id: cid, status: "PAUSED", effective_status: "PAUSED",
      billing_event: "IMPRESSIONS", optimization_goal: "LINK_CLICKS", targeting, daily_budget: "2500", bid_amount: 150,
      bid_strategy: "LOWEST_COST_WITH_BID_CAP", start_time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/),
      adlabels: [{ id: expect.any(String), name: "layers:as_1" }], campaign: { id: cid, name: "C" },
    });
    expect((await g.get(`/${res.body.id}`)).body).toEqual({ id: res.body.id, name: "AS" });

    const ledger = await sandbox.control.ledger({ account: acc.accountId, objectId: res.body.id });
    expect(ledger).toEqual([
      expect.objectContaining({
        platform: "meta", method: "POST", path: `/v24.0/${acc.accountId}/adsets`, op: "create", objectId: res.body.id,
        fields: {
          name: "AS", campaign_id: cid, billing_event: "IMPRESSIONS", optimization_goal: "LINK_CLICKS", targeting, status: "PAUSED",
          daily_budget: 2500, bid_amount: 150, bid_strategy: "LOWEST_COST_WITH_BID_CAP", adlabels: [{ name: "layers:as_1" }],
        },
      }),
    ]);
  });

  it("keeps money in the currency's minimum unit: cents for USD, whole yen for JPY (offset 1)", async () => {
    for (const [currency, daily, bid] of [["USD", 2000, 35], ["JPY", 5000, 120]] as const) {
      const { acc, g, newCampaign } = await setup({ currency });
      const cid = await newCampaign();
      const { body } = await g.post(`/${acc.accountId}/adsets`, adSet(cid, { daily_budget: daily, bid_amount: bid, bid_strategy: "COST_CAP" }));
      const read = await g.get(`/${body.id}`, { fields: "daily_budget,bid_amount,budget_remaining" });
      expect(read.body, currency).toEqual({ id: body.id, daily_budget: String(daily), bid_amount: bid, budget_remaining: String(daily) });
      expect((await g.get(`/${acc.accountId}`, { fields: "currency" })).body.currency).toBe(currency);
      // Fractions are never valid: ¥12.5 does not exist and $20.00 is sent as 2000.
      const frac = await g.post(`/${acc.accountId}/adsets`, adSet(cid, { daily_budget: "12.5" }));
      expect(frac.body.error, currency).toMatchObject({ code: 100, error_data: { blame_field_specs: [["daily_budget"]] } });
      const low = await g.post(`/${acc.accountId}/adsets`, adSet(cid, { daily_budget: 50 }));
      expect(low.body.error, currency).toMatchObject({ code: 100, error_user_title: "Budget Is Too Low" });
    }
  });

  it("refuses a budget on an ad set whose campaign has a campaign budget (subcode 1885621), and the reverse", async () => {
    const { acc, g, newCampaign, newAdSet } = await setup();
    const cbo = await newCampaign({ daily_budget: 10_000 });
    const both = await g.post(`/${acc.accountId}/adsets`, adSet(cbo, { daily_budget: 2000 }));
    expect(both.status).toBe(400);
    expect(both.body.error).toMatchObject({ code: 100, error_subcode: 1885621, error_data: { blame_field_specs: [["daily_budget"]] } });
    // Under a campaign budget the ad set takes none of its own.
    const underCbo = await newAdSet(cbo, { daily_budget: undefined });
    const upd = await g.post(`/${underCbo}`, { lifetime_budget: 9000 });
    expect(upd.body.error).toMatchObject({ code: 100, error_subcode: 1885621 });

    // Without a campaign budget the ad set must have one…
    const abo = await newCampaign();
    const none = await g.post(`/${acc.accountId}/adsets`, adSet(abo));
    expect(none.body.error).toMatchObject({ code: 100, error_data: { blame_field_specs: [["daily_budget"]] } });
    // …and once it has, the campaign can't take a budget of its own.
    await newAdSet(abo);
    const campaignBudget = await g.post(`/${abo}`, { daily_budget: 5000 });
    expect(campaignBudget.body.error).toMatchObject({ code: 100, error_subcode: 1885621 });
    expect((await sandbox.control.ledger({ account: acc.accountId })).filter((e) => e.op !== "create")).toEqual([]);
  });

  it("needs an end_time with a lifetime budget and checks targeting", async () => {
    const { acc, g, newCampaign } = await setup();
    const cid = await newCampaign();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ lifetime_budget: 50_000 }, "end_time"],
      [{ lifetime_budget: 50_000, start_time: "2031-01-02T00:00:00Z", end_time: "2031-01-01T00:00:00Z" }, "end_time"],
      [{ daily_budget: 2000, targeting: { age_min: 18 } }, "targeting"],
      [{ daily_budget: 2000, targeting: { geo_locations: { countries: [] } } }, "targeting"],
      [{ daily_budget: 2000, targeting: { geo_locations: { countries: ["US"] }, favourite_colour: "red" } }, "targeting"],
      [{ daily_budget: 2000, targeting: "not json" }, "targeting"],
      [{ daily_budget: 2000, billing_event: "LINK_CLICKS", optimization_goal: "REACH" }, "billing_event"],
      [{ daily_budget: 2000, bid_strategy: "COST_CAP" }, "bid_amount"],
      [{ daily_budget: 2000, campaign_id: "120299999999999999" }, "campaign_id"],
      [{ daily_budget: 2000, optimization_goal: undefined }, "optimization_goal"],
    ];
    for (const [over, field] of cases) {
      const res = await g.post(`/${acc.accountId}/adsets`, adSet(cid, over));
      expect(res.status, JSON.stringify(over)).toBe(400);
      expect(res.body.error.error_data, JSON.stringify(over)).toEqual({ blame_field_specs: [[field]] });
    }
    const ok = await g.post(`/${acc.accountId}/adsets`, adSet(cid, { lifetime_budget: 50_000, end_time: "2031-01-01T00:00:00Z", start_time: "2030-12-01T00:00:00Z" }));
    expect(ok.status).toBe(200);
    expect((await g.get(`/${ok.body.id}`, { fields: "lifetime_budget,end_time" })).body).toMatchObject({ lifetime_budget: "50000", end_time: "2031-01-01T00:00:00+0000" });
    expect((await sandbox.control.ledger({ account: acc.accountId })).map((e) => e.objectId)).toEqual([cid, ok.body.id]);
  });

  it("updates, archives and deletes with the campaign state machine, one ledger entry per applied change", async () => {
    const { acc, g, newCampaign, newAdSet } = await setup();
    const id = await newAdSet(await newCampaign());
    expect((await g.post(`/${id}`, { name: "AS2", daily_budget: 3000, status: "ACTIVE", targeting: { geo_locations: { countries: ["DE"] } } })).body).toEqual({ success: true });
    expect((await g.get(`/${id}`, { fields: "name,daily_budget,status,targeting" })).body).toEqual({
      id, name: "AS2", daily_budget: "3000", status: "ACTIVE", targeting: { geo_locations: { countries: ["DE"] } },
    });
    expect((await g.post(`/${id}`, { lifetime_budget: 90000 })).body.error.error_data).toEqual({ blame_field_specs: [["lifetime_budget"]] });
    expect((await g.post(`/${id}`, { status: "ARCHIVED" })).body).toEqual({ success: true });
    expect((await g.post(`/${id}`, { daily_budget: 4000 })).body.error.error_data).toEqual({ blame_field_specs: [["daily_budget"]] });
    expect((await g.post(`/${id}`, { status: "ACTIVE" })).body.error.code).toBe(100);
    expect((await g.del(`/${id}`)).body).toEqual({ success: true });
    expect((await g.del(`/${id}`)).status).toBe(400);
    expect((await g.get(`/${id}`, { fields: "status,effective_status" })).body).toEqual({ id, status: "DELETED", effective_status: "DELETED" });

    const ledger = await sandbox.control.ledger({ account: acc.accountId, objectId: id });
    expect(ledger.map((e) => [e.op, e.method, e.fields])).toEqual([
      ["create", "POST", expect.any(Object)],
      ["update", "POST", { name: "AS2", status: "ACTIVE", daily_budget: 3000, targeting: { geo_locations: { countries: ["DE"] } } }],
      ["update", "POST", { status: "ARCHIVED" }],
      ["delete", "DELETE", { status: "DELETED" }],
    ]);
  });

  it("lists ad sets on the account and campaign edges: archived hidden unless asked for, deleted never", async () => {
    const { acc, g, newCampaign, newAdSet } = await setup();
    const c1 = await newCampaign();
    const c2 = await newCampaign();
    const a = await newAdSet(c1, { name: "a" });
    const b = await newAdSet(c1, { name: "b" });
    const c = await newAdSet(c2, { name: "c" });
    await g.post(`/${b}`, { status: "ARCHIVED" });
    const d = await newAdSet(c1, { name: "d" });
    await g.del(`/${d}`);
    const names = async (path: string, params: Record<string, string | number> = {}) =>
      (await g.get(path, { fields: "name", ...params })).body.data.map((x: { name: string }) => x.name);

    expect(await names(`/${acc.accountId}/adsets`)).toEqual(["c", "a"]);
    expect(await names(`/${c1}/adsets`)).toEqual(["a"]);
    expect(await names(`/${c1}/adsets`, { effective_status: '["ACTIVE","PAUSED","ARCHIVED"]' })).toEqual(["b", "a"]);
    expect(await names(`/${acc.accountId}/adsets`, { filtering: JSON.stringify([{ field: "campaign.id", operator: "EQUAL", value: c2 }]) })).toEqual(["c"]);
    expect((await g.get(`/${c1}/adsets`, { effective_status: '["DELETED"]' })).body.error.code).toBe(100);

    const page1 = await g.get(`/${acc.accountId}/adsets`, { fields: "name", limit: 1 });
    expect(page1.body.data.map((x: { id: string }) => x.id)).toEqual([c]);
    const page2 = await fetch(page1.body.paging.next);
    expect(((await page2.json()) as { data: Array<{ id: string }> }).data.map((x) => x.id)).toEqual([a]);
    expect((await g.get(`/${d}`, { fields: "name" })).body.name).toBe("d");
  });
});

describe("meta ad creatives", () => {
  it("creates a link creative, reads derived fields, lists it, and only renames it", async () => {
    const { acc, g } = await setup();
    const res = await g.post(`/${acc.accountId}/adcreatives`, { name: "Spring link", object_story_spec: storySpec });
    expect(res.status).toBe(200);
    const id = res.body.id as string;
    const read = await g.get(`/${id}`, { fields: "name,account_id,status,object_story_spec,body,title,link_url,image_url,call_to_action_type,object_type" });
    expect(read.body).toEqual({
      id, name: "Spring link", account_id: acc.platformAccountId, status: "ACTIVE", object_story_spec: storySpec, body: "Fresh stock",
      title: "Spring sale", link_url: "https://shop.example/p/1", image_url: "https://cdn.example/1.jpg", call_to_action_type: "SHOP_NOW",
      object_type: "SHARE",
    });
    expect((await g.get(`/${acc.accountId}/adcreatives`, { fields: "name" })).body.data).toEqual([{ id, name: "Spring link" }]);

    expect((await g.post(`/${id}`, { name: "Renamed" })).body).toEqual({ success: true });
    const change = await g.post(`/${id}`, { object_story_spec: storySpec });
    expect(change.body.error).toMatchObject({ code: 100, error_data: { blame_field_specs: [["object_story_spec"]] } });
    expect((await sandbox.control.ledger({ account: acc.accountId, objectId: id })).map((e) => [e.op, e.fields.name])).toEqual([
      ["create", "Spring link"], ["update", "Renamed"],
    ]);
  });

  it("validates object_story_spec and accepts video_data with a thumbnail", async () => {
    const { acc, g } = await setup();
    const bad: unknown[] = [
      undefined,
      { link_data: storySpec.link_data },
      { page_id: "1", link_data: { message: "no link" } },
      { page_id: "1", link_data: { link: "ftp://x" } },
      { page_id: "1", link_data: { link: "https://x.example", call_to_action: { type: "CLICK_HERE" } } },
      { page_id: "1", link_data: { link: "https://x.example", picture: "https://x.example/a.jpg", image_hash: "0123456789abcdef0123456789abcdef" } },
      { page_id: "1", link_data: { link: "https://x.example", colour: "red" } },
      { page_id: "1", video_data: { video_id: "55" } },
      { page_id: "1", link_data: { link: "https://x.example" }, video_data: { video_id: "55", image_url: "https://x.example/t.jpg" } },
    ];
    for (const spec of bad) {
      const res = await g.post(`/${acc.accountId}/adcreatives`, spec === undefined ? { name: "x" } : { name: "x", object_story_spec: spec as object });
      expect(res.status, JSON.stringify(spec)).toBe(400);
      expect(res.body.error.error_data, JSON.stringify(spec)).toEqual({ blame_field_specs: [["object_story_spec"]] });
    }
    const video = { page_id: "1", video_data: { video_id: "55", image_url: "https://x.example/t.jpg", title: "Watch", call_to_action: { type: "LEARN_MORE", value: { link: "https://x.example" } } } };
    const ok = await g.post(`/${acc.accountId}/adcreatives`, { object_story_spec: video });
    expect((await g.get(`/${ok.body.id}`, { fields: "object_type,video_id,title,link_url" })).body).toEqual({
      id: ok.body.id, object_type: "VIDEO", video_id: "55", title: "Watch", link_url: "https://x.example",
    });
    expect((await sandbox.control.ledger({ account: acc.accountId })).map((e) => e.objectId)).toEqual([ok.body.id]);
  });
});

describe("meta ads", () => {
  it("creates an ad, reads creative as {id} or expanded, swaps the creative, one ledger entry per change", async () => {
    const { acc, g, newCampaign, newAdSet, newCreative } = await setup();
    const cid = await newCampaign();
    const asid = await newAdSet(cid);
    const cr1 = await newCreative();
    const cr2 = await newCreative();
    const res = await g.post(`/${acc.accountId}/ads`, { name: "Ad 1", adset_id: asid, creative: { creative_id: cr1 }, status: "PAUSED", adlabels: [{ name: "layers:ad_1" }] });
    expect(res.status).toBe(200);
    const id = res.body.id as string;
    expect((await g.get(`/${id}`, { fields: "name,adset_id,campaign_id,account_id,status,effective_status,creative,adlabels{name}" })).body).toEqual({
      id, name: "Ad 1", adset_id: asid, campaign_id: cid, account_id: acc.platformAccountId, status: "PAUSED", effective_status: "PAUSED",
      creative: { id: cr1 }, adlabels: [{ id: expect.any(String), name: "layers:ad_1" }],
    });
    expect((await g.get(`/${id}`, { fields: "creative{name,body}" })).body.creative).toEqual({ id: cr1, name: "Cr", body: "Fresh stock" });

    expect((await g.post(`/${id}`, { creative: { creative_id: cr2 }, name: "Ad 1b" })).body).toEqual({ success: true });
    expect((await g.get(`/${id}`, { fields: "creative,name" })).body).toEqual({ id, creative: { id: cr2 }, name: "Ad 1b" });
    const missing = await g.post(`/${id}`, { creative: { creative_id: "120299999999999999" } });
    expect(missing.body.error).toMatchObject({ code: 100, error_data: { blame_field_specs: [["creative"]] } });

    expect((await g.get(`/${asid}/ads`, { fields: "name" })).body.data).toEqual([{ id, name: "Ad 1b" }]);
    expect((await g.get(`/${cid}/ads`)).body.data).toEqual([{ id }]);
    expect((await g.get(`/${acc.accountId}/ads`)).body.data).toEqual([{ id }]);

    expect((await g.del(`/${id}`)).body).toEqual({ success: true });
    expect((await g.get(`/${acc.accountId}/ads`)).body).toEqual({ data: [] });
    expect((await sandbox.control.ledger({ account: acc.accountId, objectId: id })).map((e) => [e.op, e.fields])).toEqual([
      ["create", { name: "Ad 1", adset_id: asid, creative: { creative_id: cr1 }, status: "PAUSED", adlabels: [{ name: "layers:ad_1" }] }],
      ["update", { name: "Ad 1b", creative: { creative_id: cr2 } }],
      ["delete", { status: "DELETED" }],
    ]);
  });

  it("refuses deleting a creative an ad still uses, and allows it once the ad is deleted", async () => {
    const { acc, g, newCampaign, newAdSet, newCreative, newAd } = await setup();
    const cr = await newCreative();
    const asid = await newAdSet(await newCampaign());
    const ad = await newAd(asid, cr);
    const refused = await g.del(`/${cr}`);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 100, error_user_title: "Creative In Use" });
    expect(refused.body.error.message).toContain(ad);
    // Archived ads still hold their creative.
    await g.post(`/${ad}`, { status: "ARCHIVED" });
    expect((await g.del(`/${cr}`)).status).toBe(400);
    await g.del(`/${ad}`);
    expect((await g.del(`/${cr}`)).body).toEqual({ success: true });
    expect((await g.get(`/${cr}`, { fields: "status" })).body.status).toBe("DELETED");
    expect((await g.get(`/${acc.accountId}/adcreatives`)).body).toEqual({ data: [] });
    const reuse = await g.post(`/${acc.accountId}/ads`, { name: "x", adset_id: asid, creative: { creative_id: cr } });
    expect(reuse.body.error).toMatchObject({ code: 100, error_data: { blame_field_specs: [["creative"]] } });
    expect((await sandbox.control.ledger({ account: acc.accountId, objectId: cr })).map((e) => e.op)).toEqual(["create", "delete"]);
  });

  it("shows paused, archived and deleted parents in the children's effective_status", async () => {
    const { acc, g, newCampaign, newAdSet, newCreative, newAd } = await setup();
    const cid = await newCampaign({ status: "ACTIVE" });
    const asid = await newAdSet(cid, { status: "ACTIVE" });
    const ad = await newAd(asid, await newCreative(), { status: "ACTIVE" });
    const eff = async () => [
      (await g.get(`/${asid}`, { fields: "effective_status" })).body.effective_status,
      (await g.get(`/${ad}`, { fields: "effective_status" })).body.effective_status,
    ];
    expect(await eff()).toEqual(["ACTIVE", "ACTIVE"]);
    await g.post(`/${asid}`, { status: "PAUSED" });
    expect(await eff()).toEqual(["PAUSED", "ADSET_PAUSED"]);
    await g.post(`/${cid}`, { status: "PAUSED" });
    expect(await eff()).toEqual(["PAUSED", "CAMPAIGN_PAUSED"]);
    await g.post(`/${asid}`, { status: "ACTIVE" });
    expect(await eff()).toEqual(["CAMPAIGN_PAUSED", "CAMPAIGN_PAUSED"]);
    const filtered = await g.get(`/${acc.accountId}/ads`, { effective_status: '["CAMPAIGN_PAUSED"]' });
    expect(filtered.body.data).toEqual([{ id: ad }]);

    await g.post(`/${cid}`, { status: "ARCHIVED" });
    expect(await eff()).toEqual(["ARCHIVED", "ARCHIVED"]);
    expect((await g.post(`/${ad}`, { status: "ACTIVE" })).body.error.code).toBe(100);
    expect((await g.post(`/${acc.accountId}/ads`, { name: "late", adset_id: asid, creative: { creative_id: await newCreative() } })).body.error.code).toBe(100);
    await g.del(`/${cid}`);
    expect(await eff()).toEqual(["DELETED", "DELETED"]);
    // Deleted with their campaign: gone from the edges, and edits are refused.
    expect((await g.get(`/${acc.accountId}/adsets`)).body).toEqual({ data: [] });
    expect((await g.post(`/${asid}`, { name: "x" })).body.error.code).toBe(100);
  });
});

describe("meta ad sets and ads - the request pipeline", () => {
  it("applies throttling, 5xx and lost-response faults to the new paths", async () => {
    const { acc, g, newCampaign, newCreative } = await setup();
    const cid = await newCampaign();
    const cr = await newCreative();
    await sandbox.control.setFaults({ platform: "meta", account: acc.accountId, throttle: 1, throttleRegainMinutes: 2, fail5xx: 1, failAfterApply: 1 });

    const throttled = await g.post(`/${acc.accountId}/adsets`, adSet(cid, { daily_budget: 2000 }));
    expect(throttled.status).toBe(400);
    expect(throttled.body.error).toMatchObject({ code: 80004, is_transient: true });
    expect(JSON.parse(throttled.headers.get("x-business-use-case-usage") ?? "{}")[acc.platformAccountId][0].estimated_time_to_regain_access).toBe(2);
    const failed = await g.get(`/${cr}`);
    expect(failed.status).toBe(500);
    expect(failed.body.error).toMatchObject({ code: 2, is_transient: true });

    // The lost response: applied and ledgered, answered 500.
    const lost = await g.post(`/${acc.accountId}/adsets`, adSet(cid, { daily_budget: 2000, name: "lost" }));
    expect(lost.status).toBe(500);
    const listed = (await g.get(`/${acc.accountId}/adsets`, { fields: "name" })).body;
    expect(listed.data.map((a: { name: string }) => a.name)).toEqual(["lost"]);
    const creates = (await sandbox.control.ledger({ account: acc.accountId })).filter((e) => e.path.endsWith("/adsets"));
    expect(creates).toHaveLength(1);
    expect(creates[0]).toMatchObject({ op: "create", objectId: listed.data[0].id });
    await sandbox.control.clearFaults(acc.accountId);
  });

  it("answers usage headers, hides other accounts' objects and honours validate_only", async () => {
    const { acc, g, newCampaign, newAdSet, newCreative, newAd } = await setup();
    const cid = await newCampaign();
    const asid = await newAdSet(cid);
    const ad = await newAd(asid, await newCreative());
    const read = await g.get(`/${ad}`);
    expect(read.headers.get("x-business-use-case-usage")).toContain(acc.platformAccountId);
    expect(read.headers.get("x-app-usage")).toBeTruthy();

    const other = await sandbox.control.createMetaAdAccount();
    const asOther = graphAs(sandbox.url, other.accessToken);
    for (const res of [await asOther.get(`/${asid}`), await asOther.post(`/${ad}`, { name: "hijack" }), await asOther.get(`/${asid}/ads`)]) {
      expect(res.body.error).toMatchObject({ code: 100, error_subcode: 33 });
    }
    const foreign = await asOther.post(`/${other.accountId}/ads`, { name: "x", adset_id: asid, creative: { creative_id: "1" } });
    expect(foreign.body.error).toMatchObject({ code: 100, error_data: { blame_field_specs: [["adset_id"]] } });

    const before = (await sandbox.control.ledger({ account: acc.accountId })).length;
    expect((await g.post(`/${acc.accountId}/adsets`, { ...adSet(cid, { daily_budget: 2000 }), execution_options: ["validate_only"] })).body).toEqual({ success: true });
    expect((await g.post(`/${asid}`, { name: "dry", execution_options: ["validate_only"] })).body).toEqual({ success: true });
    expect((await g.get(`/${asid}`)).body.name).toBe("AS");
    expect(await sandbox.control.ledger({ account: acc.accountId })).toHaveLength(before);
    expect((await g.get(`/${cid}/adcreatives`)).body.error).toMatchObject({ code: 2500 });
    expect((await g.get(`/${asid}`, { fields: "name,colour" })).body.error.message).toBe("(#100) Tried accessing nonexisting field (colour) on node type (AdSet)");
  });
});

describe("meta seeds with ad sets and ads", () => {
  it("seeds pre-existing ad sets, ads and creatives under campaigns, never ledgered", async () => {
    const { acc, g } = await setup({
      campaigns: [{
        name: "Old", objective: "LINK_CLICKS", status: "ACTIVE",
        adsets: [
          { name: "Old AS", daily_budget: 1500, ads: [{ name: "Old ad", creative: { headline: "Hi", link: "https://old.example/" } }] },
          { name: "Shelved", status: "ARCHIVED", daily_budget: 1000 },
        ],
      }],
    });
    const seeded = acc.campaigns[0];
    const [live, shelved] = seeded?.adsets ?? [];
    expect(seeded?.adsets.map((a) => a.name)).toEqual(["Old AS", "Shelved"]);
    const ad = live?.ads[0];
    expect(ad).toMatchObject({ id: expect.stringMatching(/^\d{18}$/), name: "Old ad", creativeId: expect.stringMatching(/^\d+$/) });

    expect((await g.get(`/${live?.id}`, { fields: "name,daily_budget,campaign_id,targeting,effective_status" })).body).toEqual({
      id: live?.id, name: "Old AS", daily_budget: "1500", campaign_id: seeded?.id, targeting: { geo_locations: { countries: ["US"] } }, effective_status: "ACTIVE",
    });
    expect((await g.get(`/${ad?.id}`, { fields: "creative{title,link_url}" })).body.creative).toEqual({ id: ad?.creativeId, title: "Hi", link_url: "https://old.example/" });
    expect((await g.get(`/${seeded?.id}/adsets`, { fields: "name" })).body.data).toEqual([{ id: live?.id, name: "Old AS" }]);
    expect((await g.get(`/${shelved?.id}`, { fields: "status" })).body.status).toBe("ARCHIVED");
    expect(await sandbox.control.ledger({ account: acc.accountId })).toEqual([]);

    // A seeded ad behaves like any other: pausing it is one ledger entry.
    expect((await g.post(`/${ad?.id}`, { status: "PAUSED" })).body).toEqual({ success: true });
    expect((await sandbox.control.ledger({ account: acc.accountId })).map((e) => [e.op, e.objectId])).toEqual([["update", ad?.id]]);
  });

  it("refuses seeds with budgets at both levels or a lifetime budget without end_time", async () => {
    const post = (campaigns: unknown) =>
      fetch(`${sandbox.url}/_sandbox/meta/ad-accounts`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ campaigns }) });
    const both = await post([{ name: "c", objective: "OUTCOME_SALES", daily_budget: 100, adsets: [{ name: "a", daily_budget: 100 }] }]);
    expect(both.status).toBe(400);
    const noEnd = await post([{ name: "c", objective: "OUTCOME_SALES", adsets: [{ name: "a", lifetime_budget: 100 }] }]);
    expect(noEnd.status).toBe(400);
  });

  it("keeps ad sets, ads and creatives in the state file across a restart", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sandbox-adsets-"));
    const stateFile = join(dir, "state.json");
    try {
      const first = await startSandbox({ port: 0, stateFile });
      const acc = await createSandboxClient(first.url).createMetaAdAccount({
        campaigns: [{ name: "c", objective: "OUTCOME_SALES", adsets: [{ name: "as", daily_budget: 1000, ads: [{ name: "ad" }] }] }],
      });
      const g1 = graphAs(first.url, acc.accessToken);
      const cr = (await g1.post(`/${acc.accountId}/adcreatives`, { name: "new", object_story_spec: storySpec })).body.id as string;
      await first.stop();

      const second = await startSandbox({ port: 0, stateFile });
      try {
        const g2 = graphAs(second.url, acc.accessToken);
        const adSetId = acc.campaigns[0]?.adsets[0]?.id as string;
        expect((await g2.get(`/${adSetId}/ads`, { fields: "name,creative" })).body.data).toEqual([
          { id: acc.campaigns[0]?.adsets[0]?.ads[0]?.id, name: "ad", creative: { id: acc.campaigns[0]?.adsets[0]?.ads[0]?.creativeId } },
        ]);
        expect((await g2.get(`/${cr}`)).body).toEqual({ id: cr, name: "new" });
        // Ordinals survive too: a new ad set sorts before the restored one.
        const created = await g2.post(`/${acc.accountId}/adsets`, adSet(acc.campaigns[0]?.id as string, { daily_budget: 1000, name: "after" }));
        expect((await g2.get(`/${acc.accountId}/adsets`, { fields: "name" })).body.data.map((a: { id: string }) => a.id)).toEqual([created.body.id, adSetId]);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
