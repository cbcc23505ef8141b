import { describe, expect, it } from "vitest";
import { useTestSandbox } from "../test-support/start-test-sandbox.ts";
import { adGroupBody, appleAs, campaignBody } from "./test-client.ts";

const sandbox = useTestSandbox();

async function campaign(budget = "10") {
  const o = await sandbox.control.createAppleOrg();
  const a = appleAs(sandbox.url, o.accessToken, o.orgId);
  const c = (await a.post("/campaigns", campaignBody("C", { dailyBudgetAmount: { amount: budget, currency: "USD" } }))).body.data;
  return { o, a, cid: c.id as number };
}

describe("apple ad groups", () => {
  it("creates (un-enveloped), lists with pagination, reads, updates partially and soft-deletes", async () => {
    const { a, cid } = await campaign();
    const res = await a.post(`/campaigns/${cid}/adgroups`, adGroupBody("G1"));
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      id: expect.any(Number), campaignId: cid, name: "G1", pricingModel: "CPC", defaultBidAmount: { amount: "1.5", currency: "USD" },
      startTime: "2030-01-01T00:00:00.000", status: "ENABLED", deleted: false,
    });
    const gid = res.body.data.id;
    await a.post(`/campaigns/${cid}/adgroups`, adGroupBody("G2"));
    const list = await a.get(`/campaigns/${cid}/adgroups?limit=1&offset=1`);
    expect(list.body.data.map((g: { name: string }) => g.name)).toEqual(["G2"]);
    expect(list.body.pagination).toEqual({ totalResults: 2, startIndex: 1, itemsPerPage: 1 });

    const upd = await a.put(`/campaigns/${cid}/adgroups/${gid}`, { status: "PAUSED", defaultBidAmount: { amount: "2", currency: "USD" } });
    expect(upd.status).toBe(200);
    expect(upd.body.data).toMatchObject({ name: "G1", status: "PAUSED", displayStatus: "PAUSED", defaultBidAmount: { amount: "2", currency: "USD" } });
    expect((await a.get(`/campaigns/${cid}/adgroups/${gid}`)).body.data.status).toBe("PAUSED");

    expect((await a.del(`/campaigns/${cid}/adgroups/${gid}`)).status).toBe(200);
    expect((await a.get(`/campaigns/${cid}/adgroups/${gid}`)).body.data).toMatchObject({ deleted: true, displayStatus: "DELETED" });
    expect((await a.put(`/campaigns/${cid}/adgroups/${gid}`, { name: "Z" })).status).toBe(400);
  });

  it("keeps targetingDimensions, replaces them whole on update and ledgers them", async () => {
    const { o, a, cid } = await campaign();
    const dims = { age: { included: [{ minAge: 18, maxAge: 24 }] }, gender: { included: ["M"] } };
    const res = await a.post(`/campaigns/${cid}/adgroups`, adGroupBody("T", { targetingDimensions: dims }));
    expect(res.status).toBe(200);
    expect(res.body.data.targetingDimensions).toEqual(dims);
    const gid = res.body.data.id;
    const upd = await a.put(`/campaigns/${cid}/adgroups/${gid}`, { targetingDimensions: { gender: { included: ["F"] } } });
    expect(upd.body.data.targetingDimensions).toEqual({ gender: { included: ["F"] } });
    expect((await a.get(`/campaigns/${cid}/adgroups/${gid}`)).body.data.targetingDimensions).toEqual({ gender: { included: ["F"] } });
    const ledger = await sandbox.control.ledger({ platform: "apple", account: String(o.orgId), objectId: String(gid) });
    expect(ledger.map((e) => e.fields.targetingDimensions)).toEqual([dims, { gender: { included: ["F"] } }]);
    const bad = await a.put(`/campaigns/${cid}/adgroups/${gid}`, { targetingDimensions: { gender: { included: ["X"] } } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.errors[0].field).toBe("targetingDimensions.gender.included");
  });

  it("refuses a missing required field and a wrapped (campaign-style) body", async () => {
    const { a, cid } = await campaign();
    const { startTime: _gone, ...noStart } = adGroupBody("G");
    const res = await a.post(`/campaigns/${cid}/adgroups`, noStart);
    expect(res.status).toBe(400);
    expect(res.body.error.errors[0]).toMatchObject({ messageCode: "MISSING_REQUIRED_FIELD", field: "startTime" });
    expect((await a.post(`/campaigns/${cid}/adgroups`, { adGroup: adGroupBody("G") })).status).toBe(400);
  });

  it("keeps the campaign dailyBudgetAmount at or above every ad group defaultBidAmount", async () => {
    const { a, cid } = await campaign("10");
    const tooHigh = await a.post(`/campaigns/${cid}/adgroups`, adGroupBody("G", { defaultBidAmount: { amount: "10.01", currency: "USD" } }));
    expect(tooHigh.status).toBe(400);
    expect(tooHigh.body.error.errors[0].field).toBe("defaultBidAmount");
    const equal = await a.post(`/campaigns/${cid}/adgroups`, adGroupBody("G", { defaultBidAmount: { amount: "10", currency: "USD" } }));
    expect(equal.status).toBe(200);
    const lower = await a.put(`/campaigns/${cid}`, { campaign: { dailyBudgetAmount: { amount: "9.99", currency: "USD" } } });
    expect(lower.status).toBe(400);
    expect(lower.body.error.errors[0].field).toBe("dailyBudgetAmount");
    expect((await a.put(`/campaigns/${cid}/adgroups/${equal.body.data.id}`, { defaultBidAmount: { amount: "11", currency: "USD" } })).status).toBe(400);
  });

  it("answers 404 for an ad group under another campaign", async () => {
    const { a, cid } = await campaign();
    const other = (await a.post("/campaigns", campaignBody("Other"))).body.data.id;
    const gid = (await a.post(`/campaigns/${cid}/adgroups`, adGroupBody("G"))).body.data.id;
    expect((await a.get(`/campaigns/${other}/adgroups/${gid}`)).status).toBe(404);
  });
});

