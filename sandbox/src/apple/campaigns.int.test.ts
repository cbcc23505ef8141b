import { describe, expect, it } from "vitest";
import { useTestSandbox } from "../test-support/start-test-sandbox.ts";
import { appleAs, appleCall, campaignBody } from "./test-client.ts";

const sandbox = useTestSandbox();

async function org(body: Parameters<typeof sandbox.control.createAppleOrg>[0] = {}) {
  const o = await sandbox.control.createAppleOrg(body);
  return { o, a: appleAs(sandbox.url, o.accessToken, o.orgId) };
}

describe("apple campaigns - create and read", () => {
  it("creates with the seven required fields, answers in the envelope and reads money back without trailing zeros", async () => {
    const { o, a } = await org();
    const res = await a.post("/campaigns", campaignBody("Launch", { dailyBudgetAmount: { amount: "250.00", currency: "USD" } }));
    expect(res.status).toBe(200);
    expect(res.body.pagination).toBeNull();
    expect(res.body.error).toBeNull();
    expect(res.body.data).toMatchObject({
      id: expect.any(Number), orgId: o.orgId, name: "Launch", adamId: 1_234_567_890, dailyBudgetAmount: { amount: "250", currency: "USD" },
      status: "PAUSED", servingStatus: "NOT_RUNNING", displayStatus: "PAUSED", deleted: false, countriesOrRegions: ["US"],
    });
    expect(Number.isSafeInteger(res.body.data.id)).toBe(true);
    const read = await a.get(`/campaigns/${res.body.data.id}`);
    expect(read.status).toBe(200);
    expect(read.body.data).toEqual(res.body.data);
  });

  it("defaults status to ENABLED (Apple's default) when none is sent", async () => {
    const { a } = await org();
    const { status, ...noStatus } = campaignBody("Default");
    expect(status).toBe("PAUSED");
    const res = await a.post("/campaigns", noStatus);
    expect(res.body.data).toMatchObject({ status: "ENABLED", displayStatus: "RUNNING", servingStatus: "RUNNING" });
  });

  it("refuses a missing required field with 400 naming the field", async () => {
    const { a } = await org();
    const { adamId: _gone, ...body } = campaignBody("NoApp");
    const res = await a.post("/campaigns", body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ data: null, pagination: null, error: { errors: [expect.objectContaining({ messageCode: "MISSING_REQUIRED_FIELD", field: "adamId" })] } });
  });

  it("refuses a duplicate name in the same org but not in another org", async () => {
    const { a } = await org();
    expect((await a.post("/campaigns", campaignBody("Same"))).status).toBe(200);
    const dup = await a.post("/campaigns", campaignBody("Same"));
    expect(dup.status).toBe(400);
    expect(dup.body.error.errors[0]).toMatchObject({ messageCode: "DUPLICATE_NAME", field: "name" });
    const other = await org();
    expect((await other.a.post("/campaigns", campaignBody("Same"))).status).toBe(200);
  });

  it("refuses money with three decimals, as a number, or in another currency", async () => {
    const { a } = await org();
    const three = await a.post("/campaigns", campaignBody("M1", { dailyBudgetAmount: { amount: "10.005", currency: "USD" } }));
    expect(three.status).toBe(400);
    expect(three.body.error.errors[0].field).toBe("dailyBudgetAmount.amount");
    const num = await a.post("/campaigns", campaignBody("M2", { dailyBudgetAmount: { amount: 10, currency: "USD" } }));
    expect(num.status).toBe(400);
    const eur = await a.post("/campaigns", campaignBody("M3", { dailyBudgetAmount: { amount: "10", currency: "EUR" } }));
    expect(eur.status).toBe(400);
    expect(eur.body.error.errors[0].field).toBe("dailyBudgetAmount.currency");
    expect((await a.get("/campaigns")).body.pagination.totalResults).toBe(0);
  });

  it("uses the org currency set at seeding", async () => {
    const { a } = await org({ currency: "GBP" });
    expect((await a.post("/campaigns", campaignBody("UK"))).status).toBe(400);
    const ok = await a.post("/campaigns", campaignBody("UK", { dailyBudgetAmount: { amount: "5.5", currency: "GBP" } }));
    expect(ok.body.data.dailyBudgetAmount).toEqual({ amount: "5.5", currency: "GBP" });
  });
});

describe("apple campaigns - list and pagination", () => {
  it("pages with limit/offset and reports totalResults, startIndex, itemsPerPage; seeds are listed", async () => {
    const { o, a } = await org({ campaigns: [{ name: "Seeded", status: "PAUSED" }] });
    expect(o.campaigns).toEqual([{ id: expect.any(Number), name: "Seeded", adGroups: [] }]);
    for (const n of ["A", "B", "C", "D"]) expect((await a.post("/campaigns", campaignBody(n))).status).toBe(200);
    const first = await a.get("/campaigns?limit=2");
    expect(first.body.data.map((c: { name: string }) => c.name)).toEqual(["Seeded", "A"]);
    expect(first.body.pagination).toEqual({ totalResults: 5, startIndex: 0, itemsPerPage: 2 });
    const last = await a.get("/campaigns?limit=2&offset=4");
    expect(last.body.data.map((c: { name: string }) => c.name)).toEqual(["D"]);
    expect(last.body.pagination).toEqual({ totalResults: 5, startIndex: 4, itemsPerPage: 1 });
    expect((await a.get("/campaigns")).body.pagination.itemsPerPage).toBe(5);
    const bad = await a.get("/campaigns?limit=1001");
    expect(bad.status).toBe(400);
    expect(bad.body.error.errors[0].field).toBe("limit");
  });
});

