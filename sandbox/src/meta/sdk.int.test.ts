import sdk, { type FacebookRequestError } from "facebook-nodejs-business-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestSandbox } from "../test-support/start-test-sandbox.ts";

const { FacebookAdsApi, AdAccount, AdSet, Ad, Campaign } = sdk;
const sandbox = useTestSandbox();

/**
 * The SDK builds every URL from the static getter `FacebookAdsApi.GRAPH` (api.js `call`). The
 * getter is configurable, so redefining it points the unmodified SDK at the sandbox.
 */
let originalGraph: PropertyDescriptor | undefined;
beforeAll(() => {
  originalGraph = Object.getOwnPropertyDescriptor(FacebookAdsApi, "GRAPH");
  Object.defineProperty(FacebookAdsApi, "GRAPH", { get: () => sandbox.url, configurable: true });
});
afterAll(() => {
  if (originalGraph) Object.defineProperty(FacebookAdsApi, "GRAPH", originalGraph);
});

describe("facebook-nodejs-business-sdk against the sandbox", () => {
  it("creates, reads, lists and updates a campaign", async () => {
    expect(FacebookAdsApi.GRAPH).toBe(sandbox.url);
    const acc = await sandbox.control.createMetaAdAccount({
      campaigns: [{ name: "pre-existing", objective: "OUTCOME_SALES", status: "ACTIVE" }],
    });
    // crash_log=false: the SDK would otherwise hook process-wide uncaughtException.
    const api = FacebookAdsApi.init(acc.accessToken, "en_US", false);
    const account = new AdAccount(acc.accountId, {}, undefined, api);

    const created = await account.createCampaign([], {
      [Campaign.Fields.name as string]: "SDK campaign",
      [Campaign.Fields.objective as string]: Campaign.Objective.outcome_traffic,
      [Campaign.Fields.status as string]: Campaign.Status.paused,
      [Campaign.Fields.special_ad_categories as string]: [],
      [Campaign.Fields.daily_budget as string]: 2500,
      [Campaign.Fields.adlabels as string]: [{ name: "layers:cmp_sdk" }],
    });
    expect(created.id).toMatch(/^\d{18}$/);

    const campaign = new Campaign(created.id, {}, undefined, api);
    const read = await campaign.read(["name", "status", "objective", "daily_budget", "adlabels", "account_id"]);
    expect(read._data).toMatchObject({
      id: created.id,
      name: "SDK campaign",
      status: "PAUSED",
      objective: "OUTCOME_TRAFFIC",
      daily_budget: "2500",
      account_id: acc.platformAccountId,
      adlabels: [{ id: expect.any(String), name: "layers:cmp_sdk" }],
    });

    const updated = await new Campaign(created.id, {}, undefined, api).update([], { name: "SDK campaign v2", status: "ACTIVE", daily_budget: 3100 });
    expect(updated).toEqual({ success: true });
    const reread = await new Campaign(created.id, {}, undefined, api).read(["name", "status", "daily_budget"]);
    expect(reread._data).toMatchObject({ name: "SDK campaign v2", status: "ACTIVE", daily_budget: "3100" });

    // The SDK's cursor follows the absolute `paging.next` link the sandbox hands out.
    const page1 = await account.getCampaigns(["name"], { limit: 1 });
    expect(page1.map((c) => c._data.name)).toEqual(["SDK campaign v2"]);
    expect(page1.hasNext()).toBe(true);
    const page2 = await page1.next();
    expect(page2.map((c) => c._data.name)).toEqual(["pre-existing"]);
    expect(page2.hasNext()).toBe(false);

    const ledger = await sandbox.control.ledger({ account: acc.accountId });
    expect(ledger.map((e) => [e.op, e.fields])).toEqual([
      ["create", { name: "SDK campaign", objective: "OUTCOME_TRAFFIC", status: "PAUSED", special_ad_categories: [], buying_type: "AUCTION", daily_budget: 2500, adlabels: [{ name: "layers:cmp_sdk" }] }],
      ["update", { name: "SDK campaign v2", status: "ACTIVE", daily_budget: 3100 }],
    ]);
  });

  it("creates an ad set, a creative and an ad, lists them on their edges and swaps the creative", async () => {
    const acc = await sandbox.control.createMetaAdAccount({ currency: "JPY" });
    const api = FacebookAdsApi.init(acc.accessToken, "en_US", false);
    const account = new AdAccount(acc.accountId, {}, undefined, api);
    const campaign = await account.createCampaign([], {
      name: "SDK campaign", objective: Campaign.Objective.outcome_traffic, status: Campaign.Status.paused, special_ad_categories: [],
    });

    // The SDK posts JSON: targeting, creative and object_story_spec arrive as objects, not strings.
    const adSet = await account.createAdSet([], {
      [AdSet.Fields.name as string]: "SDK ad set",
      [AdSet.Fields.campaign_id as string]: campaign.id,
      [AdSet.Fields.billing_event as string]: AdSet.BillingEvent.impressions,
      [AdSet.Fields.optimization_goal as string]: AdSet.OptimizationGoal.link_clicks,
      [AdSet.Fields.targeting as string]: { geo_locations: { countries: ["JP"] } },
      [AdSet.Fields.daily_budget as string]: 5000,
      [AdSet.Fields.status as string]: AdSet.Status.paused,
    });
    expect(adSet.id).toMatch(/^\d{18}$/);
    const creative = await account.createAdCreative([], {
      name: "SDK creative",
      object_story_spec: { page_id: "123", link_data: { link: "https://shop.example/", message: "Hello", call_to_action: { type: "LEARN_MORE" } } },
    });
    const ad = await account.createAd([], {
      [Ad.Fields.name as string]: "SDK ad", [Ad.Fields.adset_id as string]: adSet.id, [Ad.Fields.creative as string]: { creative_id: creative.id },
      [Ad.Fields.status as string]: Ad.Status.paused,
    });

    const readSet = await new AdSet(adSet.id, {}, undefined, api).read(["name", "daily_budget", "targeting", "campaign_id", "effective_status"]);
    expect(readSet._data).toMatchObject({ name: "SDK ad set", daily_budget: "5000", targeting: { geo_locations: { countries: ["JP"] } }, campaign_id: campaign.id, effective_status: "PAUSED" });
    const setsOfCampaign = await new Campaign(campaign.id, {}, undefined, api).getAdSets(["name"]);
    expect(setsOfCampaign.map((a) => a._data.name)).toEqual(["SDK ad set"]);
    const adsOfSet = await new AdSet(adSet.id, {}, undefined, api).getAds(["name", "creative"]);
    expect(adsOfSet.map((a) => a._data)).toEqual([{ id: ad.id, name: "SDK ad", creative: { id: creative.id } }]);

    // The campaign is still paused, so the now-active ad reads CAMPAIGN_PAUSED.
    const other = await account.createAdCreative([], { object_story_spec: { page_id: "123", link_data: { link: "https://shop.example/2" } } });
    expect(await new Ad(ad.id, {}, undefined, api).update([], { creative: { creative_id: other.id }, status: "ACTIVE" })).toEqual({ success: true });
    expect((await new Ad(ad.id, {}, undefined, api).read(["creative", "effective_status"]))._data).toMatchObject({ creative: { id: other.id }, effective_status: "CAMPAIGN_PAUSED" });

    const ledger = await sandbox.control.ledger({ account: acc.accountId });
    expect(ledger.map((e) => `${e.op} ${e.path.split("/").slice(2).join("/")}`)).toEqual([
      `create ${acc.accountId}/campaigns`, `create ${acc.accountId}/adsets`, `create ${acc.accountId}/adcreatives`,
      `create ${acc.accountId}/ads`, `create ${acc.accountId}/adcreatives`, `update ${ad.id}`,
    ]);
    expect(ledger[1]?.fields).toMatchObject({ daily_budget: 5000, targeting: { geo_locations: { countries: ["JP"] } } });
  });

  it("surfaces the sandbox's Graph errors through FacebookRequestError", async () => {
    const acc = await sandbox.control.createMetaAdAccount();
    const api = FacebookAdsApi.init(acc.accessToken, "en_US", false);
    const err = (await new AdAccount(acc.accountId, {}, undefined, api)
      .createCampaign([], { name: "no categories", objective: "OUTCOME_TRAFFIC" })
      .then(() => undefined, (e: unknown) => e)) as FacebookRequestError | undefined;
    expect(err?.name).toBe("FacebookRequestError");
    expect(err?.status).toBe(400);
    expect(err?.response).toMatchObject({ code: 100, type: "OAuthException", error_user_msg: expect.stringContaining("special_ad_categories") });
  });
});
