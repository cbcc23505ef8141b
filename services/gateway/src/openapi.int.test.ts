import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Validator } from "@seriousme/openapi-schema-validator";
import { openApiDocument } from "./openapi/install-openapi.ts";
import { undocumentedRoutes } from "./openapi/document.ts";
import { createHarness, type Harness } from "./test-support/harness.ts";

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
});
