import { ApiClient, CampaignCreationApi, type TiktokSdkAnswer, type TiktokSdkCallback } from "tiktok-business-api-sdk-official";
import { describe, expect, it } from "vitest";
import { useTestSandbox } from "../test-support/start-test-sandbox.ts";

const sandbox = useTestSandbox();

/** The SDK is callback-only; this turns one call into a promise. */
function call(run: (cb: TiktokSdkCallback) => unknown): Promise<TiktokSdkAnswer> {
  return new Promise((resolve, reject) => {
    run((error, data) => (error !== null ? reject(error) : data === null ? reject(new Error("no data")) : resolve(data)));
  });
}

/** The official SDK, unmodified: only `ApiClient.basePath` points at the sandbox. */
function sdkApi(): CampaignCreationApi {
  const client = new ApiClient();
  client.basePath = sandbox.url;
  return new CampaignCreationApi(client);
}

describe("tiktok-business-api-sdk-official against the sandbox", () => {
  it("creates, reads, updates and disables a campaign", async () => {
    const adv = await sandbox.control.createTiktokAdvertiser();
    const api = sdkApi();
    const created = await call((cb) =>
      api.campaignCreate(adv.accessToken, {
        body: { advertiser_id: adv.advertiserId, campaign_name: "From SDK", objective_type: "TRAFFIC", budget_mode: "BUDGET_MODE_DAY", budget: 60.5, request_id: "5550001" },
      }, cb),
    );
    const id: string = created.data.campaign_id;
    expect(created.data).toMatchObject({ campaign_name: "From SDK", budget: 60.5, operation_status: "ENABLE" });

    const read = await call((cb) =>
      api.campaignGet(adv.advertiserId, adv.accessToken, { filtering: { campaign_ids: [id] }, fields: ["campaign_id", "campaign_name", "budget"] }, cb),
    );
    expect(read.data.list).toEqual([{ campaign_id: id, campaign_name: "From SDK", budget: 60.5 }]);
    expect(read.data.page_info).toEqual({ page: 1, page_size: 10, total_number: 1, total_page: 1 });

    await call((cb) => api.campaignUpdate(adv.accessToken, { body: { advertiser_id: adv.advertiserId, campaign_id: id, budget: 80 } }, cb));
    await call((cb) =>
      api.campaignStatusUpdate(adv.accessToken, { body: { advertiser_id: adv.advertiserId, campaign_ids: [id], operation_status: "DISABLE" } }, cb),
    );
    const after = await call((cb) => api.campaignGet(adv.advertiserId, adv.accessToken, { fields: ["budget", "operation_status"] }, cb));
    expect(after.data.list).toEqual([{ budget: 80, operation_status: "DISABLE" }]);

    const ledger = await sandbox.control.ledger({ platform: "tiktok", account: adv.advertiserId });
    expect(ledger.map((e) => e.op)).toEqual(["create", "update", "update"]);
  });

  it("surfaces a non-zero envelope code as an error", async () => {
    const adv = await sandbox.control.createTiktokAdvertiser();
    await expect(call((cb) => sdkApi().campaignGet(adv.advertiserId, "wrong-token", {}, cb))).rejects.toThrow(/code: 40105/);
  });
});
