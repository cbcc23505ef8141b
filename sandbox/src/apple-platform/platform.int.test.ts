import { describe, expect, it } from "vitest";
import { useTestSandbox } from "../test-support/start-test-sandbox.ts";
import { appleAs } from "../apple/test-client.ts";
import { adGroupV1, campaignV1, platformAs, platformCall } from "./test-client.ts";

const sandbox = useTestSandbox();

async function account(currency = "USD", campaigns: Array<Record<string, unknown>> = []) {
  const o = await sandbox.control.createAppleOrg({ currency, campaigns: campaigns as never });
  return { o, p: platformAs(sandbox.url, o.accessToken, o.orgId), v5: appleAs(sandbox.url, o.accessToken, o.orgId), account: String(o.orgId) };
}

describe("Apple Ads Platform API in the sandbox", () => {
  it("one state behind both APIs: a seeded campaign and a v1-made one have the same ids and values through v5 and v1", async () => {
    const { o, p, v5 } = await account("USD", [{ name: "Seeded", dailyBudgetAmount: "25.5", adGroups: [{ name: "G", keywords: [{ text: "kw" }] }] }]);
    const seeded = o.campaigns[0]!;
    const viaV1 = await p.get(`/campaigns/${seeded.id}`);
    expect(viaV1.status).toBe(200);
    expect(viaV1.body.result).toMatchObject({
      id: seeded.id, adAccountId: o.orgId, name: "Seeded", promotedObjectType: "APPSTORE_APP", promotedObjectId: "1234567890",
      dailyBudget: { value: { amount: "25.50", currency: "USD" } }, status: "ENABLED", displayStatus: "RUNNING", deleted: false,
      targeting: { supplyPlacement: { include: ["APPSTORE_SEARCH_RESULTS"] }, countryOrRegion: { include: ["US"] } },
      bidStrategy: { bidStrategyType: "MANUAL_CPT", bidStrategyGoal: "TAP" },
    });
    const made = await p.post("/campaigns", campaignV1(o.orgId, "Made on v1", { targeting: { supplyPlacement: { include: ["APPSTORE_PRODUCT_PAGES"] }, countryOrRegion: { include: ["DE", "FR"] } } }));
    expect(made.status).toBe(200);
    const id = made.body.result.id;
    expect((await v5.get(`/campaigns/${id}`)).body.data).toMatchObject({
      id, name: "Made on v1", status: "PAUSED", dailyBudgetAmount: { amount: "100", currency: "USD" }, countriesOrRegions: ["DE", "FR"],
      supplySources: ["APPSTORE_PRODUCT_PAGES_BROWSE"], adChannelType: "DISPLAY", biddingStrategy: "MANUAL_CPT",
    });
    const g = await p.post("/adgroups", adGroupV1(id, "AG", { targeting: { minAge: { include: ["25"] }, gender: { include: ["F"] }, deviceClass: { include: ["IPAD"] } } }));
    expect(g.body.result).toMatchObject({ campaignId: id, pricingModel: "CPT", bidStrategy: { bid: { amount: "1.50", currency: "USD" } }, status: "ENABLED" });
    expect((await v5.get(`/campaigns/${id}/adgroups/${g.body.result.id}`)).body.data).toMatchObject({
      pricingModel: "CPC", defaultBidAmount: { amount: "1.5", currency: "USD" },
      targetingDimensions: { age: { included: [{ minAge: 25 }] }, gender: { included: ["F"] }, deviceClass: { included: ["IPAD"] } },
    });
    // A keyword made on v5 reads on v1 with ENABLED and, having no bid, its ad group's.
    await v5.post(`/campaigns/${id}/adgroups/${g.body.result.id}/targetingkeywords/bulk`, [{ text: "shoes", matchType: "EXACT" }]);
    const kws = await p.post("/keywords/query", { filters: [{ field: "adGroupId", operator: "EQUALS", value: g.body.result.id }] });
    expect(kws.body.result).toMatchObject([{ text: "shoes", matchType: "EXACT", status: "ENABLED", bid: { amount: "1.50", currency: "USD" } }]);
  });

  it("ledger: one entry per applied mutation, marked with the API that made it, in the API's spelling", async () => {
    const { o, p, v5, account: acct } = await account();
    const id = (await p.post("/campaigns", campaignV1(o.orgId, "L"))).body.result.id;
    await v5.put(`/campaigns/${id}`, { campaign: { name: "L2" } });
    await p.put(`/campaigns/${id}`, { dailyBudget: { value: { amount: "20.5", currency: "USD" } } });
    await p.get(`/campaigns/${id}`);
    await p.put(`/campaigns/${id}`, { dailyBudget: { value: { amount: "0", currency: "USD" } } });
    const entries = await sandbox.control.ledger({ platform: "apple", account: acct });
    expect(entries.map((e) => [e.api, e.method, e.path, e.op, e.fields])).toEqual([
      ["platform", "POST", "/v1/campaigns", "create", expect.objectContaining({ name: "L", dailyBudget: { value: { amount: "100.00", currency: "USD" } }, promotedObjectId: "1234567890" })],
      ["v5", "PUT", `/api/v5/campaigns/${id}`, "update", { name: "L2" }],
      ["platform", "PUT", `/v1/campaigns/${id}`, "update", { dailyBudget: { value: { amount: "20.50", currency: "USD" } } }],
    ]);
  });

  it("queries: value not values, pageSize not limit, offset paging with totalCount, deleted hidden unless filtered, scope filters required", async () => {
    const { o, p } = await account("USD", [{ name: "a" }, { name: "b" }, { name: "c" }, { name: "gone", deleted: true }]);
    const page1 = await p.post("/campaigns/query", { pagination: { offset: 0, pageSize: 2, fetchTotalCount: true } });
    const page2 = await p.post("/campaigns/query", { pagination: { offset: 2, pageSize: 2 } });
    expect(page1.body.pagination).toEqual({ offset: 0, pageSize: 2, totalCount: 3 });
    expect([...page1.body.result, ...page2.body.result].map((c: { name: string }) => c.name).sort()).toEqual(["a", "b", "c"]);
    const all = await p.post("/campaigns/query", { filters: [{ field: "deleted", operator: "IN", value: [true, false] }] });
    expect(all.body.result).toHaveLength(4);
    const byName = await p.post("/campaigns/query", { filters: [{ field: "name", operator: "STARTS_WITH", value: "b" }] });
    expect(byName.body.result.map((c: { name: string }) => c.name)).toEqual(["b"]);

    const values = await p.post("/campaigns/query", { filters: [{ field: "name", operator: "IN", values: ["a"] }] });
    expect(values.status).toBe(400);
    expect(values.body).toEqual({ error: { code: "VALIDATION_ERROR", message: expect.stringContaining("values"), details: [expect.objectContaining({ code: "REQUEST_INVALID" })] } });
    expect((await p.post("/campaigns/query", { pagination: { limit: 5 } })).status).toBe(400);
    expect((await p.post("/campaigns/query", { pagination: { pageSize: 1001 } })).status).toBe(400);
    const kw = await p.post("/keywords/query", {});
    expect(kw.status).toBe(400);
    expect(kw.body.error.details[0]).toMatchObject({ code: "INVALID_VALUE", info: { field: "filters" } });
    const inCampaigns = await p.post("/adgroups/query", { filters: [{ field: "campaignId", operator: "IN", value: [o.campaigns[0]!.id] }] });
    expect(inCampaigns.status).toBe(400);
    expect(inCampaigns.body.error.message).toMatch(/EQUALS/);
  });

  it("writes: partial PUT without envelope, immutable fields refused, soft delete cascades and answers {}; writes to deleted objects are 404", async () => {
    const { o, p } = await account();
    const cid = (await p.post("/campaigns", campaignV1(o.orgId, "W"))).body.result.id;
    const gid = (await p.post("/adgroups", adGroupV1(cid, "G"))).body.result.id;
    const kid = (await p.post("/keywords", { adGroupId: gid, text: "run", matchType: "BROAD", bid: { amount: "0.75", currency: "USD" } })).body.result.id;
    const put = await p.put(`/campaigns/${cid}`, { status: "ENABLED" });
    expect(put.body.result).toMatchObject({ status: "ENABLED", name: "W", dailyBudget: { value: { amount: "100.00", currency: "USD" } } });
    expect((await p.put(`/campaigns/${cid}`, { campaign: { name: "x" } })).status).toBe(400);
    const fixed = await p.put(`/campaigns/${cid}`, { promotedObjectId: "42" });
    expect(fixed.body.error.details[0]).toMatchObject({ code: "INVALID_VALUE", info: { field: "promotedObjectId" } });
    expect((await p.put(`/keywords/${kid}`, { bid: null })).status).toBe(400);
    expect((await p.put(`/keywords/${kid}`, { text: "walk" })).status).toBe(400);
    expect((await p.put(`/keywords/${kid}`, { status: "PAUSED" })).body.result).toMatchObject({ status: "PAUSED", bid: { amount: "0.75", currency: "USD" } });

    const del = await p.del(`/campaigns/${cid}`);
    expect(del).toMatchObject({ status: 200, body: {} });
    expect((await p.get(`/campaigns/${cid}`)).body.result).toMatchObject({ deleted: true, displayStatus: "DELETED", systemStatus: "NOT_RUNNING", systemStatusReasons: ["DELETED_BY_USER"] });
    expect((await p.get(`/adgroups/${gid}`)).body.result).toMatchObject({ deleted: true });
    expect((await p.get(`/keywords/${kid}`)).body.result).toMatchObject({ deleted: true });
    expect((await p.put(`/campaigns/${cid}`, { name: "again" })).status).toBe(404);
    expect((await p.del(`/campaigns/${cid}`)).status).toBe(404);
  });

  it("money: decimal strings by the currency, refused when the currency or precision is wrong", async () => {
    const { o, p } = await account("JPY");
    const ok = await p.post("/campaigns", campaignV1(o.orgId, "Yen", { dailyBudget: { value: { amount: "5000", currency: "JPY" } } }));
    expect(ok.body.result.dailyBudget).toEqual({ value: { amount: "5000", currency: "JPY" } });
    const frac = await p.post("/campaigns", campaignV1(o.orgId, "Yen2", { dailyBudget: { value: { amount: "5000.5", currency: "JPY" } } }));
    expect(frac.status).toBe(400);
    const usd = await p.post("/campaigns", campaignV1(o.orgId, "Yen3"));
    expect(usd.body.error.details[0]).toMatchObject({ info: { field: "dailyBudget.value.currency" } });
  });

  it("auth, context, rate-limit headers on every answer, and faults shared with v5", async () => {
    const { o, p, v5 } = await account();
    const first = await p.post("/campaigns/query", {});
    expect(first.headers.get("ratelimit-limit")).toBe("100");
    const remaining = Number(first.headers.get("ratelimit-remaining"));
    expect(Number((await p.post("/campaigns/query", {})).headers.get("ratelimit-remaining"))).toBe(remaining - 1);
    expect(Number(first.headers.get("ratelimit-reset"))).toBeGreaterThan(0);

    expect((await platformCall(sandbox.url, "POST", "/campaigns/query", {}, { token: "nope", context: `adAccountId=${o.orgId}` })).body).toMatchObject({ error: { code: "UNAUTHORIZED" } });
    const v5Context = await platformCall(sandbox.url, "POST", "/campaigns/query", {}, { token: o.accessToken, context: `orgId=${o.orgId}` });
    expect(v5Context).toMatchObject({ status: 403, body: { error: { code: "FORBIDDEN" } } });
    expect((await p.get(`/ad-accounts/${o.orgId}`)).body.result).toMatchObject({ id: o.orgId, currency: "USD", productFeatures: ["APPSTORE_APP_MANUAL"] });
    expect((await platformCall(sandbox.url, "GET", "/acls", undefined, { token: o.accessToken })).body.result.acls).toEqual([
      { adAccount: { id: o.orgId, name: o.name, orgId: o.orgId }, roles: ["API Account Manager"] },
    ]);

    await sandbox.control.setAppleFaults({ orgId: o.orgId, throttle: 1, throttleRegainMinutes: 0.5 });
    const throttled = await p.post("/campaigns", campaignV1(o.orgId, "T"));
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBe("30");
    expect(throttled.headers.get("ratelimit-remaining")).toBe("0");
    expect(throttled.body.error.code).toBe("RATE_LIMIT_EXCEEDED");
    await sandbox.control.setAppleFaults({ orgId: o.orgId, fail5xx: 1 });
    expect((await v5.get("/campaigns")).status).toBe(500);
    expect((await p.post("/campaigns/query", {})).status).toBe(200);
    await sandbox.control.setAppleFaults({ orgId: o.orgId, expiredToken: true });
    expect((await p.post("/campaigns/query", {})).status).toBe(401);
    await sandbox.control.clearAppleFaults(o.orgId);
  });

  it("apps reports: campaignId filter required; the same numbers as v5's reports (scripted, summed, synthetic); DAILY rows, paging, empty rows, grand total", async () => {
    const { o, p, v5 } = await account("USD", [{ name: "R", adGroups: [{ name: "G1", keywords: [{ text: "a" }, { text: "b" }] }, { name: "G2" }] }]);
    const c = o.campaigns[0]!;
    const [g1, g2] = c.adGroups;
    const kwA = g1!.keywords[0]!.id;
    const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
    const timeRange = { start: day(5), end: day(1), timeZone: "UTC" };
    // Keyword a scripted on two days; g2 scripted to nothing: the campaign is g1's sum (a + b's synthetic days).
    await sandbox.control.setPerformance("apple", String(kwA), [{ date: day(3), spend: 1250, impressions: 400, clicks: 20, conversions: 2 }, { date: day(2), spend: 50, impressions: 10, clicks: 1, conversions: 0 }]);
    await sandbox.control.setPerformance("apple", String(g2!.id), []);
    const cf = [{ field: "campaignId", operator: "EQUALS", value: String(c.id) }];
    expect((await p.post("/reports/apps/adgroups/query", { timeRange })).status).toBe(400);
    expect((await p.post("/reports/apps/adgroups/query", { timeRange: { ...timeRange, granularity: "DAILY", start: day(1) }, filters: cf })).status).toBe(400);

    const kws = await p.post("/reports/apps/keywords/query", { timeRange: { ...timeRange, granularity: "DAILY" }, filters: cf });
    expect(kws.status).toBe(200);
    const a = kws.body.result.rows.find((r: { metadata: { id: number } }) => r.metadata.id === kwA);
    expect(a).toEqual({
      metadata: { id: kwA, name: "a", adAccountId: o.orgId, campaignId: c.id, adGroupId: g1!.id, matchType: expect.any(String), deleted: false },
      totalMetrics: expect.objectContaining({ impressions: 410, taps: 21, totalInstalls: 2, localSpend: { amount: "13.00", currency: "USD" } }),
      granularMetrics: [
        expect.objectContaining({ date: day(3), impressions: 400, taps: 20, totalInstalls: 2, localSpend: { amount: "12.50", currency: "USD" } }),
        expect.objectContaining({ date: day(2), impressions: 10, taps: 1, totalInstalls: 0, localSpend: { amount: "0.50", currency: "USD" } }),
      ],
    });

    // The same objects through v5's reports: the same daily numbers (v5 trims amounts, v1 pads them).
    const v5Rows = await v5.post(`/reports/campaigns/${c.id}/keywords`, { startTime: timeRange.start, endTime: timeRange.end, granularity: "DAILY", timeZone: "UTC" });
    const daily = (rows: Array<{ date: string; impressions: number; taps: number; totalInstalls: number; localSpend: { amount: string } }>) =>
      rows.map((d) => [d.date, d.impressions, d.taps, d.totalInstalls, Number(d.localSpend.amount)]);
    for (const r of v5Rows.body.data.reportingDataResponse.row) {
      const v1 = kws.body.result.rows.find((x: { metadata: { id: number } }) => x.metadata.id === r.metadata.keywordId);
      expect(daily(v1.granularMetrics)).toEqual(daily(r.granularity));
    }

    // g2 reports nothing, so it is left out unless asked for; the campaign is the sum of its children.
    const groups = await p.post("/reports/apps/adgroups/query", { timeRange, filters: cf, options: { includeRows: ["GRAND_TOTAL"] } });
    expect(groups.body.result.rows.map((r: { metadata: { id: number } }) => r.metadata.id)).toEqual([g1!.id]);
    expect(groups.body.result.rows[0]).not.toHaveProperty("granularMetrics");
    const page = (offset: number) => p.post("/reports/apps/adgroups/query", { timeRange, filters: cf, options: { includeRows: ["EMPTY_METRICS"] }, pagination: { offset, pageSize: 1 } });
    const [first, second] = [await page(0), await page(1)];
    expect(second.body.pagination).toEqual({ offset: 1, pageSize: 1, totalCount: 2 });
    expect([...first.body.result.rows, ...second.body.result.rows].map((r: { metadata: { id: number } }) => r.metadata.id).sort()).toEqual([g1!.id, g2!.id].sort());
    const campaign = await p.post("/reports/apps/campaigns/query", { timeRange, filters: [{ field: "campaignId", operator: "EQUALS", value: c.id }] });
    expect(campaign.body.result.rows[0].totalMetrics).toEqual(groups.body.result.summary.grandTotal);
    expect(campaign.body.result.rows[0].totalMetrics).toEqual(groups.body.result.rows[0].totalMetrics);
  });
});
