import { describe, expect, it } from "vitest";
import { useTestSandbox } from "../test-support/start-test-sandbox.ts";
import { tiktok, tiktokAs } from "../test-support/tiktok-call.ts";

const sandbox = useTestSandbox();
const create = { campaign_name: "C", objective_type: "TRAFFIC", budget_mode: "BUDGET_MODE_DAY", budget: 50 } as const;

async function advertiser(currency?: string) {
  const adv = await sandbox.control.createTiktokAdvertiser(currency === undefined ? {} : { currency });
  return { adv, t: tiktokAs(sandbox.url, adv.advertiserId, adv.accessToken) };
}

describe("tiktok errors - auth", () => {
  it("answers 40105 at HTTP 200 for a missing or unknown Access-Token", async () => {
    const { adv } = await advertiser();
    for (const token of [undefined, "nope"]) {
      const res = await tiktok(sandbox.url, "POST", "/campaign/create/", { advertiser_id: adv.advertiserId, ...create }, token);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ code: 40105, message: "Access token is incorrect or has been revoked.", request_id: expect.any(String), data: {} });
    }
    expect(await sandbox.control.ledger({ platform: "tiktok", account: adv.advertiserId })).toEqual([]);
  });

  it("answers 40001 when the token does not cover the advertiser, 40002 without advertiser_id", async () => {
    const a = await advertiser();
    const b = await advertiser();
    const res = await tiktok(sandbox.url, "GET", "/campaign/get/", { advertiser_id: b.adv.advertiserId }, a.adv.accessToken);
    expect(res.body.code).toBe(40001);
    const unknown = await tiktok(sandbox.url, "GET", "/campaign/get/", { advertiser_id: "7000000000000000000" }, a.adv.accessToken);
    expect(unknown.body.code).toBe(40001);
    const missing = await tiktok(sandbox.url, "GET", "/campaign/get/", {}, a.adv.accessToken);
    expect(missing.body).toMatchObject({ code: 40002, message: expect.stringContaining("advertiser_id") });
  });
});

describe("tiktok errors - invalid parameters (40002)", () => {
  it.each([
    ["missing campaign_name", { objective_type: "TRAFFIC", budget_mode: "BUDGET_MODE_DAY", budget: 50 }, /^campaign_name:/],
    ["deprecated objective", { ...create, objective_type: "CONVERSIONS" }, /^objective_type:/],
    ["missing budget_mode", { campaign_name: "C", objective_type: "TRAFFIC", budget: 50 }, /^budget_mode:/],
    ["missing budget", { ...create, budget: undefined }, /^budget: required/],
    ["budget below $50", { ...create, budget: 49 }, /^budget: must be at least 50 USD/],
    ["three decimals", { ...create, budget: 50.001 }, /^budget: .*2 decimal/],
    ["budget as text", { ...create, budget: "fifty" }, /^budget:/],
    ["bad operation_status", { ...create, operation_status: "DELETE" }, /^operation_status:/],
    ["bad request_id", { ...create, request_id: "abc" }, /^request_id:/],
    ["CBO without a budget", { ...create, budget_mode: "BUDGET_MODE_INFINITE", budget_optimize_on: true }, /^budget_mode:/],
  ])("refuses %s", async (_label, body, message) => {
    const { adv, t } = await advertiser();
    const res = await t.post("/campaign/create/", body);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code: 40002, data: {} });
    expect(res.body.message).toMatch(message);
    expect(await sandbox.control.ledger({ platform: "tiktok", account: adv.advertiserId })).toEqual([]);
  });

  it("applies the $50 minimum to USD advertisers only and whole numbers for JPY", async () => {
    const eur = await advertiser("EUR");
    expect((await eur.t.post("/campaign/create/", { ...create, budget: 10 })).body).toMatchObject({ code: 0, data: { budget: 10 } });
    const jpy = await advertiser("JPY");
    expect((await jpy.t.post("/campaign/create/", { ...create, budget: 5000.5 })).body.code).toBe(40002);
    expect((await jpy.t.post("/campaign/create/", { ...create, budget: 5000 })).body.code).toBe(0);
  });

  it("answers malformed JSON with 40002 at HTTP 200 and unknown paths with HTTP 404", async () => {
    const { adv } = await advertiser();
    const res = await fetch(`${sandbox.url}/open_api/v1.3/campaign/create/`, {
      method: "POST", headers: { "content-type": "application/json", "access-token": adv.accessToken }, body: "{nope",
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ code: 40002 });
    const unknown = await tiktok(sandbox.url, "POST", "/campaign/nothing/", { advertiser_id: adv.advertiserId }, adv.accessToken);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).not.toBe(0);
  });

  it("refuses a bad filtering JSON and a page_size over 1000", async () => {
    const { t } = await advertiser();
    expect((await t.get("/campaign/get/", { filtering: "{oops" })).body.code).toBe(40002);
    expect((await t.get("/campaign/get/", { page_size: 1001 })).body.code).toBe(40002);
    expect((await t.get("/campaign/get/", { page: 0 })).body.code).toBe(40002);
  });
});

describe("tiktok leaves Meta alone", () => {
  it("Meta ledger queries and Meta's 404 still work", async () => {
    const meta = await sandbox.control.createMetaAdAccount();
    const { adv, t } = await advertiser();
    await t.post("/campaign/create/", create);
    expect(await sandbox.control.ledger({ platform: "meta", account: meta.accountId })).toEqual([]);
    expect(await sandbox.control.ledger({ platform: "tiktok", account: adv.advertiserId })).toHaveLength(1);
    const res = await fetch(`${sandbox.url}/nothing`);
    expect(((await res.json()) as { error: { code: number } }).error.code).toBe(2500);
  });
});
