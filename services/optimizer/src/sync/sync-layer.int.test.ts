import { DEV_TOKEN_KEY } from "@layers/runtime";
import { createSandboxClient, startSandbox, type RunningSandbox, type SandboxClient } from "@layers/sandbox";
import { createTestEnv, type TestEnv } from "@layers/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readMetrics } from "@layers/optimizer-store";
import { appleReportReader } from "../reports/apple-report.ts";
import { metaReportReader } from "../reports/meta-report.ts";
import { tiktokReportReader } from "../reports/tiktok-report.ts";
import { storeCampaign, storeChild, storeTenant } from "../test-support/tenant.ts";
import { syncLayerMetrics, type SyncDeps } from "./sync-layer.ts";

let env: TestEnv;
let sandbox: RunningSandbox;
let control: SandboxClient;
let deps: SyncDeps;

beforeAll(async () => {
  env = await createTestEnv();
  sandbox = await startSandbox({ port: 0 });
  control = createSandboxClient(sandbox.url);
  deps = {
    db: env.db,
    log: env.log,
    tokenKey: DEV_TOKEN_KEY,
    readers: {
      meta: metaReportReader({ baseUrl: sandbox.url, version: "v24.0", conversionAction: "offsite_conversion.fb_pixel_purchase", timeoutMs: 5000 }),
      tiktok: tiktokReportReader({ baseUrl: sandbox.url, timeoutMs: 5000 }),
      apple: appleReportReader("platform", { baseUrl: sandbox.url, timeoutMs: 5000 }),
    },
  };
});
afterAll(async () => {
  await sandbox?.stop();
  await env?.cleanup();
});

const day = (date: string, spend: number, impressions: number, clicks: number, conversions: number) => ({ date, spend, impressions, clicks, conversions });
const window = { since: "2026-11-01", until: "2026-11-03" };

describe("metrics sync", () => {
  it("stores Meta campaign, ad set and ad days in minor units per Layers entity, idempotently, and drops days that went to zero", async () => {
    const acct = await control.createMetaAdAccount({ currency: "JPY", campaigns: [{ name: "C", objective: "OUTCOME_SALES", adsets: [{ name: "S", daily_budget: 5000, ads: [{ name: "A" }] }] }] } as never);
    const c = acct.campaigns[0]!;
    const s = c.adsets[0]!;
    const a = s.ads[0]!;
    const t = await storeTenant(env.db, "meta", { platformAccountId: acct.platformAccountId, accessToken: acct.accessToken, currency: "JPY" });
    const campaignId = await storeCampaign(env.db, t, c.id);
    const adSetId = await storeChild(env.db, t, "adset", campaignId, null, s.id);
    const adId = await storeChild(env.db, t, "ad", campaignId, adSetId, a.id);
    await control.setPerformance("meta", a.id, [day("2026-11-01", 1200, 1000, 30, 2), day("2026-11-02", 800, 500, 10, 0)]);

    const first = await syncLayerMetrics(deps, t.layerId, window);
    expect(first).toMatchObject({ accounts: 1, upserted: 6, removed: 0, unknown: 0 });
    const again = await syncLayerMetrics(deps, t.layerId, window);
    expect(again).toMatchObject({ upserted: 6, removed: 0 });
    const rows = await readMetrics(env.db, { layerId: t.layerId });
    expect(rows).toHaveLength(6);
    expect(rows.filter((r) => r.entityId === adId)).toEqual([
      { entityId: adId, level: "ad", date: "2026-11-01", spendCents: 1200, impressions: 1000, clicks: 30, conversions: 2 },
      { entityId: adId, level: "ad", date: "2026-11-02", spendCents: 800, impressions: 500, clicks: 10, conversions: 0 },
    ]);
    expect(rows.filter((r) => r.entityId === campaignId).map((r) => r.spendCents)).toEqual([1200, 800]);

    await control.setPerformance("meta", a.id, [day("2026-11-01", 1200, 1000, 30, 2)]);
    const third = await syncLayerMetrics(deps, t.layerId, window);
    expect(third).toMatchObject({ upserted: 3, removed: 3 });
    expect((await readMetrics(env.db, { layerId: t.layerId })).map((r) => r.date)).toEqual(["2026-11-01", "2026-11-01", "2026-11-01"]);
  });

  it("stores TikTok days across a window longer than 30 days and skips objects Layers does not know", async () => {
    const adv = await control.createTiktokAdvertiser({ currency: "USD", campaigns: [{ campaign_name: "C", adgroups: [{ adgroup_name: "G", ads: [{ ad_name: "A" }, { ad_name: "Unknown" }] }] }] } as never);
    const c = adv.campaigns[0]!;
    const g = c.adgroups[0]!;
    const t = await storeTenant(env.db, "tiktok", { platformAccountId: adv.advertiserId, accessToken: adv.accessToken, currency: "USD" });
    const campaignId = await storeCampaign(env.db, t, c.campaign_id);
    const groupId = await storeChild(env.db, t, "adgroup", campaignId, null, g.adgroup_id);
    const adId = await storeChild(env.db, t, "ad", campaignId, groupId, g.ads[0]!.ad_id);
    await control.setPerformance("tiktok", g.ads[0]!.ad_id, [day("2026-10-01", 2050, 400, 8, 1), day("2026-11-10", 99, 10, 1, 0)]);
    await control.setPerformance("tiktok", g.ads[1]!.ad_id, [day("2026-10-01", 1, 1, 0, 0)]);

    const result = await syncLayerMetrics(deps, t.layerId, { since: "2026-10-01", until: "2026-11-15" });
    expect(result.unknown).toBe(1);
    const ad = await readMetrics(env.db, { entityId: adId });
    expect(ad.map((r) => [r.date, r.spendCents, r.conversions])).toEqual([["2026-10-01", 2050, 1], ["2026-11-10", 99, 0]]);
    expect((await readMetrics(env.db, { entityId: campaignId })).map((r) => r.spendCents)).toEqual([2051, 99]);
  });

});

