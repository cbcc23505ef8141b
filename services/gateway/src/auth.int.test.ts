import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { whoamiSchema } from "@layers/contracts";
import { mintApiKeySecret, signCustomerToken } from "@layers/runtime";
import { expectContract } from "./test-support/contract.ts";
import { createHarness, expectProblem, JWT_SECRET, type Harness } from "./test-support/harness.ts";

describe("authentication and whoami", () => {
  let h: Harness;
  let org: string;
  let key: { id: string; secret: string };
  let projectId: string;

  beforeAll(async () => {
    h = await createHarness();
    org = await h.seedOrg();
    key = await h.mintKey(org, ["projects:read", "projects:write", "ads:read"]);
    projectId = (await h.createProject(key.secret)).id;
  });
  afterAll(async () => h?.close());

  it("auth - a missing Authorization header is 401 UNAUTHENTICATED with a Bearer challenge", async () => {
    const res = await h.send("GET", "/v1/whoami");
    expectProblem(res, 401, "UNAUTHENTICATED");
    expect(res.headers["www-authenticate"]).toMatch(/^Bearer/);
  });

  it("auth - a non-Bearer scheme is 401", async () => {
    expectProblem(await h.send("GET", "/v1/whoami", { headers: { authorization: `Basic ${key.secret}` } }), 401, "UNAUTHENTICATED");
  });

  it("auth - a malformed key is 401 without touching the key table", async () => {
    const body = expectProblem(await h.send("GET", "/v1/whoami", { auth: "lak_live_short" }), 401, "UNAUTHENTICATED");
    expect(body.detail).toMatch(/malformed/);
  });

  it("auth - a one-character edit breaks the checksum and is 401", async () => {
    const s = key.secret;
    const flipped = s.slice(0, 20) + (s[20] === "a" ? "b" : "a") + s.slice(21);
    const body = expectProblem(await h.send("GET", "/v1/whoami", { auth: flipped }), 401, "UNAUTHENTICATED");
    expect(body.detail).toMatch(/malformed/);
  });

  it("auth - a well-formed key that was never issued is 401", async () => {
    const body = expectProblem(await h.send("GET", "/v1/whoami", { auth: mintApiKeySecret() }), 401, "UNAUTHENTICATED");
    expect(body.detail).toMatch(/unknown or revoked/);
  });

  it("auth - a revoked key is 401 within a second (the revoke's NOTIFY drops the cached key), and stays 401", async () => {
    const k = await h.mintKey(org, ["*"]);
    expect((await h.send("GET", "/v1/whoami", { auth: k.secret })).statusCode).toBe(200);
    await h.env.db.updateTable("api_keys").set({ status: "revoked", revoked_at: new Date() }).where("id", "=", k.id).execute();
    // Delivered at commit over another connection: a poll, bounded by the promise of SPEC §10 / issue 8.
    await expect.poll(async () => (await h.send("GET", "/v1/whoami", { auth: k.secret })).statusCode, { timeout: 1000, interval: 10 }).toBe(401);
    expectProblem(await h.send("GET", "/v1/whoami", { auth: k.secret }), 401, "UNAUTHENTICATED");
  });

  it("auth - customer tokens with a bad signature or past expiry are 401", async () => {
    const forged = signCustomerToken({ sub: "u", org, project: projectId }, "another-secret-of-some-length");
    expectProblem(await h.send("GET", "/v1/whoami", { auth: forged }), 401, "UNAUTHENTICATED");
    const expired = signCustomerToken({ sub: "u", org, project: projectId }, JWT_SECRET, 60, Math.floor(Date.now() / 1000) - 3600);
    expectProblem(await h.send("GET", "/v1/whoami", { auth: expired }), 401, "UNAUTHENTICATED");
  });

  it("auth - authentication comes before body parsing: bad JSON without credentials is 401", async () => {
    expectProblem(await h.send("POST", "/v1/projects", { payload: "{oops" }), 401, "UNAUTHENTICATED");
  });

  it("whoami - an API key sees its org, key id and granted scopes, and its use is recorded", async () => {
    const res = await h.send("GET", "/v1/whoami", { auth: key.secret });
    expect(res.statusCode).toBe(200);
    expect(expectContract(whoamiSchema, res.json())).toEqual({
      organizationId: org,
      parentOrganizationId: null,
      actor: { type: "partner", apiKeyId: key.id },
      scopes: ["projects:read", "projects:write", "ads:read"],
    });
    await expect.poll(async () => (await h.env.db.selectFrom("api_keys").select("last_used_at").where("id", "=", key.id).executeTakeFirstOrThrow()).last_used_at).not.toBeNull();
  });

  it("whoami - a customer token speaks for one project of one org", async () => {
    const res = await h.send("GET", "/v1/whoami", { auth: h.customerToken(org, projectId, "usr_42") });
    expect(res.statusCode).toBe(200);
    expect(expectContract(whoamiSchema, res.json())).toEqual({ organizationId: org, parentOrganizationId: null, actor: { type: "customer", userId: "usr_42" }, scopes: ["*"], projectId });
  });

  it("request id - a sane caller id is echoed on success and on errors; anything else is replaced", async () => {
    const ok = await h.send("GET", "/v1/whoami", { auth: key.secret, headers: { "x-request-id": "partner-trace-123" } });
    expect(ok.headers["x-request-id"]).toBe("partner-trace-123");
    const err = await h.send("GET", "/v1/whoami", { headers: { "x-request-id": "partner-trace-456" } });
    expect(expectProblem(err, 401, "UNAUTHENTICATED").requestId).toBe("partner-trace-456");
    const weird = await h.send("GET", "/v1/whoami", { auth: key.secret, headers: { "x-request-id": "<script>" } });
    expect(weird.headers["x-request-id"]).toMatch(/^req_[0-9a-z]{26}$/);
  });

  it("unknown routes are 404 NOT_FOUND problems with a request id, with or without credentials", async () => {
    expectProblem(await h.send("GET", "/v1/nope"), 404, "NOT_FOUND");
    expectProblem(await h.send("DELETE", "/v1/projects", { auth: key.secret }), 404, "NOT_FOUND");
  });
});