describe("apple campaigns - update and delete", () => {
  it("updates partially through the campaign envelope", async () => {
    const { a } = await org();
    const id = (await a.post("/campaigns", campaignBody("Old"))).body.data.id;
    const res = await a.put(`/campaigns/${id}`, { campaign: { name: "New", dailyBudgetAmount: { amount: "75.50", currency: "USD" } } });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id, name: "New", status: "PAUSED", dailyBudgetAmount: { amount: "75.5", currency: "USD" }, adamId: 1_234_567_890 });
    const enable = await a.put(`/campaigns/${id}`, { campaign: { status: "ENABLED" } });
    expect(enable.body.data).toMatchObject({ name: "New", status: "ENABLED", displayStatus: "RUNNING" });
  });

  it("refuses an un-enveloped body, a removed daily budget, a fixed field and a taken name", async () => {
    const { a } = await org();
    const id = (await a.post("/campaigns", campaignBody("X"))).body.data.id;
    await a.post("/campaigns", campaignBody("Taken"));
    const bare = await a.put(`/campaigns/${id}`, { name: "Y" });
    expect(bare.status).toBe(400);
    expect(bare.body.error.errors[0].messageCode).toBe("INVALID_JSON_REQUEST");
    expect(bare.body.error.errors[0].message).toContain('{"campaign"');
    expect((await a.put(`/campaigns/${id}`, { campaign: { dailyBudgetAmount: null } })).body.error.errors[0].field).toBe("dailyBudgetAmount");
    expect((await a.put(`/campaigns/${id}`, { campaign: { adamId: 5 } })).status).toBe(400);
    expect((await a.put(`/campaigns/${id}`, { campaign: { name: "Taken" } })).body.error.errors[0].messageCode).toBe("DUPLICATE_NAME");
    expect((await a.get(`/campaigns/${id}`)).body.data.name).toBe("X");
  });

  it("soft-deletes: the campaign stays readable with deleted:true and displayStatus DELETED, frees its name, refuses changes", async () => {
    const { a } = await org();
    const id = (await a.post("/campaigns", campaignBody("Gone"))).body.data.id;
    const del = await a.del(`/campaigns/${id}`);
    expect(del.status).toBe(200);
    expect(del.body).toEqual({ data: null, pagination: null, error: null });
    const read = await a.get(`/campaigns/${id}`);
    expect(read.body.data).toMatchObject({ deleted: true, displayStatus: "DELETED", servingStatus: "NOT_RUNNING" });
    expect((await a.put(`/campaigns/${id}`, { campaign: { status: "ENABLED" } })).status).toBe(400);
    expect((await a.del(`/campaigns/${id}`)).status).toBe(400);
    expect((await a.post("/campaigns", campaignBody("Gone"))).status).toBe(200);
  });

  it("answers 404 in the envelope for unknown ids, another org's campaign and unknown paths", async () => {
    const { a } = await org();
    const other = await org();
    const theirs = (await other.a.post("/campaigns", campaignBody("Theirs"))).body.data.id;
    for (const path of ["/campaigns/999", `/campaigns/${theirs}`, "/campaigns/abc", "/reports/campaigns"]) {
      const res = await a.get(path);
      expect(res.status, path).toBe(404);
      expect(res.body).toMatchObject({ data: null, pagination: null, error: { errors: [{ messageCode: "NOT_FOUND" }] } });
    }
  });
});

describe("apple auth", () => {
  it("answers 401 for a missing or unknown token", async () => {
    const { o } = await org();
    for (const token of [undefined, "nope"]) {
      const res = await appleCall(sandbox.url, "GET", "/campaigns", undefined, { token, context: `orgId=${o.orgId}` });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ data: null, pagination: null, error: { errors: [expect.objectContaining({ messageCode: "UNAUTHORIZED" })] } });
    }
  });

  it("answers 403 for a missing, malformed or other org's X-AP-Context", async () => {
    const { o } = await org();
    const other = await org();
    for (const context of [undefined, "orgId=", "org=1", `orgId=${other.o.orgId}`]) {
      const res = await appleCall(sandbox.url, "POST", "/campaigns", campaignBody("Nope"), { token: o.accessToken, context });
      expect(res.status, String(context)).toBe(403);
      expect(res.body.error.errors[0].messageCode).toBe("FORBIDDEN");
    }
    expect(await sandbox.control.ledger({ platform: "apple", account: String(o.orgId) })).toEqual([]);
  });

  it("answers 400 in the envelope for malformed JSON", async () => {
    const { o } = await org();
    const res = await fetch(`${sandbox.url}/api/v5/campaigns`, {
      method: "POST",
      headers: { authorization: `Bearer ${o.accessToken}`, "x-ap-context": `orgId=${o.orgId}`, "content-type": "application/json" },
      body: "{nope",
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { errors: Array<{ messageCode: string }> } };
    expect(body.error.errors[0]?.messageCode).toBe("INVALID_JSON_REQUEST");
  });
});
