import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, expectProblem, type Harness, type Tenant } from "./test-support/harness.ts";
import { fakeResolve } from "./test-support/webhooks.ts";

/** Issue 12's families, one readable example set each (hostile-input.int.test.ts generates them over every route). */
describe("input rules", () => {
  let h: Harness;
  let t: Tenant;
  let campaignId: string;
  const P = () => `/v1/projects/${t.projectId}`;
  const written = async () => ({
    projects: await h.count("projects"),
    jobs: await h.count("jobs"),
    intents: await h.count("write_intents"),
    idem: await h.count("idempotency_keys"),
    names: (await h.env.db.selectFrom("projects").select("name").orderBy("id").execute()).map((r) => r.name),
  });

  beforeAll(async () => {
    h = await createHarness({ verdictTimeoutMs: 100, webhooks: { allowedHosts: ["127.0.0.1"], resolveHost: fakeResolve } });
    t = await h.seedTenant({ consent: true });
    campaignId = await h.seedCampaign(t.projectId);
  });
  afterAll(async () => h?.close());

  const UNSAFE = ["a\u0000b", "\ud800", "x\udfffy", "\u0001", "bell\u0007", "\u001b[2J", "del\u007f"];

  it("text - NUL, other control characters and lone surrogates in any free-text field are 422 at the field, and nothing is written", async () => {
    const cases: Array<{ method: "POST" | "PATCH" | "PUT"; url: () => string; body: (s: string) => object; pointer: string; auth?: () => string }> = [
      { method: "POST", url: () => "/v1/projects", body: (s) => ({ name: s }), pointer: "/name" },
      { method: "POST", url: () => "/v1/projects", body: (s) => ({ name: "ok", customerExternalId: s }), pointer: "/customerExternalId" },
      { method: "PATCH", url: () => P(), body: (s) => ({ name: s }), pointer: "/name" },
      { method: "PATCH", url: () => `${P()}/ads/meta/campaigns/${campaignId}`, body: (s) => ({ name: s }), pointer: "/name" },
      { method: "POST", url: () => `${P()}/ads/meta/campaigns`, body: (s) => ({ adAccountId: t.adAccountId, name: s, outcome: "traffic", dailyBudgetCents: 100, campaignManagementMode: "draft", creativeMode: "draft" }), pointer: "/name" },
      { method: "POST", url: () => "/v1/webhooks/endpoints", body: (s) => ({ url: "https://hooks.partner.example/x", description: s }), pointer: "/description" },
      { method: "PUT", url: () => `${P()}/ads/meta/kill-switch`, body: (s) => ({ active: true, reason: s }), pointer: "/reason", auth: () => t.customer },
      { method: "POST", url: () => `${P()}/ads/meta/pending/pa_0000000000000000000000000a/reject`, body: (s) => ({ reason: s }), pointer: "/reason" },
      { method: "POST", url: () => `${P()}/ads/meta/pending/pa_0000000000000000000000000a/approve`, body: (s) => ({ comment: s }), pointer: "/comment" },
      { method: "POST", url: () => `${P()}/ads/meta/campaigns`, body: (s) => ({ nested: { deeper: [1, { [s]: 1 }] } }), pointer: "/nested/deeper/1/" },
    ];
    for (const c of cases) {
      for (const s of UNSAFE) {
        const before = await written();
        const res = await h.send(c.method, c.url(), { auth: c.auth?.() ?? t.partner, body: c.body(s), headers: { "idempotency-key": randomUUID() } });
        const p = expectProblem(res, 422, "VALIDATION");
        expect(p.errors.some((e: { pointer: string }) => e.pointer.startsWith(c.pointer)), `${c.url()} ${JSON.stringify(s)}: ${res.body}`).toBe(true);
        expect(await written()).toEqual(before);
      }
    }
    // Tabs, newlines, emoji and the rest of Unicode are fine.
    const ok = await h.send("PATCH", P(), { auth: t.partner, body: { name: "Café 😀\tline\nbreak" } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().name).toBe("Café 😀\tline\nbreak");
  });

  it("text - query strings get the same rule (422 at /<parameter>), bytes that are not UTF-8 are refused, not replaced", async () => {
    for (const q of ["status=%00", "status=a%00b", "limit=%ED%A0%80", "x%00=1", "projectId=%1B"]) {
      const p = expectProblem(await h.send("GET", `/v1/audit-log?${q}`, { auth: t.partner }), 422, "VALIDATION");
      expect(p.errors.length).toBeGreaterThan(0);
    }
    // Odd dates are answered, never a 500: a date that does not exist is a 422, far-off years just match nothing.
    expectProblem(await h.send("GET", "/v1/audit-log?since=2022-02-30T00:00:00Z", { auth: t.partner }), 422, "VALIDATION");
    for (const q of ["since=0000-01-01T00:00:00Z", "until=0000-12-31T23:59:59Z", "since=9999-12-31T23:59:59%2B14:00"]) {
      const res = await h.send("GET", `/v1/audit-log?${q}`, { auth: t.partner });
      expect(res.statusCode, res.body).toBe(200);
    }
    const bad = Buffer.from([0x7b, 0x22, 0x6e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]);
    const res = await h.app.inject({ method: "PATCH", url: P(), headers: { authorization: `Bearer ${t.partner}`, "content-type": "application/json" }, payload: bad });
    expectProblem(res, 422, "VALIDATION");
    expectProblem(await h.send("PATCH", P(), { auth: t.partner, payload: '{"name":"x"}', headers: { "content-type": "application/json; charset=latin1" } }), 415, "VALIDATION");
  });

  it("cursors - forged, edited or unsigned cursors are 422 on every list; issued ones walk the pages", async () => {
    const forge = (at: string, id: string) => Buffer.from(JSON.stringify([at, id])).toString("base64url");
    const lists = [
      `/v1/projects`,
      `/v1/audit-log`,
      `${P()}/ads/meta/campaigns`,
      `${P()}/ads/campaigns`,
      `${P()}/ads/meta/pending`,
      `${P()}/ads/meta/campaigns/${campaignId}/adsets`,
      `/v1/webhooks/endpoints`,
    ];
    const forged = [forge("1", "cmp_0000000000000000000000000a"), forge("2022-02-30T00:00:00Z", randomUUID()), forge("0000-01-01 00:00:00+00", "pa_0000000000000000000000000a"), `${forge("2026-01-01", "x")}.${"A".repeat(22)}`];
    for (const url of lists) {
      for (const c of forged) expectProblem(await h.send("GET", `${url}?cursor=${c}`, { auth: t.partner }), 422, "VALIDATION");
    }
    for (let i = 0; i < 3; i++) await h.createProject(t.partner, `p${i}`);
    const page = (await h.send("GET", "/v1/projects?limit=1", { auth: t.partner })).json();
    expect(page.nextCursor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect((await h.send("GET", `/v1/projects?limit=1&cursor=${page.nextCursor}`, { auth: t.partner })).statusCode).toBe(200);
    // Flip one character of the payload: the signature no longer matches.
    const [payload, mac] = page.nextCursor.split(".");
    const edited = `${payload.slice(0, -2)}${payload.at(-2) === "A" ? "B" : "A"}${payload.at(-1)}.${mac}`;
    expectProblem(await h.send("GET", `/v1/projects?limit=1&cursor=${edited}`, { auth: t.partner }), 422, "VALIDATION");
    // Another gateway of the deployment (same secret) accepts it.
    const other = await h.another();
    const res = await other.inject({ method: "GET", url: `/v1/projects?limit=1&cursor=${page.nextCursor}`, headers: { authorization: `Bearer ${t.partner}` } });
    expect(res.statusCode).toBe(200);
  });

  it("depth - deeply nested JSON is 422 with or without an Idempotency-Key, before any walk", async () => {
    for (const depth of [33, 1_000, 20_000]) {
      for (const headers of [{}, { "idempotency-key": randomUUID() }] as Array<Record<string, string>>) {
        const before = await written();
        const payload = "[".repeat(depth) + "]".repeat(depth);
        const res = await h.send("POST", `${P()}/ads/meta/campaigns/${campaignId}/pause`, { auth: t.partner, payload, headers });
        expectProblem(res, 422, "VALIDATION");
        expect(await written()).toEqual(before);
      }
    }
    // Ten thousand values in a flat array is also too many.
    expectProblem(await h.send("PATCH", P(), { auth: t.partner, payload: `{"name":"x","n":[${"1,".repeat(10_500)}1]}` }), 422, "VALIDATION");
  });

  it("path parameters - %00 and other bytes in any segment are 404 before any lookup", async () => {
    for (const seg of ["%00", "meta%00", "%01", "%7F", "META", "..%2f", "'%20or%201=1--", "%E2%80%AE"]) {
      expectProblem(await h.send("GET", `${P()}/ads/${seg}/campaigns`, { auth: t.partner }), 404, "NOT_FOUND");
      expectProblem(await h.send("PATCH", `${P()}/ads/${seg}/campaigns/${campaignId}/budget`, { auth: t.partner, body: { dailyBudgetCents: 100 } }), 404, "NOT_FOUND");
      expectProblem(await h.send("GET", `/v1/projects/${seg}`, { auth: t.partner }), 404, "NOT_FOUND");
      expectProblem(await h.send("GET", `/v1/jobs/job_${seg}`, { auth: t.partner }), 404, "NOT_FOUND");
      expectProblem(await h.send("GET", `/v1/webhooks/endpoints/${seg}/deliveries`, { auth: t.partner }), 404, "NOT_FOUND");
    }
    // Percent-encoding that does not decode to UTF-8 is refused as a malformed URL.
    for (const seg of ["%ff", "%ED%A0%80", "%zz"]) expectProblem(await h.send("GET", `${P()}/ads/${seg}/campaigns`, { auth: t.partner }), 400, "VALIDATION");
    // Authentication still comes first: an anonymous caller learns nothing about paths.
    expectProblem(await h.send("GET", `${P()}/ads/%00/campaigns`), 401, "UNAUTHENTICATED");
  });

  it("bodies - JSON null is a body (422), and DELETE on a webhook endpoint refuses fields like every route", async () => {
    const before = await written();
    for (const url of [`${P()}/ads/meta/campaigns/${campaignId}/pause`, P(), `${P()}/ads/meta/campaigns/${campaignId}`]) {
      const method = url.endsWith("/pause") ? "POST" : "PATCH";
      const p = expectProblem(await h.send(method, url, { auth: t.partner, payload: "null" }), 422, "VALIDATION");
      expect(p.errors[0].pointer).toBe("");
    }
    expect(await written()).toEqual(before);
    const ep = await h.send("POST", "/v1/webhooks/endpoints", { auth: t.partner, body: { url: "https://hooks.partner.example/del" } });
    expect(ep.statusCode, ep.body).toBe(201);
    const id = ep.json().id;
    const p = expectProblem(await h.send("DELETE", `/v1/webhooks/endpoints/${id}`, { auth: t.partner, body: { force: true } }), 422, "VALIDATION");
    expect(p.errors[0]).toMatchObject({ pointer: "/force", detail: "unknown field" });
    expectProblem(await h.send("DELETE", `/v1/webhooks/endpoints/${id}`, { auth: t.partner, payload: "null" }), 422, "VALIDATION");
    expect((await h.send("GET", `/v1/webhooks/endpoints/${id}`, { auth: t.partner })).statusCode).toBe(200);
    expect((await h.send("DELETE", `/v1/webhooks/endpoints/${id}`, { auth: t.partner, body: {} })).statusCode).toBe(204);
  });

  it("queries - routes that read no query refuse any parameter as unknown, as bodies refuse unknown fields", async () => {
    for (const url of [`/v1/whoami?debug=1`, `${P()}?expand=all`, `${P()}/ads/meta/campaigns/${campaignId}?x=1&y=2`]) {
      const p = expectProblem(await h.send("GET", url, { auth: t.partner }), 422, "VALIDATION");
      expect(p.errors[0].detail).toBe("unknown query parameter");
    }
    const before = await written();
    expectProblem(await h.send("PATCH", `${P()}?force=true`, { auth: t.partner, body: { name: "renamed" } }), 422, "VALIDATION");
    expect(await written()).toEqual(before);
    expect((await h.send("GET", "/v1/projects?limit=1", { auth: t.partner })).statusCode).toBe(200);
  });

  it("headers - an Idempotency-Key with a DEL or Latin-1 byte is a 400 problem", async () => {
    for (const key of ["k\u007fk", "caf\u00e9"]) {
      expectProblem(await h.send("POST", "/v1/projects", { auth: t.partner, body: { name: "x" }, headers: { "idempotency-key": key } }), 400, "VALIDATION");
    }
  });
});
