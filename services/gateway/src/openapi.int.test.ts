import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Validator } from "@seriousme/openapi-schema-validator";
import { openApiDocument } from "./openapi/install-openapi.ts";
import { undocumentedRoutes } from "./openapi/document.ts";
import { createHarness, type Harness } from "./test-support/harness.ts";
import { responseChecker } from "./test-support/response-check.ts";

/** Issue 11 §1: the document is generated from the routes' own declarations, complete and valid. */
describe("OpenAPI document", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    await h.app.ready();
  });
  afterAll(async () => h.close());

  it("documents every registered route (a route without a doc fails here)", () => {
    expect(undocumentedRoutes(h.app.documentedRoutes)).toEqual([]);
    const doc = openApiDocument(h.app) as { paths: Record<string, Record<string, unknown>> };
    // Enumerated from Fastify's own table, not from the declarations: every route is a path + method of the document.
    for (const r of h.app.routeTable) {
      if (r.method === "HEAD") continue;
      const path = r.url.replace(/:([A-Za-z0-9_]+)/g, "{$1}");
      expect(doc.paths[path]?.[r.method.toLowerCase()], `${r.method} ${r.url}`).toBeDefined();
    }
  });

  it("validates as OpenAPI 3.1 with an off-the-shelf validator", async () => {
    const res = await h.send("GET", "/openapi.json");
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe("3.1.0");
    const result = await new Validator().validate(doc);
    expect(result.errors ?? null, JSON.stringify(result.errors, null, 1)?.slice(0, 3000)).toBeNull();
    expect(result.valid).toBe(true);
  });

  it("is public and not rate counted", async () => {
    const res = await h.send("GET", "/openapi.json", { auth: "lk_test_not_a_real_key" });
    // A public route ignores credentials: no 401 for a bad key, no RateLimit headers.
    expect(res.statusCode).toBe(200);
    expect(res.headers["ratelimit"]).toBeUndefined();
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
  });

  it("declares security, scopes, Idempotency-Key, RateLimit headers and examples", () => {
    const doc = openApiDocument(h.app) as any;
    const create = doc.paths["/v1/projects/{projectId}/ads/{platform}/campaigns"].post;
    expect(create.operationId).toBe("createCampaign");
    expect(create.security).toEqual([{ apiKey: ["ads:write:campaigns"] }, { customerJwt: [] }]);
    expect(create.parameters).toContainEqual({ $ref: "#/components/parameters/IdempotencyKey" });
    expect(create.responses["202"].headers.RateLimit).toEqual({ $ref: "#/components/headers/RateLimit" });
    expect(create.responses["429"]).toEqual({ $ref: "#/components/responses/Problem429" });
    expect(doc.components.responses.Problem429.headers["Retry-After"]).toBeDefined();
    expect(create.requestBody.content["application/json"].examples.meta.value.campaignManagementMode).toBe("draft");
    // The enum values that used to show up only in a 422 are in the document.
    expect(JSON.stringify(create.requestBody.content["application/json"].schema)).toContain('"enum":["manual","draft","autopilot"]');
    const platform = create.parameters.find((p: any) => p.name === "platform");
    expect(platform.schema.enum).toEqual(["meta", "tiktok", "apple"]);
    const budget = doc.paths["/v1/projects/{projectId}/ads/{platform}/campaigns/{campaignId}/budget"].patch;
    expect(budget.requestBody.content["application/json"].examples).toBeDefined();
    expect(doc.paths["/v1/projects/{projectId}/ads/{platform}/pending/{pendingActionId}/approve"].post.requestBody.content["application/json"].examples).toBeDefined();
    const policy = doc.paths["/v1/projects/{projectId}/ads/{platform}/policy"].get;
    expect(policy.security).toEqual([{ customerJwt: [] }]);
    const health = doc.paths["/healthz"].get;
    expect(health.security).toEqual([]);
    expect(health.responses["200"].headers.RateLimit).toBeUndefined();
  });

  it("the response check fails an undocumented status and a body off its schema", async () => {
    const check = responseChecker(openApiDocument(h.app));
    const route = { method: "GET", routeUrl: "/v1/projects/:projectId", contentType: "application/json" };
    expect(check({ ...route, status: 418, body: "{}" })).toMatch(/a status the document does not list/);
    expect(check({ ...route, status: 200, body: JSON.stringify({ id: "not a project" }) })).toMatch(/does not match the document/);
    expect(check({ ...route, status: 404, contentType: "application/json", body: "{}" })).toMatch(/answered application\/json/);
    expect(check({ ...route, status: 204, body: "" })).toMatch(/a status the document does not list/);
  });

  it("every answer a harness gateway sends is checked", async () => {
    const before = h.responseChecks.checked;
    await h.send("GET", "/healthz");
    expect(h.responseChecks.checked).toBe(before + 1);
    expect(h.violations).toEqual([]);
  });

  it("serves the reference page and its assets from the gateway itself", async () => {
    const page = await h.send("GET", "/docs");
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    // Every URL the page names is the gateway's own (relative to /docs): nothing from a CDN.
    const urls = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(0);
    for (const u of urls) expect(u).not.toMatch(/^[a-z]+:|^\/\//i);
    for (const u of urls) expect((await h.send("GET", new URL(u, "http://gw/docs").pathname)).statusCode, u).toBe(200);
    const css = await h.send("GET", "/docs/swagger-ui.css");
    expect(css.body).not.toMatch(/@import|url\(\s*["']?https?:/);
  });
});
