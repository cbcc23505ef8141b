import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "@layers/runtime";
import { createSandboxClient, startSandbox, type CreateAppleOrgResponse, type RunningSandbox, type SandboxClient } from "@layers/sandbox";
import { AppleRequestError, AppleThrottledError, AppleTokenError, AppleTransientError, toAppleMoney, type AppleAuth, type AppleCampaignCreate } from "../apple/index.ts";
import { createPlatformClient, type PlatformClient } from "./index.ts";

const log = createLogger({ service: "test", level: "silent" });
const err = async (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);

describe("Platform API client against the sandbox", () => {
  let sandbox: RunningSandbox;
  let sbx: SandboxClient;
  let apple: PlatformClient;
  let org: CreateAppleOrgResponse;
  let auth: AppleAuth;

  const campaign = (name: string, minor = 2550): AppleCampaignCreate => ({
    name, adamId: "1234567890", countriesOrRegions: ["US"], dailyBudgetAmount: toAppleMoney(minor, "USD"),
    supplySources: ["APPSTORE_SEARCH_RESULTS"], adChannelType: "SEARCH", billingEvent: "TAPS", status: "PAUSED",
  });

  beforeAll(async () => {
    sandbox = await startSandbox();
    sbx = createSandboxClient(sandbox.url);
    // A page size of 2 makes every list below cross several pages.
    apple = createPlatformClient({ baseUrl: sandbox.url, pageSize: 2, log });
    org = await sbx.createAppleOrg({
      currency: "USD",
      campaigns: [{ name: "seed-1", adGroups: [{ name: "g1", keywords: [{ text: "a" }, { text: "b" }, { text: "c", bidAmount: "0.4" }] }] }, { name: "seed-2" }, { name: "seed-gone", deleted: true }],
    });
    auth = { accessToken: org.accessToken, orgId: String(org.orgId) };
  });
  afterEach(async () => sbx.clearAppleFaults());
  afterAll(async () => sandbox.stop());

  it("campaigns - create, partial update, read, query across pages (deleted included), find by name, cascading soft delete", async () => {
    const created = await apple.createCampaign(campaign("new"), auth);
    expect(created).toMatchObject({ orgId: auth.orgId, name: "new", adamId: "1234567890", status: "PAUSED", dailyBudgetAmount: { amount: "25.50", currency: "USD" }, deleted: false });
    const updated = await apple.updateCampaign(created.id, { countriesOrRegions: ["DE", "FR"], status: "ENABLED" }, auth);
    expect(updated).toMatchObject({ status: "ENABLED", countriesOrRegions: ["DE", "FR"], supplySources: ["APPSTORE_SEARCH_RESULTS"], displayStatus: "RUNNING" });
    const all = await apple.listCampaigns(auth);
    expect(all.map((c) => [c.name, c.deleted]).sort()).toEqual([["new", false], ["seed-1", false], ["seed-2", false], ["seed-gone", true]]);
    expect((await apple.findCampaignByName("new", auth))?.id).toBe(created.id);
    expect(await apple.findCampaignByName("seed-gone", auth)).toBeUndefined();

    const g = await apple.createAdGroup(created.id, { name: "g", pricingModel: "CPC", defaultBidAmount: toAppleMoney(150, "USD"), startTime: "2031-01-01T00:00:00.000", status: "ENABLED" }, auth);
    const [k] = await apple.createKeywords(created.id, g.id, [{ text: "shoes", matchType: "EXACT", status: "ACTIVE" }], auth);
    await apple.deleteCampaign(created.id, auth);
    expect(await apple.getCampaign(created.id, auth)).toMatchObject({ deleted: true, displayStatus: "DELETED" });
    expect(await apple.getAdGroup(created.id, g.id, auth)).toMatchObject({ deleted: true });
    expect(await apple.listKeywords(created.id, g.id, auth)).toEqual([]);
    expect(k).toMatchObject({ status: "ACTIVE", bidAmount: { amount: "1.50", currency: "USD" } });
    // A second delete is refused: the object is gone (the adapter counts that as landed after reading it).
    expect(await err(apple.deleteCampaign(created.id, auth))).toBeInstanceOf(AppleRequestError);
  });

  it("ad groups and keywords of a seeded campaign, across pages; keyword writes one call each", async () => {
    const cid = String(org.campaigns[0]!.id);
    const gid = String(org.campaigns[0]!.adGroups[0]!.id);
    expect((await apple.listAdGroups(cid, auth)).map((g) => g.name)).toEqual(["g1"]);
    const kws = await apple.listKeywords(cid, gid, auth);
    expect(kws.map((k) => [k.text, k.bidAmount?.amount]).sort()).toEqual([["a", "1.00"], ["b", "1.00"], ["c", "0.40"]]);
    const [paused] = await apple.updateKeywords(cid, gid, [{ id: kws[0]!.id, status: "PAUSED" }], auth);
    expect(paused).toMatchObject({ id: kws[0]!.id, status: "PAUSED" });
    expect((await apple.findAdGroupByName(cid, "g1", auth))?.id).toBe(gid);
  });

  it("refusals, token, throttle and outage become the named errors the adapter knows", async () => {
    // Below the seeded ad group's bid (1.00).
    const refused = await err(apple.updateCampaign(String(org.campaigns[0]!.id), { dailyBudgetAmount: toAppleMoney(50, "USD") }, auth));
    expect(refused).toBeInstanceOf(AppleRequestError);
    expect((refused as AppleRequestError).detail).toMatchObject({ httpStatus: 400, messageCode: "INVALID_VALUE", field: "dailyBudgetAmount" });
    await sbx.setAppleFaults({ orgId: org.orgId, throttle: 1, throttleRegainMinutes: 0.25 });
    const throttled = await err(apple.listCampaigns(auth));
    expect(throttled).toBeInstanceOf(AppleThrottledError);
    expect((throttled as AppleThrottledError).retryAfterMs).toBe(15_000);
    await sbx.setAppleFaults({ orgId: org.orgId, fail5xx: 1 });
    expect(await err(apple.getCampaign(String(org.campaigns[0]!.id), auth))).toBeInstanceOf(AppleTransientError);
    await sbx.setAppleFaults({ orgId: org.orgId, expiredToken: true });
    expect(await err(apple.listCampaigns(auth))).toBeInstanceOf(AppleTokenError);
  });

  it("ad accounts through the ACLs, and the apps reports of one campaign", async () => {
    expect(await apple.listAdAccounts(org.accessToken)).toEqual([{ id: auth.orgId, name: org.name, orgId: auth.orgId, roles: ["API Account Manager"] }]);
    const cid = String(org.campaigns[0]!.id);
    // DAILY reports start within the last 90 days: the dates follow the clock.
    const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
    const rows = await apple.appsReport("keywords", { campaignId: cid, start: day(7), end: day(1) }, auth);
    expect(rows.map((r) => r.metadata.id).sort()).toEqual(org.campaigns[0]!.adGroups[0]!.keywords.map((k) => String(k.id)).sort());
    expect(rows.every((r) => (r.totalMetrics?.impressions ?? 0) > 0 && r.totalMetrics?.localSpend?.currency === "USD")).toBe(true);
    const daily = await apple.appsReport("campaigns", { campaignId: cid, start: day(2), end: day(1), granularity: "DAILY" }, auth);
    expect(daily[0]!.granularMetrics?.map((m) => m.date)).toEqual([day(2), day(1)]);
  });
});
