import { describe, expect, it } from "vitest";
import { useTestSandbox } from "../test-support/start-test-sandbox.ts";

const sandbox = useTestSandbox();

async function call(method: string, path: string, opts: { body?: unknown; headers?: Record<string, string> } = {}) {
  const res = await fetch(`${sandbox.url}${path}`, {
    method,
    headers: { ...(opts.body === undefined ? {} : { "content-type": "application/json" }), ...opts.headers },
    ...(opts.body === undefined ? {} : { body: JSON.stringify(opts.body) }),
  });
  return { status: res.status, body: (await res.json()) as any };
}
const script = (platform: string, id: string, daily: unknown[]) => call("PUT", `/_sandbox/performance/${platform}/${id}`, { body: { daily } });
const d = (date: string, spend: number, impressions: number, clicks: number, conversions: number) => ({ date, spend, impressions, clicks, conversions });

describe("sandbox performance: Meta insights", () => {
  it("reports scripted ads per day in major-unit strings with conversions in actions, and the ad set as the sum", async () => {
    const acct = await sandbox.control.createMetaAdAccount({
      currency: "USD",
      campaigns: [{ name: "C", objective: "OUTCOME_SALES", adsets: [{ name: "S", daily_budget: 5000, ads: [{ name: "A1" }, { name: "A2" }] }] }],
    } as never);
    const set = acct.campaigns[0]!.adsets[0]!;
    const [a1, a2] = set.ads;
    expect((await script("meta", a1!.id, [d("2026-11-01", 12345, 1000, 20, 2), d("2026-11-03", 100, 10, 1, 0)])).status).toBe(200);
    expect((await script("meta", a2!.id, [d("2026-11-01", 5, 50, 0, 0)])).status).toBe(200);

    const q = new URLSearchParams({ access_token: acct.accessToken, level: "ad", time_increment: "1", time_range: JSON.stringify({ since: "2026-11-01", until: "2026-11-03" }), fields: "ad_id,ad_name,adset_id,campaign_id,spend,impressions,clicks,actions" });
    const res = await call("GET", `/v24.0/${acct.accountId}/insights?${q}`);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([
      { ad_id: a1!.id, ad_name: "A1", adset_id: set.id, campaign_id: acct.campaigns[0]!.id, spend: "123.45", impressions: "1000", clicks: "20", actions: [{ action_type: "offsite_conversion.fb_pixel_purchase", value: "2" }], date_start: "2026-11-01", date_stop: "2026-11-01" },
      { ad_id: a1!.id, ad_name: "A1", adset_id: set.id, campaign_id: acct.campaigns[0]!.id, spend: "1.00", impressions: "10", clicks: "1", date_start: "2026-11-03", date_stop: "2026-11-03" },
      { ad_id: a2!.id, ad_name: "A2", adset_id: set.id, campaign_id: acct.campaigns[0]!.id, spend: "0.05", impressions: "50", clicks: "0", date_start: "2026-11-01", date_stop: "2026-11-01" },
    ]);

    const agg = await call("GET", `/v24.0/${set.id}/insights?${new URLSearchParams({ access_token: acct.accessToken, time_range: JSON.stringify({ since: "2026-11-01", until: "2026-11-03" }), fields: "spend,impressions" })}`);
    expect(agg.body.data).toEqual([{ spend: "124.50", impressions: "1060", date_start: "2026-11-01", date_stop: "2026-11-03" }]);

    // Cleared, the ad is back to synthetic (non-zero) numbers.
    expect((await call("DELETE", `/_sandbox/performance/meta/${a2!.id}`)).body).toEqual({ cleared: true });
    const synthetic = await call("GET", `/v24.0/${a2!.id}/insights?${new URLSearchParams({ access_token: acct.accessToken, time_range: JSON.stringify({ since: "2026-11-01", until: "2026-11-01" }) })}`);
    expect(Number(synthetic.body.data[0].spend)).toBeGreaterThan(0);
  });

  it("pages with limit and after, and refuses a foreign token, a bad level and a bad range", async () => {
    const acct = await sandbox.control.createMetaAdAccount({ campaigns: [{ name: "C", objective: "OUTCOME_SALES", adsets: [{ name: "S", daily_budget: 5000, ads: [{ name: "A" }] }] }] } as never);
    const other = await sandbox.control.createMetaAdAccount({});
    const adId = acct.campaigns[0]!.adsets[0]!.ads[0]!.id;
    const base = { access_token: acct.accessToken, time_increment: "1", time_range: JSON.stringify({ since: "2026-11-01", until: "2026-11-05" }) };
    const first = await call("GET", `/v24.0/${adId}/insights?${new URLSearchParams({ ...base, limit: "3" })}`);
    expect(first.body.data).toHaveLength(3);
    expect(first.body.paging.next).toBeDefined();
    const second = await call("GET", `/v24.0/${adId}/insights?${new URLSearchParams({ ...base, limit: "3", after: first.body.paging.cursors.after })}`);
    expect(second.body.data.map((r: any) => r.date_start)).toEqual(["2026-11-04", "2026-11-05"]);

    expect((await call("GET", `/v24.0/${adId}/insights?${new URLSearchParams({ ...base, access_token: other.accessToken })}`)).body.error.code).toBe(100);
    expect((await call("GET", `/v24.0/${adId}/insights?${new URLSearchParams({ ...base, level: "campaign" })}`)).status).toBe(400);
    expect((await call("GET", `/v24.0/${adId}/insights?${new URLSearchParams({ ...base, time_range: "{}" })}`)).body.error.code).toBe(100);
  });

  it("refuses scripts for unknown objects and bad bodies", async () => {
    expect((await script("meta", "999999", [])).status).toBe(404);
    expect((await script("google", "1", [])).status).toBe(400);
    const acct = await sandbox.control.createMetaAdAccount({ campaigns: [{ name: "C", objective: "OUTCOME_SALES" }] } as never);
    expect((await script("meta", acct.campaigns[0]!.id, [{ date: "2026-11-01", spend: 1.5, impressions: 1, clicks: 0, conversions: 0 }])).status).toBe(400);
  });
});

