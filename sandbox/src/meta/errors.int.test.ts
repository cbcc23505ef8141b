import { describe, expect, it } from "vitest";
import { graph, graphAs } from "../test-support/graph-call.ts";
import { useTestSandbox } from "../test-support/start-test-sandbox.ts";

const sandbox = useTestSandbox();
const create = { name: "C", objective: "OUTCOME_TRAFFIC", special_ad_categories: [] } as const;

function expectEnvelope(body: { error: Record<string, unknown> }) {
  expect(body.error).toMatchObject({ message: expect.any(String), type: expect.any(String), code: expect.any(Number), fbtrace_id: expect.any(String), is_transient: false });
}

describe("meta auth", () => {
  it("answers a missing token with 400 OAuthException code 190", async () => {
    const acc = await sandbox.control.createMetaAdAccount();
    const res = await graph(sandbox.url, "GET", `/${acc.accountId}/campaigns`);
    expect(res.status).toBe(400);
    expectEnvelope(res.body);
    expect(res.body.error).toMatchObject({ type: "OAuthException", code: 190 });
    expect(res.headers.get("www-authenticate")).toContain("invalid_token");
  });

  it("answers an unknown token with code 190", async () => {
    const acc = await sandbox.control.createMetaAdAccount();
    const res = await graph(sandbox.url, "POST", `/${acc.accountId}/campaigns`, create, { token: "EAAnotatoken" });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ type: "OAuthException", code: 190 });
    expect(await sandbox.control.ledger({ account: acc.accountId })).toEqual([]);
  });

  it("takes the token from a Bearer or OAuth header as well as from access_token", async () => {
    const acc = await sandbox.control.createMetaAdAccount();
    for (const authScheme of ["Bearer", "OAuth"] as const) {
      const res = await graph(sandbox.url, "POST", `/${acc.accountId}/campaigns`, { ...create, name: authScheme }, { token: acc.accessToken, authScheme });
      expect(res.status).toBe(200);
    }
    expect((await sandbox.control.ledger({ account: acc.accountId })).map((e) => e.fields.name)).toEqual(["Bearer", "OAuth"]);
  });

  it("does not let one account's token see or touch another account's objects", async () => {
    const a = await sandbox.control.createMetaAdAccount({ campaigns: [{ name: "A's", objective: "OUTCOME_SALES", status: "ACTIVE" }] });
    const b = await sandbox.control.createMetaAdAccount();
    const asB = graphAs(sandbox.url, b.accessToken);
    const campaignId = a.campaigns[0]?.id as string;
    for (const res of [
      await asB.get(`/${campaignId}`),
      await asB.post(`/${campaignId}`, { name: "hijack" }),
      await asB.del(`/${campaignId}`),
      await asB.get(`/${a.accountId}/campaigns`),
      await asB.post(`/${a.accountId}/campaigns`, create),
    ]) {
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 100, error_subcode: 33, type: "GraphMethodException" });
    }
    expect((await graphAs(sandbox.url, a.accessToken).get(`/${campaignId}`)).body.name).toBe("A's");
    expect(await sandbox.control.ledger({ account: a.accountId })).toEqual([]);
    expect(await sandbox.control.ledger({ account: b.accountId })).toEqual([]);
  });
});

describe("meta errors", () => {
  it("answers an unknown object id with code 100 subcode 33 naming the id", async () => {
    const acc = await sandbox.control.createMetaAdAccount();
    const res = await graphAs(sandbox.url, acc.accessToken).post("/120299999999999999", { name: "x" });
    expect(res.status).toBe(400);
    expectEnvelope(res.body);
    expect(res.body.error).toMatchObject({ code: 100, error_subcode: 33, type: "GraphMethodException" });
    expect(res.body.error.message).toContain("Unsupported post request. Object with ID '120299999999999999' does not exist");
  });

  it("names the offending field in error_user_msg for each invalid create", async () => {
    const acc = await sandbox.control.createMetaAdAccount();
    const g = graphAs(sandbox.url, acc.accessToken);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: "C", objective: "OUTCOME_TRAFFIC" }, "special_ad_categories"],
      [{ ...create, special_ad_categories: "NONE" }, "special_ad_categories"],
      [{ ...create, special_ad_categories: ["GAMBLING"] }, "special_ad_categories"],
      [{ ...create, objective: "REACH" }, "objective"],
      [{ ...create, daily_budget: "12.50" }, "daily_budget"],
      [{ ...create, daily_budget: 1000, lifetime_budget: 5000 }, "lifetime_budget"],
      [{ ...create, status: "ARCHIVED" }, "status"],
      [{ ...create, bid_strategy: "COST_CAP" }, "bid_strategy"],
      [{ ...create, start_time: "2030-01-02T00:00:00Z", stop_time: "2030-01-01T00:00:00Z" }, "stop_time"],
      [{ objective: "OUTCOME_TRAFFIC", special_ad_categories: [] }, "name"],
    ];
    for (const [params, field] of cases) {
      const res = await g.post(`/${acc.accountId}/campaigns`, params as Record<string, string>);
      expect(res.status, field).toBe(400);
      expectEnvelope(res.body);
      expect(res.body.error.code, field).toBe(100);
      expect(res.body.error.error_user_msg, field).toContain(field);
      expect(res.body.error.error_data, field).toEqual({ blame_field_specs: [[field]] });
    }
    expect(await sandbox.control.ledger({ account: acc.accountId })).toEqual([]);
  });

  it("refuses fields a Campaign does not have", async () => {
    const acc = await sandbox.control.createMetaAdAccount({ campaigns: [{ name: "x", objective: "OUTCOME_SALES", status: "ACTIVE" }] });
    const res = await graphAs(sandbox.url, acc.accessToken).get(`/${acc.campaigns[0]?.id}`, { fields: "name,favourite_colour" });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 100, message: "(#100) Tried accessing nonexisting field (favourite_colour) on node type (Campaign)" });
  });

  it("answers paths outside the sandbox with code 2500", async () => {
    const acc = await sandbox.control.createMetaAdAccount();
    const res = await graphAs(sandbox.url, acc.accessToken).get(`/${acc.accountId}/reachestimate`);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 2500, message: "Unknown path components: /reachestimate" });
  });

  it("answers an invalid JSON body with code 100", async () => {
    const acc = await sandbox.control.createMetaAdAccount();
    const res = await fetch(`${sandbox.url}/v24.0/${acc.accountId}/campaigns?access_token=${acc.accessToken}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: unknown }).error).toMatchObject({ code: 100, type: "OAuthException" });
  });

  it("answers 200 with the error body when suppress_http_code=1", async () => {
    const res = await graph(sandbox.url, "GET", "/act_1/campaigns", { suppress_http_code: 1 });
    expect(res.status).toBe(200);
    expect(res.body.error.code).toBe(190);
  });
});
