import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { organizationSchema } from "@layers/contracts";
import { createHarness, expectProblem, type Harness } from "./test-support/harness.ts";
import { acting, createChild, mintChildKey, seedParent, type Family } from "./test-support/family.ts";

describe("organization control plane", () => {
  let h: Harness;
  let f: Family;

  beforeAll(async () => {
    h = await createHarness();
    f = await seedParent(h);
  });
  afterAll(async () => h?.close());

  it("create, get, list (cursor) - a child is a direct child of the caller's org", async () => {
    const a = await createChild(h, f.admin, "Acme", { crm: "c_1" });
    expect(organizationSchema.parse(a)).toEqual(a);
    expect(a).toMatchObject({ name: "Acme", parentOrganizationId: f.parent, status: "active", metadata: { crm: "c_1" } });
    const got = await h.send("GET", `/v1/organizations/${a.id}`, { auth: f.admin });
    expect(got.json()).toEqual(a);
    const b = await createChild(h, f.admin, "Bolt");
    const c = await createChild(h, f.admin, "Crux");
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await h.send("GET", `/v1/organizations?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, { auth: f.admin });
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json();
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((o: { id: string }) => o.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.slice(-3)).toEqual([a.id, b.id, c.id]);
    expectProblem(await h.send("GET", "/v1/organizations?cursor=forged.AAAAAAAAAAAAAAAAAAAAAA", { auth: f.admin }), 422, "VALIDATION");
  });

  it("org:admin is deny-by-default: a `*` key gets 403 INSUFFICIENT_SCOPE on every control-plane route, and so does the header", async () => {
    const child = await createChild(h, f.admin);
    const routes: Array<["GET" | "POST" | "PATCH", string, object?]> = [
      ["POST", "/v1/organizations", { name: "x" }],
      ["GET", "/v1/organizations"],
      ["GET", `/v1/organizations/${child.id}`],
      ["PATCH", `/v1/organizations/${child.id}`, { name: "y" }],
      ["POST", `/v1/organizations/${child.id}/suspend`],
      ["POST", `/v1/organizations/${child.id}/resume`],
      ["POST", `/v1/organizations/${child.id}/archive`],
      ["POST", `/v1/organizations/${child.id}/api-keys`, { name: "k", scopes: ["ads:read"] }],
      ["GET", `/v1/organizations/${child.id}/api-keys`],
    ];
    for (const [method, url, body] of routes) {
      expectProblem(await h.send(method, url, { auth: f.plain, ...(body ? { body } : {}) }), 403, "INSUFFICIENT_SCOPE");
      expectProblem(await h.send(method, url, { auth: f.admin, headers: acting(child.id), ...(body ? { body } : {}) }), 403, "INSUFFICIENT_SCOPE");
    }
    expect((await h.send("GET", `/v1/organizations/${child.id}`, { auth: f.admin })).json().status).toBe("active");
  });

  it("one level deep: a child (even acting through its parent's key) cannot have children", async () => {
    const child = await createChild(h, f.admin);
    // A child key never holds org:admin, so the only way to try is to mint one in the database.
    const rogue = await h.mintKey(child.id, ["*", "org:admin"]);
    const before = await h.env.db.selectFrom("organizations").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
    expectProblem(await h.send("POST", "/v1/organizations", { auth: rogue.secret, body: { name: "grandchild" } }), 422, "VALIDATION");
    const after = await h.env.db.selectFrom("organizations").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it("metadata is Stripe-shaped: PATCH merges key by key, \"\" unsets, null clears, bounds are 422 and store nothing", async () => {
    const child = await createChild(h, f.admin, "Meta", { a: "1", b: "2" });
    const patch = (body: object) => h.send("PATCH", `/v1/organizations/${child.id}`, { auth: f.admin, body });
    let res = await patch({ metadata: { b: "", c: "3" } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().metadata).toEqual({ a: "1", c: "3" });
    res = await patch({ name: "Renamed" });
    expect(res.json()).toMatchObject({ name: "Renamed", metadata: { a: "1", c: "3" } });

    const stored = async () => (await h.send("GET", `/v1/organizations/${child.id}`, { auth: f.admin })).json();
    const keep = await stored();
    expectProblem(await patch({ metadata: { ["k".repeat(41)]: "v" } }), 422, "VALIDATION");
    expectProblem(await patch({ metadata: { k: "v".repeat(501) } }), 422, "VALIDATION");
    const many = Object.fromEntries(Array.from({ length: 49 }, (_, i) => [`m${i}`, "x"]));
    // 2 stored + 49 new = 51 after the merge.
    const over = expectProblem(await patch({ metadata: many }), 422, "VALIDATION");
    expect(over.errors[0].pointer).toBe("/metadata");
    expectProblem(await patch({ metadata: { k: 1 } }), 422, "VALIDATION");
    expectProblem(await patch({}), 422, "VALIDATION");
    expect(await stored()).toEqual(keep);
    // 48 new + 2 stored = 50: allowed.
    res = await patch({ metadata: Object.fromEntries(Array.from({ length: 48 }, (_, i) => [`m${i}`, "x"])) });
    expect(res.statusCode, res.body).toBe(200);
    expect(Object.keys(res.json().metadata)).toHaveLength(50);
    res = await patch({ metadata: null });
    expect(res.json().metadata).toEqual({});
    expectProblem(await h.send("POST", "/v1/organizations", { auth: f.admin, body: { name: "x", metadata: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`m${i}`, "x"])) } }), 422, "VALIDATION");
  });

  it("suspend: the child's keys and customer tokens cannot write (403 ORG_SUSPENDED), reads go on; resume restores writes", async () => {
    const child = await createChild(h, f.admin);
    const key = await mintChildKey(h, f.admin, child.id, ["*"]);
    const project = await h.createProject(key.secret, "Child project");
    const customer = h.customerToken(child.id, project.id);
    const suspend = await h.send("POST", `/v1/organizations/${child.id}/suspend`, { auth: f.admin });
    expect(suspend.statusCode, suspend.body).toBe(200);
    expect(suspend.json().status).toBe("suspended");
    const before = await h.count("projects");
    expectProblem(await h.send("POST", "/v1/projects", { auth: key.secret, body: { name: "no" } }), 403, "ORG_SUSPENDED");
    expectProblem(await h.send("PATCH", `/v1/projects/${project.id}`, { auth: customer, body: { name: "no" } }), 403, "ORG_SUSPENDED");
    expectProblem(await h.send("PATCH", `/v1/projects/${project.id}`, { auth: f.admin, headers: acting(child.id), body: { name: "no" } }), 403, "ORG_SUSPENDED");
    expect(await h.count("projects")).toBe(before);
    // Stopping spend stays possible: the customer may engage its layer kill switch, not release it.
    const intents = await h.count("write_intents");
    expectProblem(await h.send("PUT", `/v1/projects/${project.id}/ads/meta/kill-switch`, { auth: customer, body: { active: false } }), 403, "ORG_SUSPENDED");
    expect(await h.count("write_intents")).toBe(intents);
    const engage = await h.send("PUT", `/v1/projects/${project.id}/ads/meta/kill-switch`, { auth: customer, body: { active: true, reason: "offboarding" } });
    expect([200, 202], engage.body).toContain(engage.statusCode);
    expect(await h.count("write_intents")).toBe(intents + 1);
    expect((await h.send("GET", `/v1/projects/${project.id}`, { auth: key.secret })).statusCode).toBe(200);
    expect((await h.send("GET", `/v1/projects/${project.id}`, { auth: customer })).statusCode).toBe(200);
    // Suspending twice is a no-op; resume brings writes back.
    expect((await h.send("POST", `/v1/organizations/${child.id}/suspend`, { auth: f.admin })).json().status).toBe("suspended");
    expect((await h.send("POST", `/v1/organizations/${child.id}/resume`, { auth: f.admin })).json().status).toBe("active");
    const ok = await h.send("PATCH", `/v1/projects/${project.id}`, { auth: key.secret, body: { name: "yes" } });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it("archive: the child's own keys and tokens stop authenticating (401); the parent reads but cannot write (403); archive is final", async () => {
    const child = await createChild(h, f.admin);
    const key = await mintChildKey(h, f.admin, child.id, ["*"]);
    const project = await h.createProject(key.secret, "Archived child project");
    const customer = h.customerToken(child.id, project.id);
    const res = await h.send("POST", `/v1/organizations/${child.id}/archive`, { auth: f.admin });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe("archived");
    expectProblem(await h.send("GET", "/v1/whoami", { auth: key.secret }), 401, "UNAUTHENTICATED");
    expectProblem(await h.send("GET", `/v1/projects/${project.id}`, { auth: customer }), 401, "UNAUTHENTICATED");
    expect((await h.send("GET", `/v1/projects/${project.id}`, { auth: f.admin, headers: acting(child.id) })).statusCode).toBe(200);
    expectProblem(await h.send("PATCH", `/v1/projects/${project.id}`, { auth: f.admin, headers: acting(child.id), body: { name: "no" } }), 403, "ORG_ARCHIVED");
    expectProblem(await h.send("POST", `/v1/organizations/${child.id}/resume`, { auth: f.admin }), 409, "CONFLICT");
    expectProblem(await h.send("POST", `/v1/organizations/${child.id}/suspend`, { auth: f.admin }), 409, "CONFLICT");
    expectProblem(await h.send("PATCH", `/v1/organizations/${child.id}`, { auth: f.admin, body: { name: "no" } }), 409, "CONFLICT");
    expectProblem(await h.send("POST", `/v1/organizations/${child.id}/api-keys`, { auth: f.admin, body: { name: "k", scopes: ["ads:read"] } }), 409, "CONFLICT");
    expect((await h.send("POST", `/v1/organizations/${child.id}/archive`, { auth: f.admin })).json().status).toBe("archived");
    expect((await h.send("GET", `/v1/organizations?status=archived`, { auth: f.admin })).json().data.map((o: { id: string }) => o.id)).toContain(child.id);
  });

  it("a suspend reaches every gateway within a second, whoever writes it (pushed invalidation, not a TTL)", async () => {
    const other = await h.another();
    const child = await createChild(h, f.admin);
    const key = await mintChildKey(h, f.admin, child.id, ["*"]);
    const project = await h.createProject(key.secret, "Cached");
    const write = (app: typeof other) =>
      app.inject({ method: "PATCH", url: `/v1/projects/${project.id}`, headers: { authorization: `Bearer ${key.secret}`, "content-type": "application/json" }, payload: JSON.stringify({ name: "n" }) });
    // Both gateways have the key and the org cached now.
    expect((await write(h.app)).statusCode).toBe(200);
    expect((await write(other)).statusCode).toBe(200);
    // An operator suspends in psql: no gateway is involved in the change.
    await h.env.db.updateTable("organizations").set({ status: "suspended" }).where("id", "=", child.id).execute();
    const deadline = Date.now() + 1000;
    let codes: number[] = [];
    while (Date.now() < deadline) {
      codes = [(await write(h.app)).statusCode, (await write(other)).statusCode];
      if (codes.every((c) => c === 403)) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(codes).toEqual([403, 403]);
    await h.env.db.updateTable("organizations").set({ status: "active" }).where("id", "=", child.id).execute();
  });

  it("the API kill switch: one on the parent also stops its writes inside a child; one on the child stops the child's own keys", async () => {
    const child = await createChild(h, f.admin);
    const key = await mintChildKey(h, f.admin, child.id, ["*"]);
    const project = await h.createProject(key.secret, "Switched");
    const patch = (auth: string, headers: Record<string, string> = {}) => h.send("PATCH", `/v1/projects/${project.id}`, { auth, headers, body: { name: "n" } });
    const until = async (check: () => Promise<boolean>) => {
      const deadline = Date.now() + 1000;
      while (!(await check()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(await check()).toBe(true);
    };
    await h.env.db.insertInto("api_kill_switches").values({ scope: "org", target: f.parent, reason: "parent stopped" }).execute();
    await until(async () => (await patch(f.admin, acting(child.id))).statusCode === 403);
    expectProblem(await patch(f.admin, acting(child.id)), 403, "KILL_SWITCH");
    expect((await patch(key.secret)).statusCode).toBe(200);
    await h.env.db.deleteFrom("api_kill_switches").where("target", "=", f.parent).execute();
    await h.env.db.insertInto("api_kill_switches").values({ scope: "org", target: child.id, reason: "child stopped" }).execute();
    await until(async () => (await patch(key.secret)).statusCode === 403);
    expectProblem(await patch(key.secret), 403, "KILL_SWITCH");
    expectProblem(await patch(f.admin, acting(child.id)), 403, "KILL_SWITCH");
    await h.env.db.deleteFrom("api_kill_switches").where("target", "=", child.id).execute();
    await until(async () => (await patch(key.secret)).statusCode === 200);
  });
});