// Both of Apple's APIs (`APPLE_API`), one test: the same scripted days must land as the same rows.
describe.each(["platform", "v5"] as const)("Apple metrics sync over the %s API", (api) => {
  it("stores campaign, ad group and keyword days, a deleted campaign's included, in minor units", async () => {
    // One row a page: every list and report below crosses pages.
    const apple = { ...deps, readers: { ...deps.readers, apple: appleReportReader(api, { baseUrl: sandbox.url, timeoutMs: 5000, pageSize: 1 }) } };
    const org = await control.createAppleOrg({ currency: "JPY", campaigns: [{ name: "C", adGroups: [{ name: "G", keywords: [{ text: "one" }, { text: "two" }] }] }, { name: "Gone", deleted: true, adGroups: [{ name: "H" }] }] } as never);
    const [c, gone] = org.campaigns;
    const g = c!.adGroups[0]!;
    const [k1, k2] = g.keywords;
    const t = await storeTenant(env.db, "apple", { platformAccountId: String(org.orgId), accessToken: org.accessToken, currency: org.currency });
    const campaignId = await storeCampaign(env.db, t, String(c!.id));
    const groupId = await storeChild(env.db, t, "adgroup", campaignId, null, String(g.id));
    const keywordId = await storeChild(env.db, t, "keyword", campaignId, groupId, String(k1!.id));
    const goneId = await storeCampaign(env.db, t, String(gone!.id));
    // Reports read DAILY rows from the last 90 days: the window follows the clock.
    const d = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
    const recent = { since: d(3), until: d(1) };
    await control.setPerformance("apple", String(k1!.id), [day(d(2), 1234, 300, 30, 3)]);
    await control.setPerformance("apple", String(k2!.id), [day(d(2), 66, 10, 1, 0), day(d(1), 5, 2, 0, 0)]);
    await control.setPerformance("apple", String(gone!.id), [day(d(3), 700, 70, 7, 1)]);
    await control.setPerformance("apple", String(gone!.adGroups[0]!.id), []);

    const synced = await syncLayerMetrics(apple, t.layerId, recent);
    // k2 is not a Layers entity: its two days are counted, not stored.
    expect(synced).toMatchObject({ accounts: 1, unknown: 2 });
    const rows = await readMetrics(env.db, { layerId: t.layerId });
    expect(rows.map((r) => [r.level, r.entityId, r.date, r.spendCents, r.impressions, r.clicks, r.conversions]).sort()).toEqual(
      [
        ["adgroup", groupId, d(2), 1300, 310, 31, 3],
        ["adgroup", groupId, d(1), 5, 2, 0, 0],
        ["campaign", campaignId, d(2), 1300, 310, 31, 3],
        ["campaign", campaignId, d(1), 5, 2, 0, 0],
        ["keyword", keywordId, d(2), 1234, 300, 30, 3],
        ["campaign", goneId, d(3), 700, 70, 7, 1],
      ].sort(),
    );
  });
});