describe("sandbox performance: TikTok integrated report", () => {
  it("reports BASIC daily rows per ad with string metrics in major units, pages, and refuses spans over 30 days", async () => {
    const adv = await sandbox.control.createTiktokAdvertiser({ currency: "USD", campaigns: [{ campaign_name: "C", adgroups: [{ adgroup_name: "G", ads: [{ ad_name: "A1" }, { ad_name: "A2" }] }] }] } as never);
    const g = adv.campaigns[0]!.adgroups[0]!;
    await script("tiktok", g.ads[0]!.ad_id, [d("2026-11-01", 2050, 400, 8, 1)]);
    await script("tiktok", g.ads[1]!.ad_id, [d("2026-11-02", 999, 100, 2, 0)]);
    const q = (extra: Record<string, string>) =>
      new URLSearchParams({ advertiser_id: adv.advertiserId, report_type: "BASIC", data_level: "AUCTION_AD", dimensions: JSON.stringify(["ad_id", "stat_time_day"]), metrics: JSON.stringify(["spend", "impressions", "clicks", "conversion"]), start_date: "2026-11-01", end_date: "2026-11-30", ...extra });
    const res = await call("GET", `/open_api/v1.3/report/integrated/get/?${q({ page_size: "1" })}`, { headers: { "Access-Token": adv.accessToken } });
    expect(res.body.code).toBe(0);
    expect(res.body.data.page_info).toEqual({ page: 1, page_size: 1, total_number: 2, total_page: 2 });
    expect(res.body.data.list).toEqual([{ dimensions: { ad_id: g.ads[0]!.ad_id, stat_time_day: "2026-11-01 00:00:00" }, metrics: { spend: "20.50", impressions: "400", clicks: "8", conversion: "1" } }]);
    const page2 = await call("GET", `/open_api/v1.3/report/integrated/get/?${q({ page_size: "1", page: "2" })}`, { headers: { "Access-Token": adv.accessToken } });
    expect(page2.body.data.list[0].metrics.spend).toBe("9.99");

    const campaign = await call("GET", `/open_api/v1.3/report/integrated/get/?${q({ data_level: "AUCTION_CAMPAIGN", dimensions: JSON.stringify(["campaign_id"]) })}`, { headers: { "Access-Token": adv.accessToken } });
    expect(campaign.body.data.list).toEqual([{ dimensions: { campaign_id: adv.campaigns[0]!.campaign_id }, metrics: { spend: "30.49", impressions: "500", clicks: "10", conversion: "1" } }]);

    const tooLong = await call("GET", `/open_api/v1.3/report/integrated/get/?${q({ end_date: "2026-12-01" })}`, { headers: { "Access-Token": adv.accessToken } });
    expect(tooLong.body.code).toBe(40002);
    const badToken = await call("GET", `/open_api/v1.3/report/integrated/get/?${q({})}`, { headers: { "Access-Token": "nope" } });
    expect(badToken.body.code).toBe(40105);
  });
});

