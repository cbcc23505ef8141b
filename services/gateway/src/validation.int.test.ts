import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, expectProblem, type Harness } from "./test-support/harness.ts";

describe("validation and problem details", () => {
  let h: Harness;
  let org: string;
  let key: string;
  let projectId: string;
  let adAccountId: string;
  let campaignId: string;
  const good = () => ({ adAccountId, name: "Q3", outcome: "conversions", dailyBudgetCents: 5000, campaignManagementMode: "draft", creativeMode: "autopilot" });
  const createUrl = () => `/v1/projects/${projectId}/ads/meta/campaigns`;
  const written = async () => ({
    jobs: await h.count("jobs"),
    intents: await h.count("write_intents"),
    projects: await h.count("projects"),
    idem: await h.count("idempotency_keys"),
  });

  beforeAll(async () => {
    h = await createHarness({ verdictTimeoutMs: 100, bodyLimitBytes: 4096 });
    org = await h.seedOrg();
    key = (await h.mintKey(org, ["*"])).secret;
    projectId = (await h.createProject(key)).id;
    adAccountId = await h.seedAdAccount(projectId);
    campaignId = await h.seedCampaign(projectId);
  });
  afterAll(async () => h?.close());

  async function expectInvalid(method: "POST" | "PATCH", url: string, body: unknown, pointers: string[]) {
    const before = await written();
    const res = await h.send(method, url, { auth: key, body, headers: { "idempotency-key": crypto.randomUUID() } });
    const problem = expectProblem(res, 422, "VALIDATION");
    expect(problem.errors.map((e: { pointer: string }) => e.pointer)).toEqual(expect.arrayContaining(pointers));
    for (const e of problem.errors) expect(typeof e.detail).toBe("string");
    expect(await written()).toEqual(before);
    return problem;
  }

  it("validation - an unknown field is 422 with its pointer and nothing is written", async () => {
    const p = await expectInvalid("POST", createUrl(), { ...good(), bidCapCents: 10 }, ["/bidCapCents"]);
    expect(p.errors.find((e: { pointer: string }) => e.pointer === "/bidCapCents").detail).toBe("unknown field");
  });

  it("validation - wrong types and enum values point at each bad field", async () => {
    await expectInvalid("POST", createUrl(), { ...good(), dailyBudgetCents: "5000", campaignManagementMode: "yolo", name: 7 }, [
      "/dailyBudgetCents",
      "/campaignManagementMode",
      "/name",
    ]);
    await expectInvalid("POST", createUrl(), { ...good(), dailyBudgetCents: 10.5 }, ["/dailyBudgetCents"]);
    await expectInvalid("POST", createUrl(), { ...good(), dailyBudgetCents: -1 }, ["/dailyBudgetCents"]);
  });

  it("validation - both budgets, or neither, is 422", async () => {
    await expectInvalid("POST", createUrl(), { ...good(), lifetimeBudgetCents: 100000 }, ["/dailyBudgetCents"]);
    const { dailyBudgetCents: _d, ...neither } = good();
    await expectInvalid("POST", createUrl(), neither, ["/dailyBudgetCents"]);
    await expectInvalid("PATCH", `/v1/projects/${projectId}/ads/meta/campaigns/${campaignId}/budget`, { dailyBudgetCents: 1, lifetimeBudgetCents: 2 }, ["/dailyBudgetCents"]);
  });

  it("validation - a body id is refused (ids are assigned by Layers)", async () => {
    await expectInvalid("POST", "/v1/projects", { id: crypto.randomUUID(), name: "mine" }, ["/id"]);
    await expectInvalid("POST", createUrl(), { ...good(), id: "cmp_01hxf1aaaaaaaaaaaaaaaaaaaa" }, ["/id"]);
  });

  it("validation - an ad account of another project is 422 at /adAccountId", async () => {
    const other = (await h.createProject(key, "other")).id;
    const foreign = await h.seedAdAccount(other);
    await expectInvalid("POST", createUrl(), { ...good(), adAccountId: foreign }, ["/adAccountId"]);
    await expectInvalid("POST", createUrl(), { ...good(), adAccountId: "aa_00000000000000000000000000" }, ["/adAccountId"]);
  });

  it("validation - a non-object body points at the whole document", async () => {
    await expectInvalid("POST", "/v1/projects", [1, 2], [""]);
    await expectInvalid("PATCH", `/v1/projects/${projectId}`, {}, [""]);
  });

  it("validation - malformed JSON is a 422 problem, not a 5xx, and writes nothing", async () => {
    const before = await written();
    for (const payload of ["{", '{"name": }', "nul", '{"name":"x"}}']) {
      expectProblem(await h.send("POST", "/v1/projects", { auth: key, payload }), 422, "VALIDATION");
    }
    expect(await written()).toEqual(before);
  });

  it("validation - prototype keys are unknown fields, not a way in", async () => {
    const res = await h.send("POST", "/v1/projects", { auth: key, payload: '{"name":"x","__proto__":{"status":"archived"}}' });
    const p = expectProblem(res, 422, "VALIDATION");
    expect(p.errors.map((e: { pointer: string }) => e.pointer)).toContain("/__proto__");
    expect(({} as Record<string, unknown>).status).toBeUndefined();
  });

  it("validation - a wrong content type is 415 and an oversized body 413, both VALIDATION problems", async () => {
    expectProblem(await h.send("POST", "/v1/projects", { auth: key, payload: "name=x", headers: { "content-type": "application/x-www-form-urlencoded" } }), 415, "VALIDATION");
    expectProblem(await h.send("POST", "/v1/projects", { auth: key, payload: JSON.stringify({ name: "x".repeat(5000) }) }), 413, "VALIDATION");
  });

  it("validation - query parameters are checked too", async () => {
    const r1 = expectProblem(await h.send("GET", "/v1/projects?limit=0", { auth: key }), 422, "VALIDATION");
    expect(r1.errors[0].pointer).toBe("/limit");
    const r2 = expectProblem(await h.send("GET", "/v1/projects?cursor=garbage", { auth: key }), 422, "VALIDATION");
    expect(r2.errors[0].pointer).toBe("/cursor");
    expectProblem(await h.send("GET", "/v1/audit-log?decision=maybe", { auth: key }), 422, "VALIDATION");
    expectProblem(await h.send("GET", "/v1/projects?sort=name", { auth: key }), 422, "VALIDATION");
  });

  it("validation - a malformed Idempotency-Key is 400 and nothing runs", async () => {
    const before = await written();
    const res = await h.send("POST", "/v1/projects", { auth: key, body: { name: "x" }, headers: { "idempotency-key": "x".repeat(256) } });
    expectProblem(res, 400, "VALIDATION");
    expect(await written()).toEqual(before);
  });

  it("validation - body-less lifecycle POSTs accept no body or an empty JSON body, but not fields", async () => {
    const url = `/v1/projects/${projectId}/ads/meta/campaigns/${campaignId}/pause`;
    expect((await h.send("POST", url, { auth: key })).statusCode).toBe(202);
    expect((await h.send("POST", url, { auth: key, payload: "", headers: { "content-type": "application/json" } })).statusCode).toBe(202);
    await expectInvalid("POST", url, { now: true }, ["/now"]);
  });

  it("validation - an undecodable URL is a 400 problem with a request id", async () => {
    expectProblem(await h.send("GET", "/v1/projects/%E0%A4%A", { auth: key }), 400, "VALIDATION");
  });

  it("problems - documented type URIs, titles and statuses", async () => {
    const p = expectProblem(await h.send("GET", "/v1/projects/00000000-0000-4000-8000-000000000000", { auth: key }), 404, "NOT_FOUND");
    expect(p.type).toBe("https://docs.layers.dev/errors/not-found");
    expect(p.title).toBe("Not found");
  });
});
