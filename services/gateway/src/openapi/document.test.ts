import { describe, expect, it } from "vitest";
import { z } from "zod";
import { jobSchema } from "@layers/contracts";
import { buildOpenApiDocument, derivedProblems, openApiPath, undocumentedRoutes, type DocumentedRoute } from "./document.ts";
import { routeDoc, type RouteDoc } from "./route-doc.ts";
import { schemaNames } from "./schema-names.ts";

const info = { title: "t", version: "1" };
const body = z.strictObject({ mode: z.enum(["manual", "draft"]), n: z.number().int().optional() });
const query = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  // Like the list cursors: a string in, something else out.
  cursor: z.string().optional().transform((s) => (s ? { id: s } : null)),
});

const write: DocumentedRoute = {
  method: "POST",
  url: "/v1/things/:projectId",
  auth: { anyOf: ["projects:write"] },
  idempotent: true,
  pathParams: { projectId: "projectId" },
  doc: routeDoc({ operationId: "createThing", tag: "Projects", summary: "s", body, examples: { a: { value: { mode: "draft" } } }, responses: { 201: z.object({ id: z.string() }) }, problems: [409] }),
};
const list: DocumentedRoute = {
  method: "GET",
  url: "/v1/things",
  auth: { anyOf: ["projects:read"], partnerOnly: true },
  takesQuery: true,
  doc: routeDoc({ operationId: "listThings", tag: "Projects", summary: "s", query, responses: { 200: z.object({ data: z.array(z.string()) }) } }),
};
const open: DocumentedRoute = { method: "GET", url: "/healthz", auth: false, doc: routeDoc({ operationId: "health", tag: "Health", summary: "s", responses: { 200: null } }) };

describe("OpenAPI document builder", () => {
  const doc = buildOpenApiDocument([write, list, open, { method: "HEAD", url: "/healthz", auth: false }], info) as any;

  it("turns route templates into OpenAPI paths", () => {
    expect(openApiPath("/v1/projects/:projectId/ads/:platform")).toBe("/v1/projects/{projectId}/ads/{platform}");
    expect(Object.keys(doc.paths).sort()).toEqual(["/healthz", "/v1/things", "/v1/things/{projectId}"]);
  });

  it("derives problem statuses from what the route is", () => {
    expect(derivedProblems(open)).toEqual([400, 404, 422, 500]);
    expect(derivedProblems(write)).toEqual([400, 401, 403, 404, 409, 413, 415, 422, 429, 500, 503]);
    expect(Object.keys(doc.paths["/v1/things"].get.responses).sort()).toEqual(["200", "400", "401", "403", "404", "422", "429", "500", "503"]);
    expect(doc.paths["/healthz"].get.responses["404"]).toEqual({ $ref: "#/components/responses/PublicProblem404" });
  });

  it("path parameters come from their shapes, queries from the declared schema's input side", () => {
    const op = doc.paths["/v1/things/{projectId}"].post;
    expect(op.parameters[0]).toMatchObject({ name: "projectId", in: "path", required: true, schema: { type: "string", format: "uuid" } });
    const params = doc.paths["/v1/things"].get.parameters;
    expect(params.find((p: any) => p.name === "limit")).toMatchObject({ in: "query", required: false });
    expect(params.find((p: any) => p.name === "cursor")).toMatchObject({ in: "query", required: false, schema: { type: "string" } });
  });

  it("security and scopes follow config.auth", () => {
    expect(doc.paths["/v1/things/{projectId}"].post.security).toEqual([{ apiKey: ["projects:write"] }, { customerJwt: [] }]);
    expect(doc.paths["/v1/things"].get.security).toEqual([{ apiKey: ["projects:read"] }]);
    expect(doc.paths["/healthz"].get.security).toEqual([]);
  });

  it("idempotent routes take Idempotency-Key; bodies carry their enum values and examples", () => {
    const op = doc.paths["/v1/things/{projectId}"].post;
    expect(op.parameters).toContainEqual({ $ref: "#/components/parameters/IdempotencyKey" });
    expect(doc.paths["/v1/things"].get.parameters).not.toContainEqual({ $ref: "#/components/parameters/IdempotencyKey" });
    const media = op.requestBody.content["application/json"];
    expect(media.schema.properties.mode.enum).toEqual(["manual", "draft"]);
    expect(media.schema.additionalProperties).toBe(false);
    expect(media.examples).toEqual({ a: { value: { mode: "draft" } } });
  });

  it("counted answers carry the RateLimit headers, public ones do not", () => {
    expect(doc.paths["/v1/things/{projectId}"].post.responses["201"].headers.RateLimit).toBeDefined();
    expect(doc.paths["/healthz"].get.responses["200"].headers.RateLimit).toBeUndefined();
    expect(doc.paths["/healthz"].get.responses["200"].content).toBeUndefined();
  });

  it("lists routes without a declaration and refuses a reused operation id", () => {
    expect(undocumentedRoutes([write, { method: "GET", url: "/v1/nope" }, { method: "HEAD", url: "/v1/nope" }])).toEqual(["GET /v1/nope"]);
    expect(() => buildOpenApiDocument([write, { ...write, url: "/v1/other" }], info)).toThrow(/createThing is used by two routes/);
  });

  it("named contract schemas become components referenced by $ref", () => {
    const getJob: DocumentedRoute = { method: "GET", url: "/v1/jobs/:jobId", pathParams: { jobId: "jobId" }, doc: routeDoc({ operationId: "getJob", tag: "Jobs", summary: "s", responses: { 200: z.object({ data: z.array(jobSchema) }) } }) };
    const d = buildOpenApiDocument([getJob], info) as any;
    expect(d.paths["/v1/jobs/{jobId}"].get.responses["200"].content["application/json"].schema.properties.data.items).toEqual({ $ref: "#/components/schemas/Job" });
    expect(d.components.schemas.Job.properties.status.enum).toEqual(["queued", "running", "completed", "failed", "canceled"]);
    expect(JSON.stringify(d)).not.toContain("#/$defs/");
  });

  it("refuses a named schema whose request and answer forms differ", () => {
    // With a default, `n` is optional in a request and always present in an answer.
    const defaulted = z.object({ n: z.number().default(1) });
    schemaNames.add(defaulted, { id: "TestDefaulted" });
    const route = (responses: RouteDoc["responses"], body?: z.ZodType): DocumentedRoute => ({
      method: "POST",
      url: "/a",
      doc: routeDoc({ operationId: "a", tag: "Jobs", summary: "s", ...(body ? { body } : {}), responses }),
    });
    expect(() => buildOpenApiDocument([route({ 200: defaulted })], info)).not.toThrow();
    expect(() => buildOpenApiDocument([route({ 200: defaulted }, defaulted)], info)).toThrow(/TestDefaulted differs as a request and as an answer/);
  });
});
