import { hostname } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webhookEndpointSchema, webhookEndpointWithSecretSchema } from "@layers/contracts";
import { DEV_TOKEN_KEY, openToken } from "@layers/runtime";
import { buildGateway } from "./app.ts";
import { createHarness, expectProblem, JWT_SECRET, type Harness } from "./test-support/harness.ts";
import { fakeResolve, seedDelivery, seedEvent } from "./test-support/webhooks.ts";
import { MAX_ENDPOINTS_PER_ORG } from "./routes/webhooks/create-endpoint.ts";

const BASE = "/v1/webhooks/endpoints";
const RW = ["webhooks:read", "webhooks:write"];

describe("webhook endpoints API", () => {
  let h: Harness;
  let org: string;
  let key: string;

  beforeAll(async () => {
    h = await createHarness({ webhooks: { allowedHosts: ["127.0.0.1", "LocalHost"], resolveHost: fakeResolve } });
    org = await h.seedOrg();
    key = (await h.mintKey(org, RW)).secret;
  });
  afterAll(async () => h?.close());

  const register = async (auth: string, body: Record<string, unknown> = {}) => {
    const res = await h.send("POST", BASE, { auth, body: { url: "https://hooks.partner.example/layers", ...body } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Record<string, any>;
  };
  const row = (id: string) => h.env.db.selectFrom("webhook_endpoints").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

  it("webhooks - register answers 201 with the secret once; get and list never show it", async () => {
    const res = await h.send("POST", BASE, {
      auth: key,
      body: { url: "https://hooks.partner.example/layers?x=1", events: ["ads.*", "approval.approved", "ads.*"], description: "prod receiver" },
    });
    expect(res.statusCode, res.body).toBe(201);
    const ep = res.json();
    expect(webhookEndpointWithSecretSchema.strict().parse(ep)).toEqual(ep);
    expect(ep.id).toMatch(/^ep_[0-9a-z]{26}$/);
    expect(res.headers.location).toBe(`${BASE}/${ep.id}`);
    expect(ep).toMatchObject({
      url: "https://hooks.partner.example/layers?x=1",
      events: ["ads.*", "approval.approved"],
      description: "prod receiver",
      enabled: true,
      disabledReason: null,
      disabledAt: null,
      failingSince: null,
      previousSecretExpiresAt: null,
    });
    expect(ep.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    // Sealed at rest with the configured key; the plain secret is nowhere in the row.
    const stored = await row(ep.id);
    expect(stored.organization_id).toBe(org);
    expect(stored.secret_enc).not.toContain(ep.secret.slice(6));
    expect(openToken(stored.secret_enc, DEV_TOKEN_KEY)).toBe(ep.secret);

    const got = await h.send("GET", `${BASE}/${ep.id}`, { auth: key });
    expect(got.statusCode).toBe(200);
    const { secret, ...withoutSecret } = ep;
    expect(got.json()).toEqual(withoutSecret);
    expect(webhookEndpointSchema.strict().parse(got.json())).toEqual(withoutSecret);
    const list = await h.send("GET", BASE, { auth: key });
    expect(list.json().data).toContainEqual(withoutSecret);
    for (const body of [got.body, list.body]) {
      expect(body).not.toContain(secret);
      expect(body).not.toContain("secret\"");
    }
    // A registration without a filter gets every event (null); an empty filter means the same.
    expect((await register(key)).events).toBeNull();
    expect((await register(key, { events: [] })).events).toBeNull();
  });

  it("webhooks - the same Idempotency-Key replays the registration (same secret), a new key registers again", async () => {
    const k2org = await h.seedOrg();
    const k2 = (await h.mintKey(k2org, RW)).secret;
    const headers = { "idempotency-key": "0d4b1a5e-1111-4c1a-9d5e-7f7f7f7f7f7f" };
    const first = await h.send("POST", BASE, { auth: k2, headers, body: { url: "https://hooks.partner.example/a" } });
    const again = await h.send("POST", BASE, { auth: k2, headers, body: { url: "https://hooks.partner.example/a" } });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(again.body).toBe(first.body);
    expect(again.headers.location).toBe(first.headers.location);
    const other = await h.send("POST", BASE, { auth: k2, headers, body: { url: "https://hooks.partner.example/b" } });
    expectProblem(other, 422, "IDEMPOTENCY_CONFLICT");
    expect((await h.send("GET", BASE, { auth: k2 })).json().data).toHaveLength(1);
  });

  it("webhooks - scopes: webhooks:read lists and reads, webhooks:write changes; customer tokens and other scopes are refused", async () => {
    const ep = await register(key);
    const reader = (await h.mintKey(org, ["webhooks:read"])).secret;
    const writer = (await h.mintKey(org, ["webhooks:write"])).secret;
    const wildcard = (await h.mintKey(org, ["webhooks:*"])).secret;
    const adsOnly = (await h.mintKey(org, ["ads:*", "projects:*"])).secret;
    const project = await h.createProject((await h.mintKey(org, ["projects:write"])).secret);
    const customer = h.customerToken(org, project.id);

    const reads: Array<[string, string]> = [
      ["GET", BASE],
      ["GET", `${BASE}/${ep.id}`],
      ["GET", `${BASE}/${ep.id}/deliveries`],
    ];
    const writes: Array<[string, string, unknown?]> = [
      ["POST", BASE, { url: "https://hooks.partner.example/x" }],
      ["PATCH", `${BASE}/${ep.id}`, { description: "d" }],
      ["POST", `${BASE}/${ep.id}/rotate-secret`, { overlapSeconds: 0 }],
      ["POST", `${BASE}/${ep.id}/test`],
      ["POST", `${BASE}/${ep.id}/replay`, { since: new Date(Date.now() - 60_000).toISOString() }],
      ["POST", `${BASE}/${ep.id}/deliveries/dlv_00000000000000000000000000/resend`],
      ["DELETE", `${BASE}/${ep.id}`],
    ];
    const send = (m: string, url: string, auth: string, body?: unknown) => h.send(m as "GET", url, { auth, ...(body !== undefined ? { body } : {}) });

    for (const [m, url] of reads) {
      expect((await send(m, url, reader)).statusCode).toBe(200);
      expect((await send(m, url, wildcard)).statusCode).toBe(200);
      const denied = expectProblem(await send(m, url, writer), 403, "INSUFFICIENT_SCOPE");
      expect(denied.detail).toContain("webhooks:read");
      expectProblem(await send(m, url, adsOnly), 403, "INSUFFICIENT_SCOPE");
      expectProblem(await send(m, url, customer), 403, "INSUFFICIENT_SCOPE");
      expectProblem(await h.send(m as "GET", url), 401, "UNAUTHENTICATED");
    }
    for (const [m, url, body] of writes) {
      const denied = expectProblem(await send(m, url, reader, body), 403, "INSUFFICIENT_SCOPE");
      expect(denied.detail).toContain("webhooks:write");
      expectProblem(await send(m, url, adsOnly, body), 403, "INSUFFICIENT_SCOPE");
      expectProblem(await send(m, url, customer, body), 403, "INSUFFICIENT_SCOPE");
    }
    // Nothing changed through a refused call.
    expect(await row(ep.id)).toMatchObject({ description: null, deleted_at: null, previous_secret_enc: null });
    // The write-only key can do every write (the resend of a made-up delivery is a 404, not a 403).
    const statuses: number[] = [];
    for (const [m, url, body] of writes) statuses.push((await send(m, url, writer, body)).statusCode);
    expect(statuses).toEqual([201, 200, 200, 202, 202, 404, 204]);
  });

  it("webhooks - tenancy: another org's endpoint and its deliveries are 404 on every route", async () => {
    const ep = await register(key);
    const eventId = await seedEvent(h.env.db, org, "ads.write.denied", new Date());
    const dlv = await seedDelivery(h.env.db, { id: ep.id, organizationId: org }, eventId, "ads.write.denied", { status: "failed" });
    const orgB = await h.seedOrg();
    const keyB = (await h.mintKey(orgB, ["*"])).secret;
    const epB = await register(keyB);

    const calls: Array<[string, string, unknown?]> = [
      ["GET", `${BASE}/${ep.id}`],
      ["PATCH", `${BASE}/${ep.id}`, { enabled: false }],
      ["POST", `${BASE}/${ep.id}/rotate-secret`, {}],
      ["POST", `${BASE}/${ep.id}/test`],
      ["GET", `${BASE}/${ep.id}/deliveries`],
      ["POST", `${BASE}/${ep.id}/deliveries/${dlv}/resend`],
      ["POST", `${BASE}/${ep.id}/replay`, { since: new Date(Date.now() - 60_000).toISOString() }],
      ["DELETE", `${BASE}/${ep.id}`],
      // Org B's own endpoint with org A's delivery id.
      ["POST", `${BASE}/${epB.id}/deliveries/${dlv}/resend`],
      // Malformed ids look like missing ones.
      ["GET", `${BASE}/ep_nope`],
      ["GET", `${BASE}/${ep.id.replace("ep_", "dlv_")}`],
    ];
    for (const [m, url, body] of calls) {
      expectProblem(await h.send(m as "GET", url, { auth: keyB, ...(body !== undefined ? { body } : {}) }), 404, "NOT_FOUND");
    }
    expect((await h.send("GET", BASE, { auth: keyB })).json().data.map((e: { id: string }) => e.id)).toEqual([epB.id]);
    // Org A's endpoint and delivery are untouched.
    expect(await row(ep.id)).toMatchObject({ enabled: true, deleted_at: null, previous_secret_enc: null });
    expect(await h.env.db.selectFrom("webhook_deliveries").select(["status", "endpoint_id"]).where("endpoint_id", "in", [ep.id, epB.id]).execute()).toEqual([
      { status: "failed", endpoint_id: ep.id },
    ]);
  });

  it("webhooks - URL rules: https only, no private, loopback, link-local or metadata address, also after DNS", async () => {
    const refused: Array<[string, RegExp]> = [
      ["http://hooks.partner.example/layers", /must use https/],
      ["ftp://hooks.partner.example/layers", /must use https/],
      ["not a url", /not an absolute URL/],
      ["/relative/path", /not an absolute URL/],
      ["https://user:pw@hooks.partner.example/", /credentials/],
      ["https://hooks.partner.example/#frag", /fragment/],
      ["https://10.0.0.8/hook", /10\.0\.0\.8 is not a public address/],
      ["https://192.168.1.20/hook", /not a public address/],
      ["https://172.16.5.5/hook", /not a public address/],
      ["https://169.254.169.254/latest/meta-data/", /169\.254\.169\.254 is not a public address/],
      ["https://[::1]/hook", /::1 is not a public address/],
      ["https://[fe80::1]/hook", /not a public address/],
      ["https://[::ffff:127.0.0.1]/hook", /::ffff:7f00:1 is not a public address/],
      ["https://[::ffff:a9fe:a9fe]/hook", /not a public address/],
      ["https://0.0.0.0/hook", /not a public address/],
      ["https://localhost.localhost/hook", /not a public host/],
      ["https://metadata.google.internal/computeMetadata/v1/", /not a public host/],
      ["https://internal.partner.example/hook", /resolves to 10\.1\.2\.3/],
      ["https://loopback.partner.example/hook", /resolves to 127\.0\.0\.1/],
      ["https://metadata.partner.example/hook", /resolves to 169\.254\.169\.254/],
      ["https://rebind.partner.example/hook", /resolves to 192\.168\.0\.10/],
      ["https://v6local.partner.example/hook", /resolves to fd00::1/],
      ["https://nxdomain.partner.example/hook", /does not resolve/],
      // 127.0.0.1 is allowlisted for http, but 127.0.0.2 is not.
      ["http://127.0.0.2:8080/hook", /must use https/],
      ["https://127.0.0.2:8080/hook", /not a public address/],
    ];
    const endpoints = async () => Number((await h.env.db.selectFrom("webhook_endpoints").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow()).n);
    const before = { endpoints: await endpoints(), keys: await h.count("idempotency_keys") };
    for (const [i, [url, reason]] of refused.entries()) {
      const res = await h.send("POST", BASE, { auth: key, body: { url }, headers: { "idempotency-key": `url-rule-${i}` } });
      const body = expectProblem(res, 422, "VALIDATION");
      expect(body.errors, url).toEqual([{ pointer: "/url", detail: expect.stringMatching(reason) }]);
    }
    // Nothing stored, and the keys stay free for a corrected request.
    expect({ endpoints: await endpoints(), keys: await h.count("idempotency_keys") }).toEqual(before);

    // Public names (v4 and v6) and the allowlisted local receivers (http allowed) are accepted.
    expect((await register(key, { url: "https://hooks2.partner.example:8443/in" })).url).toBe("https://hooks2.partner.example:8443/in");
    expect((await register(key, { url: "https://93.184.216.34/in" })).url).toBe("https://93.184.216.34/in");
    expect((await register(key, { url: "http://127.0.0.1:4567/webhooks" })).url).toBe("http://127.0.0.1:4567/webhooks");
    expect((await register(key, { url: "http://LOCALHOST:4567/webhooks" })).url).toBe("http://localhost:4567/webhooks");
  });

  it("webhooks - URL rules with the system resolver: this machine's own names are refused unless allowlisted", async () => {
    const strict = await buildGateway({ db: h.env.db, databaseUrl: h.env.databaseUrl, nats: h.env.nats, names: h.env.names, log: h.env.log, customerJwtSecret: JWT_SECRET, idempotencyPruneEveryMs: 0 });
    try {
      const post = (url: string) => strict.inject({ method: "POST", url: BASE, headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, payload: JSON.stringify({ url }) });
      for (const url of ["http://127.0.0.1:4567/webhooks", "https://localhost/webhooks", "https://127.0.0.1/webhooks"]) {
        const res = await post(url);
        expect(res.statusCode, url).toBe(422);
        expect(res.json().errors[0].pointer).toBe("/url");
      }
      // The host name resolves through the real resolver (/etc/hosts, DNS) to a non-public address.
      const own = await post(`https://${hostname()}/webhooks`);
      expect(own.statusCode).toBe(422);
      expect(own.json().errors[0].detail).toMatch(/resolves to .* not a public address|does not resolve/);
    } finally {
      await strict.close();
    }
  });

  it("webhooks - bad bodies are 422 with pointers and change nothing", async () => {
    const ep = await register(key);
    const cases: Array<[string, string, unknown, string]> = [
      ["POST", BASE, { url: "https://hooks.partner.example/", events: ["ads.nope"] }, "/events/0"],
      ["POST", BASE, { url: "https://hooks.partner.example/", events: ["foo.*"] }, "/events/0"],
      ["POST", BASE, { url: "https://hooks.partner.example/", events: "ads.*" }, "/events"],
      ["POST", BASE, { url: "https://hooks.partner.example/", id: "ep_mine" }, "/id"],
      ["POST", BASE, { events: ["*"] }, "/url"],
      ["POST", BASE, { url: "https://hooks.partner.example/", description: "x".repeat(501) }, "/description"],
      ["PATCH", `${BASE}/${ep.id}`, {}, ""],
      ["PATCH", `${BASE}/${ep.id}`, { enabled: "yes" }, "/enabled"],
      ["PATCH", `${BASE}/${ep.id}`, { secret: "whsec_x" }, "/secret"],
      ["PATCH", `${BASE}/${ep.id}`, { url: "http://hooks.partner.example/" }, "/url"],
      ["POST", `${BASE}/${ep.id}/rotate-secret`, { overlapSeconds: 86_401 }, "/overlapSeconds"],
      ["POST", `${BASE}/${ep.id}/rotate-secret`, { overlapSeconds: -1 }, "/overlapSeconds"],
      ["POST", `${BASE}/${ep.id}/rotate-secret`, { overlapSeconds: 1.5 }, "/overlapSeconds"],
      ["POST", `${BASE}/${ep.id}/test`, { message: "hi" }, "/message"],
      ["GET", `${BASE}?limit=0`, undefined, "/limit"],
      ["GET", `${BASE}?cursor=garbage`, undefined, "/cursor"],
      ["GET", `${BASE}?status=pending`, undefined, "/status"],
    ];
    for (const [m, url, body, pointer] of cases) {
      const p = expectProblem(await h.send(m as "GET", url, { auth: key, ...(body !== undefined ? { body } : {}) }), 422, "VALIDATION");
      expect(p.errors.map((e: { pointer: string }) => e.pointer), `${m} ${url} ${JSON.stringify(body)}`).toContain(pointer);
    }
    const stored = await row(ep.id);
    expect(stored).toMatchObject({ url: "https://hooks.partner.example/layers", enabled: true, previous_secret_enc: null, updated_at: stored.created_at });
  });

  it("webhooks - patch: url re-checked, events null = all, disable records why, enable clears the failure run", async () => {
    const ep = await register(key, { events: ["ads.write.denied"], description: "first" });
    const moved = await h.send("PATCH", `${BASE}/${ep.id}`, { auth: key, body: { url: "http://127.0.0.1:9999/new", events: ["kill_switch.*", "approval.*"] } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ id: ep.id, url: "http://127.0.0.1:9999/new", events: ["kill_switch.*", "approval.*"], description: "first", enabled: true });
    expect(moved.json()).not.toHaveProperty("secret");
    expect(Date.parse(moved.json().updatedAt)).toBeGreaterThan(Date.parse(ep.updatedAt));

    const refused = expectProblem(await h.send("PATCH", `${BASE}/${ep.id}`, { auth: key, body: { url: "https://metadata.partner.example/x", description: "nope" } }), 422, "VALIDATION");
    expect(refused.errors).toEqual([{ pointer: "/url", detail: expect.stringContaining("169.254.169.254") }]);
    expect((await row(ep.id)).url).toBe("http://127.0.0.1:9999/new");
    expect((await row(ep.id)).description).toBe("first");

    const all = await h.send("PATCH", `${BASE}/${ep.id}`, { auth: key, body: { events: null, description: null } });
    expect(all.json()).toMatchObject({ events: null, description: null });
    expect((await row(ep.id)).events).toBeNull();

    const off = await h.send("PATCH", `${BASE}/${ep.id}`, { auth: key, body: { enabled: false } });
    expect(off.json()).toMatchObject({ enabled: false, disabledReason: "disabled via the API" });
    expect(Date.parse(off.json().disabledAt)).toBeGreaterThan(Date.now() - 10_000);

    // The delivery service disabled it after failing for days: enabling clears the record and the run.
    const failingSince = new Date(Date.now() - 5 * 86_400_000);
    await h.env.db
      .updateTable("webhook_endpoints")
      .set({ enabled: false, disabled_reason: "failing for 5 days", disabled_at: new Date(), failing_since: failingSince })
      .where("id", "=", ep.id)
      .execute();
    const still = await h.send("GET", `${BASE}/${ep.id}`, { auth: key });
    expect(still.json()).toMatchObject({ enabled: false, disabledReason: "failing for 5 days", failingSince: failingSince.toISOString() });
    // Disabling an already disabled endpoint keeps the first reason.
    expect((await h.send("PATCH", `${BASE}/${ep.id}`, { auth: key, body: { enabled: false } })).json().disabledReason).toBe("failing for 5 days");
    const on = await h.send("PATCH", `${BASE}/${ep.id}`, { auth: key, body: { enabled: true } });
    expect(on.json()).toMatchObject({ enabled: true, disabledReason: null, disabledAt: null, failingSince: null });
    expect(await row(ep.id)).toMatchObject({ enabled: true, disabled_reason: null, disabled_at: null, failing_since: null });
  });

  it("webhooks - rotate: overlap 0 drops the old secret, an overlap keeps it signing until now + overlap", async () => {
    const ep = await register(key);
    const url = `${BASE}/${ep.id}/rotate-secret`;

    const t0 = Date.now();
    const kept = await h.send("POST", url, { auth: key, body: { overlapSeconds: 3600 } });
    expect(kept.statusCode, kept.body).toBe(200);
    const k = kept.json();
    expect(webhookEndpointWithSecretSchema.strict().parse(k)).toEqual(k);
    expect(k.secret).not.toBe(ep.secret);
    const expires = Date.parse(k.previousSecretExpiresAt);
    expect(expires).toBeGreaterThanOrEqual(t0 + 3600_000 - 1000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 3600_000 + 1000);
    let stored = await row(ep.id);
    expect(openToken(stored.secret_enc, DEV_TOKEN_KEY)).toBe(k.secret);
    expect(openToken(stored.previous_secret_enc!, DEV_TOKEN_KEY)).toBe(ep.secret);
    expect(stored.previous_secret_expires_at!.toISOString()).toBe(k.previousSecretExpiresAt);
    // GET shows the overlap, never a secret.
    const got = (await h.send("GET", `${BASE}/${ep.id}`, { auth: key })).json();
    expect(got.previousSecretExpiresAt).toBe(k.previousSecretExpiresAt);
    expect(JSON.stringify(got)).not.toContain(k.secret);

    // Without a body: the full 24 h overlap; the secret it replaces becomes the previous one.
    const dflt = (await h.send("POST", url, { auth: key })).json();
    expect(Math.abs(Date.parse(dflt.previousSecretExpiresAt) - (Date.now() + 86_400_000))).toBeLessThan(5000);
    stored = await row(ep.id);
    expect(openToken(stored.previous_secret_enc!, DEV_TOKEN_KEY)).toBe(k.secret);

    const leaked = await h.send("POST", url, { auth: key, body: { overlapSeconds: 0 } });
    expect(leaked.statusCode).toBe(200);
    expect(leaked.json().previousSecretExpiresAt).toBeNull();
    stored = await row(ep.id);
    expect(stored.previous_secret_enc).toBeNull();
    expect(stored.previous_secret_expires_at).toBeNull();
    expect(openToken(stored.secret_enc, DEV_TOKEN_KEY)).toBe(leaked.json().secret);
    expect(new Set([ep.secret, k.secret, dflt.secret, leaked.json().secret]).size).toBe(4);

    // An overlap that has ended reads as none.
    await h.env.db.updateTable("webhook_endpoints").set({ previous_secret_enc: stored.secret_enc, previous_secret_expires_at: new Date(Date.now() - 1000) }).where("id", "=", ep.id).execute();
    expect((await h.send("GET", `${BASE}/${ep.id}`, { auth: key })).json().previousSecretExpiresAt).toBeNull();
  });

  it("webhooks - delete hides the endpoint and fails the deliveries still waiting for it", async () => {
    const ep = await register(key);
    const e1 = await seedEvent(h.env.db, org, "ads.write.executed", new Date());
    const e2 = await seedEvent(h.env.db, org, "approval.approved", new Date());
    const ref = { id: ep.id, organizationId: org };
    const pending = await seedDelivery(h.env.db, ref, e1, "ads.write.executed", { status: "pending", attempts: [{ statusCode: 500, latencyMs: 30, error: "HTTP 500" }] });
    const done = await seedDelivery(h.env.db, ref, e2, "approval.approved", { status: "succeeded", attempts: [{ statusCode: 200, latencyMs: 12, error: null }] });
    const e3 = await seedEvent(h.env.db, org, "approval.approved", new Date());
    const leaseUntil = new Date(Date.now() + 30_000);
    const inFlight = await seedDelivery(h.env.db, ref, e3, "approval.approved", { status: "pending", leaseUntil });

    const del = await h.send("DELETE", `${BASE}/${ep.id}`, { auth: key });
    expect(del.statusCode).toBe(204);
    expect(del.body).toBe("");
    expectProblem(await h.send("GET", `${BASE}/${ep.id}`, { auth: key }), 404, "NOT_FOUND");
    expectProblem(await h.send("PATCH", `${BASE}/${ep.id}`, { auth: key, body: { enabled: true } }), 404, "NOT_FOUND");
    expectProblem(await h.send("GET", `${BASE}/${ep.id}/deliveries`, { auth: key }), 404, "NOT_FOUND");
    expectProblem(await h.send("POST", `${BASE}/${ep.id}/deliveries/${pending}/resend`, { auth: key }), 404, "NOT_FOUND");
    expectProblem(await h.send("DELETE", `${BASE}/${ep.id}`, { auth: key }), 404, "NOT_FOUND");
    expect((await h.send("GET", `${BASE}?limit=100`, { auth: key })).json().data.map((e: { id: string }) => e.id)).not.toContain(ep.id);

    const stored = await row(ep.id);
    expect(stored.deleted_at).toBeInstanceOf(Date);
    expect(stored.enabled).toBe(false);
    const rows = await h.env.db.selectFrom("webhook_deliveries").select(["id", "status", "last_error", "next_attempt_at", "completed_at"]).where("endpoint_id", "=", ep.id).orderBy("id").execute();
    expect(rows.find((r) => r.id === pending)).toMatchObject({ status: "failed", last_error: "the endpoint was deleted", next_attempt_at: null, completed_at: expect.any(Date) });
    expect(rows.find((r) => r.id === done)).toMatchObject({ status: "succeeded", last_error: null });
    // The attempt in flight records its own outcome (the delivery service sweeps it afterwards).
    expect(rows.find((r) => r.id === inFlight)).toMatchObject({ status: "pending", completed_at: null });
  });

  it("webhooks - list is newest first with cursor pagination; an org has at most 50 endpoints", async () => {
    const o = await h.seedOrg();
    const k = (await h.mintKey(o, RW)).secret;
    const created: string[] = [];
    for (let i = 0; i < MAX_ENDPOINTS_PER_ORG; i++) created.push((await register(k, { url: `https://hooks.partner.example/${i}` })).id);
    const full = expectProblem(await h.send("POST", BASE, { auth: k, body: { url: "https://hooks.partner.example/one-too-many" } }), 409, "CONFLICT");
    expect(full.detail).toContain(String(MAX_ENDPOINTS_PER_ORG));

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await h.send("GET", `${BASE}?limit=20${cursor ? `&cursor=${cursor}` : ""}`, { auth: k });
      expect(res.statusCode).toBe(200);
      seen.push(...res.json().data.map((e: { id: string }) => e.id));
      cursor = res.json().nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...created].reverse());

    // Deleting one frees a slot.
    expect((await h.send("DELETE", `${BASE}/${created[0]}`, { auth: k })).statusCode).toBe(204);
    expect((await h.send("POST", BASE, { auth: k, body: { url: "https://hooks.partner.example/fits" } })).statusCode).toBe(201);
  });
});
