import sdk, { type FacebookRequestError } from "facebook-nodejs-business-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestSandbox } from "../test-support/start-test-sandbox.ts";

const { FacebookAdsApi, AdAccount, Campaign } = sdk;
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
