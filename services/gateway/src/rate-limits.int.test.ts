import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setTimeout as sleep } from "node:timers/promises";
import { createHarness, expectProblem, type Harness, type Tenant } from "./test-support/harness.ts";

/** SPEC §10: rate limits per key and class shared across gateways, and the ops API kill switch. */
describe("rate limits and the API kill switch", () => {
  let h: Harness;
  let t: Tenant;
  const tiers = {
    standard: { read: { quota: 5, windowSeconds: 60 }, write: { quota: 3, windowSeconds: 60 } },
    internal: { read: { quota: 1000, windowSeconds: 60 }, write: { quota: 1000, windowSeconds: 60 } },
  };

  beforeAll(async () => {
    h = await createHarness({ rateLimits: { tiers, killSwitchRefreshMs: 100 } });
    t = await h.seedTenant();
  });
  afterAll(async () => h?.close());

  /** A fresh key of the tenant's org (the tenant's own key already spent some quota in seeding). */
  async function freshKey(): Promise<string> {
    return (await h.mintKey(t.org, ["*"])).secret;
  }

  it("reads and writes have their own quota; every answer says what remains; over it is 429 with Retry-After and nothing happens", async () => {
    const key = await freshKey();
    const read = await h.send("GET", "/v1/projects", { auth: key });
    expect(read.statusCode).toBe(200);
    expect(read.headers["ratelimit-policy"]).toBe('"read";q=5;w=60');
    expect(read.headers.ratelimit).toMatch(/^"read";r=4;t=\d+$/);

    const projectsBefore = await h.count("projects");
    for (let i = 0; i < 3; i++) {
      const res = await h.send("POST", "/v1/projects", { auth: key, body: { name: `P${i}` } });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.headers.ratelimit).toMatch(new RegExp(`^"write";r=${2 - i};t=\\d+$`));
    }
    const limited = await h.send("POST", "/v1/projects", { auth: key, body: { name: "one too many" } });
    const p = expectProblem(limited, 429, "RATE_LIMITED");
    expect(p.detail).toContain("3 write requests per 60 s");
    const retryAfter = Number(limited.headers["retry-after"]);
    const reset = Number(/t=(\d+)/.exec(String(limited.headers.ratelimit))![1]);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeGreaterThanOrEqual(reset);
    expect(limited.headers.ratelimit).toMatch(/^"write";r=0;t=\d+$/);
    expect(await h.count("projects")).toBe(projectsBefore + 3);
    // Reads are a separate class and still have quota.
    expect((await h.send("GET", "/v1/projects", { auth: key })).statusCode).toBe(200);
  });

  it("the count is shared by every gateway instance and kept per key", async () => {
    const key = await freshKey();
    const other = await h.another();
    for (let i = 0; i < 3; i++) expect((await h.send("PATCH", `/v1/projects/${t.projectId}`, { auth: key, body: { name: `R${i}` } })).statusCode).toBe(200);
    const there = await other.inject({ method: "PATCH", url: `/v1/projects/${t.projectId}`, headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, payload: JSON.stringify({ name: "x" }) });
    expect(there.statusCode).toBe(429);
    expect(there.json()).toMatchObject({ code: "RATE_LIMITED", requestId: expect.any(String) });
    // Another key of the same organization has its own quota.
    expect((await h.send("PATCH", `/v1/projects/${t.projectId}`, { auth: await freshKey(), body: { name: "y" } })).statusCode).toBe(200);
  });

  it("unauthenticated requests are not counted and carry no rate headers; a key's tier sets its quota", async () => {
    const res = await h.send("GET", "/v1/projects", { auth: "lak_live_nope" });
    expect(res.statusCode).toBe(401);
    expect(res.headers.ratelimit).toBeUndefined();
    const internal = await h.mintKey(t.org, ["*"]);
    await h.env.db.updateTable("api_keys").set({ rate_tier: "internal" }).where("id", "=", internal.id).execute();
    for (let i = 0; i < 6; i++) expect((await h.send("PATCH", `/v1/projects/${t.projectId}`, { auth: internal.secret, body: { name: `I${i}` } })).statusCode).toBe(200);
    expect((await h.send("GET", "/v1/projects", { auth: internal.secret })).headers["ratelimit-policy"]).toBe('"read";q=1000;w=60');
  });

  it("the API kill switch stops a key's, an org's or everyone's writes on every gateway within a second; reads go on", async () => {
    const other = await h.another();
    const minted = await h.mintKey(t.org, ["*"]);
    const key = minted.secret;
    const keyId = minted.id;
    const bystander = await h.seedTenant();
    const write = (auth: string, app = h.app, projectId = t.projectId) =>
      app.inject({ method: "PATCH", url: `/v1/projects/${projectId}`, headers: { authorization: `Bearer ${auth}`, "content-type": "application/json" }, payload: JSON.stringify({ name: "k" }) });

    const expectStopped = async (auth: string, projectId = t.projectId) => {
      for (const app of [h.app, other]) {
        const res = await write(auth, app, projectId);
        expect(res.statusCode, res.body).toBe(403);
        expect(res.json()).toMatchObject({ code: "KILL_SWITCH" });
      }
    };

    await h.env.db.insertInto("api_kill_switches").values({ scope: "key", target: keyId, reason: "runaway script" }).execute();
    await sleep(1000);
    await expectStopped(key);
    expect((await write(key)).json().detail).toContain("runaway script");
    expect((await h.send("GET", `/v1/projects/${t.projectId}`, { auth: key })).statusCode).toBe(200);
    expect((await write(await freshKey())).statusCode).toBe(200);

    await h.env.db.insertInto("api_kill_switches").values({ scope: "org", target: t.org, reason: null }).execute();
    await sleep(1000);
    await expectStopped(await freshKey());
    // The org's customers too.
    const customer = await h.send("PATCH", `/v1/projects/${t.projectId}/ads/meta/policy`, { auth: t.customer, body: { partnerWritesEnabled: true } });
    expectProblem(customer, 403, "KILL_SWITCH");
    expect((await write(bystander.partner, h.app, bystander.projectId)).statusCode).toBe(200);

    await h.env.db.insertInto("api_kill_switches").values({ scope: "global", target: "*", reason: "incident" }).execute();
    await sleep(1000);
    await expectStopped(bystander.partner, bystander.projectId);

    await h.env.db.deleteFrom("api_kill_switches").execute();
    await sleep(1000);
    expect((await write(bystander.partner, other, bystander.projectId)).statusCode).toBe(200);
    expect((await write(key)).statusCode).toBe(200);
  });
});
