import { describe, expect, it } from "vitest";
import { graphAs } from "./test-support/graph-call.ts";
import { useTestSandbox } from "./test-support/start-test-sandbox.ts";

const sandbox = useTestSandbox();
const create = { name: "C", objective: "OUTCOME_TRAFFIC", status: "PAUSED", special_ad_categories: [] } as const;

async function account() {
  const acc = await sandbox.control.createMetaAdAccount();
  return { acc, g: graphAs(sandbox.url, acc.accessToken) };
}

describe("faults - latency", () => {
  it("delays every request to the faulty account and no other", async () => {
    const { acc, g } = await account();
    const other = await account();
    await sandbox.control.setFaults({ platform: "meta", account: acc.accountId, latencyMs: 300 });
    const t0 = performance.now();
    expect((await g.get(`/${acc.accountId}/campaigns`)).status).toBe(200);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(290);
    const t1 = performance.now();
    expect((await other.g.get(`/${other.acc.accountId}/campaigns`)).status).toBe(200);
    expect(performance.now() - t1).toBeLessThan(250);
  });
});

describe("faults - transient 5xx", () => {
  it("fails the next N requests with HTTP 500 code 2, applies none of them, then recovers", async () => {
    const { acc, g } = await account();
    await sandbox.control.setFaults({ platform: "meta", account: acc.accountId, fail5xx: 2 });
    for (let i = 0; i < 2; i++) {
      const res = await g.post(`/${acc.accountId}/campaigns`, create);
      expect(res.status).toBe(500);
      expect(res.body.error).toMatchObject({ code: 2, is_transient: true, type: "OAuthException", fbtrace_id: expect.any(String) });
    }
    expect((await sandbox.control.faults()).find((f) => f.account === acc.accountId)?.fail5xx).toBe(0);
    const ok = await g.post(`/${acc.accountId}/campaigns`, create);
    expect(ok.status).toBe(200);
    expect((await sandbox.control.ledger({ account: acc.accountId })).map((e) => e.objectId)).toEqual([ok.body.id]);
  });

  it("counts reads too", async () => {
    const { acc, g } = await account();
    await sandbox.control.setFaults({ platform: "meta", account: acc.accountId, fail5xx: 1 });
    expect((await g.get(`/${acc.accountId}/campaigns`)).status).toBe(500);
    expect((await g.get(`/${acc.accountId}/campaigns`)).status).toBe(200);
  });
});

describe("faults - throttling", () => {
  it("answers an ads_management BUC throttle (80004) as an error body with a usage header", async () => {
    const { acc, g } = await account();
    await sandbox.control.setFaults({ platform: "meta", account: acc.accountId, throttle: 1, throttleRegainMinutes: 7 });
    const res = await g.post(`/${acc.accountId}/campaigns`, create);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 80004, is_transient: true });
    const usage = JSON.parse(res.headers.get("x-business-use-case-usage") ?? "{}");
    expect(usage[acc.platformAccountId]).toEqual([
      { type: "ads_management", call_count: 100, total_cputime: 100, total_time: 100, estimated_time_to_regain_access: 7 },
    ]);
    expect(await sandbox.control.ledger({ account: acc.accountId })).toEqual([]);
    expect((await g.post(`/${acc.accountId}/campaigns`, create)).status).toBe(200);
  });

  it("answers code 17 subcode 2446079 when asked for the ad-account limit", async () => {
    const { acc, g } = await account();
    await sandbox.control.setFaults({ platform: "meta", account: acc.accountId, throttle: 1, throttleCode: 17 });
    const res = await g.get(`/${acc.accountId}/campaigns`);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 17, error_subcode: 2446079, error_user_title: "Ad Account Has Too Many API Calls" });
    const usage = JSON.parse(res.headers.get("x-business-use-case-usage") ?? "{}");
    expect(usage[acc.platformAccountId][0].estimated_time_to_regain_access).toBe(0);
  });

  it("sends usage headers on ordinary answers", async () => {
    const { acc, g } = await account();
    const res = await g.get(`/${acc.accountId}/campaigns`);
    expect(JSON.parse(res.headers.get("x-app-usage") ?? "null")).toEqual({
      call_count: expect.any(Number), total_cputime: expect.any(Number), total_time: expect.any(Number),
    });
    const buc = JSON.parse(res.headers.get("x-business-use-case-usage") ?? "{}");
    expect(buc[acc.platformAccountId][0]).toMatchObject({ type: "ads_management", estimated_time_to_regain_access: 0 });
  });
});

describe("faults - expired token", () => {
  it("answers code 190 subcode 463 until the fault is cleared", async () => {
    const { acc, g } = await account();
    await sandbox.control.setFaults({ platform: "meta", account: acc.accountId, expiredToken: true });
    for (const res of [await g.get(`/${acc.accountId}/campaigns`), await g.post(`/${acc.accountId}/campaigns`, create)]) {
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ type: "OAuthException", code: 190, error_subcode: 463 });
    }
    await sandbox.control.clearFaults(acc.accountId);
    expect((await g.get(`/${acc.accountId}/campaigns`)).status).toBe(200);
    expect(await sandbox.control.ledger({ account: acc.accountId })).toEqual([]);
  });
});

describe("faults - lost response after apply", () => {
  it("applies and ledgers a create once, then answers 500; the campaign is findable by its marker", async () => {
    const { acc, g } = await account();
    await sandbox.control.setFaults({ platform: "meta", account: acc.accountId, failAfterApply: 1 });
    const lost = await g.post(`/${acc.accountId}/campaigns`, { ...create, adlabels: [{ name: "layers:cmp_lost" }] });
    expect(lost.status).toBe(500);
    expect(lost.body.error).toMatchObject({ code: 2, is_transient: true });

    const ledger = await sandbox.control.ledger({ account: acc.accountId });
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ op: "create", fields: { adlabels: [{ name: "layers:cmp_lost" }] } });
    const list = await g.get(`/${acc.accountId}/campaigns`, { fields: "adlabels{name}" });
    expect(list.body.data).toEqual([{ id: ledger[0]?.objectId, adlabels: [{ id: expect.any(String), name: "layers:cmp_lost" }] }]);
  });

  it("applies an update before losing its answer, and only consumes counts on mutations", async () => {
    const { acc, g } = await account();
    const { body } = await g.post(`/${acc.accountId}/campaigns`, create);
    await sandbox.control.setFaults({ platform: "meta", account: acc.accountId, failAfterApply: 1 });
    // Reads and validate-only calls are not mutations: the fault waits for a real write.
    expect((await g.get(`/${body.id}`)).status).toBe(200);
    expect((await g.post(`/${body.id}`, { name: "dry", execution_options: ["validate_only"] })).status).toBe(200);
    expect((await g.post(`/${body.id}`, { status: "ACTIVE" })).status).toBe(500);
    expect((await g.get(`/${body.id}`, { fields: "status" })).body.status).toBe("ACTIVE");
    expect((await g.post(`/${body.id}`, { name: "next" })).status).toBe(200);
    expect((await sandbox.control.ledger({ account: acc.accountId })).map((e) => [e.op, e.fields])).toEqual([
      ["create", expect.any(Object)],
      ["update", { status: "ACTIVE" }],
      ["update", { name: "next" }],
    ]);
  });
});
