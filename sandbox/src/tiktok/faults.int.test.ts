import { describe, expect, it } from "vitest";
import { useTestSandbox } from "../test-support/start-test-sandbox.ts";
import { tiktokAs } from "../test-support/tiktok-call.ts";

const sandbox = useTestSandbox();
const create = { campaign_name: "C", objective_type: "TRAFFIC", budget_mode: "BUDGET_MODE_DAY", budget: 50 } as const;

async function advertiser() {
  const adv = await sandbox.control.createTiktokAdvertiser();
  return { adv, t: tiktokAs(sandbox.url, adv.advertiserId, adv.accessToken) };
}

const ledgerOf = (advertiserId: string) => sandbox.control.ledger({ platform: "tiktok", account: advertiserId });

describe("tiktok faults", () => {
  it("adds latency to the faulty advertiser only", async () => {
    const { adv, t } = await advertiser();
    const other = await advertiser();
    await sandbox.control.setFaults({ platform: "tiktok", account: adv.advertiserId, latencyMs: 300 });
    const t0 = performance.now();
    expect((await t.get("/campaign/get/")).body.code).toBe(0);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(290);
    const t1 = performance.now();
    expect((await other.t.get("/campaign/get/")).body.code).toBe(0);
    expect(performance.now() - t1).toBeLessThan(250);
  });

  it("throttles the next N requests with 40100 at HTTP 200, applying none", async () => {
    const { adv, t } = await advertiser();
    await sandbox.control.setFaults({ platform: "tiktok", account: adv.advertiserId, throttle: 2 });
    for (let i = 0; i < 2; i++) {
      const res = await t.post("/campaign/create/", create);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ code: 40100, message: "App reaches the QPS limit.", data: {} });
    }
    expect(await ledgerOf(adv.advertiserId)).toEqual([]);
    expect((await t.post("/campaign/create/", create)).body.code).toBe(0);
    expect(await ledgerOf(adv.advertiserId)).toHaveLength(1);
  });

  it("fails the next N requests with code 50000 (reads too), then recovers", async () => {
    const { adv, t } = await advertiser();
    await sandbox.control.setFaults({ platform: "tiktok", account: adv.advertiserId, fail5xx: 2 });
    const read = await t.get("/campaign/get/");
    expect(read.status).toBe(200);
    expect(read.body.code).toBe(50000);
    expect((await t.post("/campaign/create/", create)).body.code).toBe(50000);
    expect(await ledgerOf(adv.advertiserId)).toEqual([]);
    expect((await sandbox.control.faults()).find((f) => f.platform === "tiktok" && f.account === adv.advertiserId)?.fail5xx).toBe(0);
    expect((await t.post("/campaign/create/", create)).body.code).toBe(0);
  });

  it("answers 40105 while expiredToken is set, consuming no other fault", async () => {
    const { adv, t } = await advertiser();
    await sandbox.control.setFaults({ platform: "tiktok", account: adv.advertiserId, expiredToken: true, throttle: 1 });
    expect((await t.post("/campaign/create/", create)).body.code).toBe(40105);
    expect((await t.get("/campaign/get/")).body.code).toBe(40105);
    await sandbox.control.setFaults({ platform: "tiktok", account: adv.advertiserId, throttle: 1 });
    expect((await t.get("/campaign/get/")).body.code).toBe(40100);
    expect((await t.get("/campaign/get/")).body.code).toBe(0);
  });

  it("failAfterApply applies and ledgers the write, then answers 50000; a retry with the same request_id creates nothing", async () => {
    const { adv, t } = await advertiser();
    await sandbox.control.setFaults({ platform: "tiktok", account: adv.advertiserId, failAfterApply: 1 });
    const lost = await t.post("/campaign/create/", { ...create, request_id: "777" });
    expect(lost.body.code).toBe(50000);
    const [entry] = await ledgerOf(adv.advertiserId);
    expect(entry).toMatchObject({ platform: "tiktok", account: adv.advertiserId, op: "create", fields: { request_id: "777", budget: 50 } });
    const retry = await t.post("/campaign/create/", { ...create, request_id: "777" });
    expect(retry.body.code).toBe(0);
    expect(retry.body.data.campaign_id).toBe(entry?.objectId);
    expect(await ledgerOf(adv.advertiserId)).toHaveLength(1);
  });

  it("reads do not consume failAfterApply", async () => {
    const { adv, t } = await advertiser();
    await sandbox.control.setFaults({ platform: "tiktok", account: adv.advertiserId, failAfterApply: 1 });
    expect((await t.get("/campaign/get/")).body.code).toBe(0);
    expect((await t.post("/campaign/create/", create)).body.code).toBe(50000);
  });

  it("clears one advertiser's faults; refuses unknown advertisers and Meta-only options", async () => {
    const { adv, t } = await advertiser();
    await sandbox.control.setFaults({ platform: "tiktok", account: adv.advertiserId, fail5xx: 5 });
    await sandbox.control.clearTiktokFaults(adv.advertiserId);
    expect((await t.get("/campaign/get/")).body.code).toBe(0);
    await expect(sandbox.control.setFaults({ platform: "tiktok", account: "7000000000000000001", fail5xx: 1 })).rejects.toThrow(/404/);
    const res = await fetch(`${sandbox.url}/_sandbox/faults`, {
      method: "PUT", headers: { "content-type": "application/json" },
      body: JSON.stringify({ platform: "tiktok", account: adv.advertiserId, throttleCode: 17 }),
    });
    expect(res.status).toBe(400);
  });
});