describe("apple targeting keywords", () => {
  async function adGroup() {
    const base = await campaign("50");
    const gid = (await base.a.post(`/campaigns/${base.cid}/adgroups`, adGroupBody("G"))).body.data.id as number;
    return { ...base, gid, kw: `/campaigns/${base.cid}/adgroups/${gid}/targetingkeywords` };
  }

  it("creates in bulk, lists, updates status and bid in bulk, and deletes one", async () => {
    const { a, kw, gid } = await adGroup();
    const res = await a.post(`${kw}/bulk`, [
      { text: "running shoes", matchType: "EXACT", bidAmount: { amount: "1.20", currency: "USD" } },
      { text: "sneakers", matchType: "BROAD" },
    ]);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([
      expect.objectContaining({ id: expect.any(Number), adGroupId: gid, text: "running shoes", matchType: "EXACT", status: "ACTIVE", bidAmount: { amount: "1.2", currency: "USD" } }),
      expect.objectContaining({ text: "sneakers", matchType: "BROAD", status: "ACTIVE", bidAmount: null }),
    ]);
    const [k1, k2] = res.body.data.map((k: { id: number }) => k.id);
    const upd = await a.put(`${kw}/bulk`, [{ id: k1, status: "PAUSED" }, { id: k2, bidAmount: { amount: "0.75", currency: "USD" } }]);
    expect(upd.status).toBe(200);
    expect(upd.body.data.map((k: { status: string; bidAmount: unknown }) => [k.status, k.bidAmount])).toEqual([
      ["PAUSED", { amount: "1.2", currency: "USD" }],
      ["ACTIVE", { amount: "0.75", currency: "USD" }],
    ]);
    expect((await a.get(`${kw}?limit=1`)).body.pagination).toEqual({ totalResults: 2, startIndex: 0, itemsPerPage: 1 });
    expect((await a.del(`${kw}/${k1}`)).status).toBe(200);
    expect((await a.get(kw)).body.data.map((k: { id: number }) => k.id)).toEqual([k2]);
    expect((await a.del(`${kw}/${k1}`)).status).toBe(404);
  });

  it("refuses the whole batch when one item is bad, and ENABLED as a keyword status", async () => {
    const { a, kw } = await adGroup();
    const res = await a.post(`${kw}/bulk`, [{ text: "ok", matchType: "EXACT" }, { text: "bad", matchType: "PHRASE" }]);
    expect(res.status).toBe(400);
    expect(res.body.error.errors[0].field).toBe("[1].matchType");
    expect((await a.get(kw)).body.data).toEqual([]);
    const k = (await a.post(`${kw}/bulk`, [{ text: "ok", matchType: "EXACT" }])).body.data[0].id;
    expect((await a.put(`${kw}/bulk`, [{ id: k, status: "ENABLED" }])).status).toBe(400);
    expect((await a.post(`${kw}/bulk`, [{ text: "OK", matchType: "EXACT" }])).status).toBe(400);
    expect((await a.put(`${kw}/bulk`, [{ id: 12345, status: "PAUSED" }])).body.error.errors[0].field).toBe("[0].id");
  });

  it("refuses keyword bids with three decimals", async () => {
    const { a, kw } = await adGroup();
    const res = await a.post(`${kw}/bulk`, [{ text: "x", matchType: "EXACT", bidAmount: { amount: "0.999", currency: "USD" } }]);
    expect(res.status).toBe(400);
    expect(res.body.error.errors[0].field).toBe("[0].bidAmount.amount");
  });
});
