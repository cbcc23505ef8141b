import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCOPES, type Scope } from "@layers/contracts";
import { createHarness, expectProblem, type Harness } from "./test-support/harness.ts";

type Method = "GET" | "POST" | "PATCH" | "PUT";
interface RouteCase {
  name: string;
  method: Method;
  url: () => string;
  body?: () => unknown;
  /** Any one of these grants the route. */
  scopes: Scope[];
}

describe("scopes", () => {
  let h: Harness;
  let org: string;
  let admin: string;
  let projectId: string;
  let campaignId: string;
  let adAccountId: string;
  let pending: () => Promise<string>;
  const P = () => `/v1/projects/${projectId}`;

  const routes: RouteCase[] = [
    { name: "list projects", method: "GET", url: () => "/v1/projects", scopes: ["projects:read"] },
    { name: "create project", method: "POST", url: () => "/v1/projects", body: () => ({ name: "n" }), scopes: ["projects:write"] },
    { name: "get project", method: "GET", url: () => P(), scopes: ["projects:read"] },
    { name: "patch project", method: "PATCH", url: () => P(), body: () => ({ timezone: "UTC" }), scopes: ["projects:write"] },
    { name: "list layers", method: "GET", url: () => `${P()}/layers`, scopes: ["projects:read", "ads:read"] },
    { name: "list all campaigns", method: "GET", url: () => `${P()}/ads/campaigns`, scopes: ["ads:read"] },
    { name: "list meta campaigns", method: "GET", url: () => `${P()}/ads/meta/campaigns`, scopes: ["ads:read"] },
    { name: "get campaign", method: "GET", url: () => `${P()}/ads/meta/campaigns/${campaignId}`, scopes: ["ads:read"] },
    {
      name: "create campaign",
      method: "POST",
      url: () => `${P()}/ads/meta/campaigns`,
      body: () => ({ adAccountId, name: "c", outcome: "traffic", dailyBudgetCents: 1000, campaignManagementMode: "draft", creativeMode: "draft" }),
      scopes: ["ads:write:campaigns"],
    },
    { name: "update budget", method: "PATCH", url: () => `${P()}/ads/meta/campaigns/${campaignId}/budget`, body: () => ({ dailyBudgetCents: 900 }), scopes: ["ads:write:budgets"] },
    { name: "pause", method: "POST", url: () => `${P()}/ads/meta/campaigns/${campaignId}/pause`, scopes: ["ads:write:lifecycle"] },
    { name: "resume", method: "POST", url: () => `${P()}/ads/meta/campaigns/${campaignId}/resume`, scopes: ["ads:write:lifecycle"] },
    { name: "archive campaign", method: "POST", url: () => `${P()}/ads/meta/campaigns/${campaignId}/archive`, scopes: ["ads:write:lifecycle"] },
    { name: "get authority", method: "GET", url: () => `${P()}/ads/meta/campaigns/${campaignId}/authority`, scopes: ["ads:read"] },
    { name: "patch authority", method: "PATCH", url: () => `${P()}/ads/meta/campaigns/${campaignId}/authority`, body: () => ({ authority: { creative: "off" } }), scopes: ["ads:write:policy"] },
    { name: "get defaults", method: "GET", url: () => `${P()}/ads/meta/defaults`, scopes: ["ads:read"] },
    { name: "patch defaults", method: "PATCH", url: () => `${P()}/ads/meta/defaults`, body: () => ({ authority: { creative: "off" } }), scopes: ["ads:write:policy"] },
    { name: "list pending", method: "GET", url: () => `${P()}/ads/meta/pending`, scopes: ["ads:read"] },
    { name: "audit log", method: "GET", url: () => "/v1/audit-log", scopes: ["audit:read"] },
  ];

  beforeAll(async () => {
    h = await createHarness({ verdictTimeoutMs: 100 });
    org = await h.seedOrg();
    admin = (await h.mintKey(org, ["*"])).secret;
    projectId = (await h.createProject(admin)).id;
    adAccountId = await h.seedAdAccount(projectId);
    campaignId = await h.seedCampaign(projectId);
    pending = async () => (await h.seedPending(org, projectId, campaignId)).pendingActionId;
  });
  afterAll(async () => h?.close());

  for (const r of routes) {
    it(`scope matrix - ${r.name} refuses a key with every scope but ${r.scopes.join(" / ")}`, async () => {
      const lacking = await h.mintKey(org, SCOPES.filter((s) => !r.scopes.includes(s)));
      const res = await h.send(r.method, r.url(), { auth: lacking.secret, ...(r.body ? { body: r.body() } : {}) });
      const body = expectProblem(res, 403, "INSUFFICIENT_SCOPE");
      expect(body.detail).toContain(r.scopes[0]);
    });

    it(`scope matrix - ${r.name} admits a key holding only ${r.scopes[0]}`, async () => {
      const only = await h.mintKey(org, [r.scopes[0]!]);
      const res = await h.send(r.method, r.url(), { auth: only.secret, ...(r.body ? { body: r.body() } : {}) });
      expect(res.statusCode, res.body).toBeLessThan(300);
    });
  }

  it("scope matrix - approve and reject need ads:write:pending", async () => {
    for (const verb of ["approve", "reject"]) {
      const id = await pending();
      const url = `${P()}/ads/meta/pending/${id}/${verb}`;
      const body = verb === "reject" ? { reason: "no" } : {};
      const lacking = await h.mintKey(org, SCOPES.filter((s) => s !== "ads:write:pending"));
      expectProblem(await h.send("POST", url, { auth: lacking.secret, body }), 403, "INSUFFICIENT_SCOPE");
      const only = await h.mintKey(org, ["ads:write:pending"]);
      expect((await h.send("POST", url, { auth: only.secret, body })).statusCode).toBeLessThan(300);
    }
  });

  it("wildcards - * grants every route", async () => {
    const star = (await h.mintKey(org, ["*"])).secret;
    for (const r of routes.filter((x) => x.method === "GET")) {
      expect((await h.send("GET", r.url(), { auth: star })).statusCode, r.name).toBe(200);
    }
  });

  it("wildcards - ads:* grants ads reads and writes but not projects or audit", async () => {
    const k = (await h.mintKey(org, ["ads:*"])).secret;
    expect((await h.send("GET", `${P()}/ads/meta/campaigns`, { auth: k })).statusCode).toBe(200);
    expect((await h.send("PATCH", `${P()}/ads/meta/campaigns/${campaignId}/budget`, { auth: k, body: { dailyBudgetCents: 800 } })).statusCode).toBe(202);
    expectProblem(await h.send("GET", "/v1/projects", { auth: k }), 403, "INSUFFICIENT_SCOPE");
    expectProblem(await h.send("GET", "/v1/audit-log", { auth: k }), 403, "INSUFFICIENT_SCOPE");
  });

  it("wildcards - ads:write:* grants every write sub-scope but not ads:read", async () => {
    const k = (await h.mintKey(org, ["ads:write:*"])).secret;
    expect((await h.send("PATCH", `${P()}/ads/meta/campaigns/${campaignId}/budget`, { auth: k, body: { dailyBudgetCents: 700 } })).statusCode).toBe(202);
    expect((await h.send("POST", `${P()}/ads/meta/campaigns/${campaignId}/pause`, { auth: k })).statusCode).toBe(202);
    expectProblem(await h.send("GET", `${P()}/ads/meta/campaigns`, { auth: k }), 403, "INSUFFICIENT_SCOPE");
  });

  it("wildcards - legacy ads:write grants the eight write sub-scopes, not reads", async () => {
    const k = (await h.mintKey(org, ["ads:write"])).secret;
    expect((await h.send("PATCH", `${P()}/ads/meta/campaigns/${campaignId}/budget`, { auth: k, body: { dailyBudgetCents: 600 } })).statusCode).toBe(202);
    expect((await h.send("PATCH", `${P()}/ads/meta/defaults`, { auth: k, body: { authority: { creative: "draft" } } })).statusCode).toBe(202);
    expect((await h.send("POST", `${P()}/ads/meta/pending/${await pending()}/reject`, { auth: k, body: { reason: "r" } })).statusCode).toBe(200);
    expectProblem(await h.send("GET", `${P()}/ads/meta/campaigns`, { auth: k }), 403, "INSUFFICIENT_SCOPE");
  });

  it("customer only - a partner key with * gets CUSTOMER_ONLY on kill switch and policy; the customer passes", async () => {
    const star = (await h.mintKey(org, ["*"])).secret;
    expectProblem(await h.send("PUT", `${P()}/ads/meta/kill-switch`, { auth: star, body: { active: true } }), 403, "CUSTOMER_ONLY");
    expectProblem(await h.send("GET", `${P()}/ads/meta/policy`, { auth: star }), 403, "CUSTOMER_ONLY");
    expectProblem(await h.send("PATCH", `${P()}/ads/meta/policy`, { auth: star, body: { partnerWritesEnabled: true } }), 403, "CUSTOMER_ONLY");
    const customer = h.customerToken(org, projectId);
    const policy = await h.send("GET", `${P()}/ads/meta/policy`, { auth: customer });
    expect(policy.statusCode).toBe(200);
    expect(policy.json()).toMatchObject({ platform: "meta", partnerWritesEnabled: false, ceiling: { creative: "auto", tactical: "auto", structural: "auto" } });
  });

  it("customers - hold every scope on their project but cannot create projects", async () => {
    const customer = h.customerToken(org, projectId);
    for (const r of routes.filter((x) => x.method === "GET")) {
      expect((await h.send("GET", r.url(), { auth: customer })).statusCode, r.name).toBe(200);
    }
    expectProblem(await h.send("POST", "/v1/projects", { auth: customer, body: { name: "x" } }), 403, "INSUFFICIENT_SCOPE");
  });
});