describe("sandbox performance: Apple v5 reports", () => {
  it("reports campaigns, ad groups and keywords daily with Money spend and installs", async () => {
    const org = await sandbox.control.createAppleOrg({ campaigns: [{ name: "C", adGroups: [{ name: "G", keywords: [{ text: "one" }, { text: "two" }] }] }] } as never);
    const c = org.campaigns[0]!;
    const g = c.adGroups[0]!;
    await script("apple", String(g.keywords[0]!.id), [d("2026-11-01", 1234, 300, 30, 3)]);
    await script("apple", String(g.keywords[1]!.id), [d("2026-11-01", 66, 100, 10, 0)]);
    const headers = { authorization: `Bearer ${org.accessToken}`, "x-ap-context": `orgId=${org.orgId}` };
    const body = { startTime: "2026-11-01", endTime: "2026-11-02", granularity: "DAILY", returnRowTotals: true, returnGrandTotals: true, selector: { pagination: { offset: 0, limit: 100 } } };

    const campaigns = await call("POST", "/api/v5/reports/campaigns", { headers, body });
    expect(campaigns.status).toBe(200);
    const row = campaigns.body.data.reportingDataResponse.row[0];
    expect(row.metadata.campaignId).toBe(c.id);
    expect(row.total.localSpend).toEqual({ amount: "13.00", currency: "USD" });
    expect(row.granularity).toHaveLength(1);
    expect(row.granularity[0]).toMatchObject({ date: "2026-11-01", impressions: 400, taps: 40, totalInstalls: 3 });

    const groups = await call("POST", `/api/v5/reports/campaigns/${c.id}/adgroups`, { headers, body });
    expect(groups.body.data.reportingDataResponse.row.map((r: any) => r.metadata.adGroupId)).toEqual([g.id]);

    const keywords = await call("POST", `/api/v5/reports/campaigns/${c.id}/keywords`, { headers, body });
    expect(keywords.body.data.reportingDataResponse.row.map((r: any) => [r.metadata.keywordId, r.total.localSpend.amount, r.total.tapInstalls])).toEqual([
      [g.keywords[0]!.id, "12.34", 3],
      [g.keywords[1]!.id, "0.66", 0],
    ]);
    expect(keywords.body.pagination).toEqual({ totalResults: 2, startIndex: 0, itemsPerPage: 2 });

    expect((await call("POST", "/api/v5/reports/campaigns", { headers: { ...headers, "x-ap-context": "orgId=1" }, body })).status).toBe(403);
    expect((await call("POST", "/api/v5/reports/campaigns", { headers, body: { ...body, granularity: "HOURLY" } })).status).toBe(400);
    expect((await call("POST", "/api/v5/reports/campaigns/999/adgroups", { headers, body })).status).toBe(404);
  });
});
