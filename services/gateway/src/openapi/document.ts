import { z } from "zod";
import { ACTING_ORG_HEADER, ERROR_CODES, pathParamSchemas, problemSchema, type PathParamKind } from "@layers/contracts";
import type { RouteAuth } from "../plugins/auth.ts";
import { TAGS, type ResponseDoc, type RouteDoc } from "./route-doc.ts";
import { schemaNames } from "./schema-names.ts";

/** What the document needs from one registered route (collected by `installOpenApi`'s onRoute hook). */
export interface DocumentedRoute {
  method: string;
  url: string;
  auth?: RouteAuth | false | undefined;
  idempotent?: boolean | undefined;
  takesQuery?: boolean | undefined;
  pathParams?: Record<string, PathParamKind> | undefined;
  doc?: RouteDoc | undefined;
}

export type JsonObject = Record<string, unknown>;

export interface OpenApiInfo {
  title: string;
  version: string;
  description?: string;
  /** Absolute base URL of the API (`servers[0]`); relative `/` when unset. */
  serverUrl?: string | undefined;
}

const PROBLEM_REF = { $ref: "#/components/schemas/Problem" };
const PROBLEM_TYPE = "application/problem+json";

const STATUS_TEXT: Record<number, string> = {
  200: "OK",
  201: "Created",
  202: "Accepted (the write is queued or waiting for approval; follow the job)",
  204: "No content",
  302: "Redirect",
  303: "See other",
  400: "A header the API reads holds characters it does not accept",
  401: "Missing or invalid credentials (`UNAUTHENTICATED`)",
  403: "Not allowed: missing scope, customer-only control, authority gate, kill switch, suspended organization",
  404: "Not found (a foreign id is not found too)",
  409: "Conflict: the resource's state, or an `Idempotency-Key` reused with another request",
  413: "Body too large",
  415: "Body is not JSON",
  422: "Invalid request (`VALIDATION`, `UNSUPPORTED_ON_PLATFORM`); `errors[]` points at each bad field",
  429: "Rate limited (`RATE_LIMITED`); retry after `Retry-After` seconds",
  500: "Internal error",
  503: "Temporarily unavailable (`UNAVAILABLE`); retry after `Retry-After` seconds when given",
};

/** Named component schemas collected while converting (`schema-names.ts`), by name. */
type Components = Map<string, JsonObject>;

const DEFS = "#/$defs/";
const COMPONENTS = "#/components/schemas/";

/** `#/$defs/Campaign` (where zod puts a named schema) → `#/components/schemas/Campaign`. */
function rehome(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(rehome);
  if (v && typeof v === "object") {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === "$ref" && typeof x === "string" && x.startsWith(DEFS) ? COMPONENTS + x.slice(DEFS.length) : rehome(x)]));
  }
  return v;
}

/**
 * Request schemas are what a caller may send; response schemas what the gateway sends. Named
 * contract schemas become `#/components/schemas/<name>` references.
 */
function jsonSchema(schema: z.ZodType, io: "input" | "output", components: Components): JsonObject {
  // unrepresentable "any": a transform's output (e.g. the decoded cursor) has no JSON shape; its input side is what callers send.
  const out = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any", metadata: schemaNames }) as JsonObject;
  delete out.$schema;
  const defs = (out.$defs ?? {}) as Record<string, JsonObject>;
  delete out.$defs;
  for (const [name, def] of Object.entries(defs)) {
    // Unnamed defs only come from recursive schemas, whose generated names would collide across operations.
    if (name.startsWith("__")) throw new Error(`a recursive schema needs a name in openapi/schema-names.ts (${name})`);
    const json = rehome(def) as JsonObject;
    const known = components.get(name);
    if (known && JSON.stringify(known) !== JSON.stringify(json)) throw new Error(`schema ${name} differs as a request and as an answer: name only one side in openapi/schema-names.ts`);
    components.set(name, json);
  }
  return rehome(out) as JsonObject;
}

/** The problem statuses a route can answer, from what it is (see `route-doc.ts`). */
export function derivedProblems(r: DocumentedRoute): number[] {
  const s = new Set<number>([400, 404, 422, 500]);
  if (r.auth !== false) for (const x of [401, 403, 429, 503]) s.add(x);
  if (r.idempotent) s.add(409);
  if (r.doc?.body || ["POST", "PATCH", "PUT", "DELETE"].includes(r.method)) {
    s.add(413);
    s.add(415);
  }
  for (const x of r.doc?.problems ?? []) s.add(x);
  return [...s].sort((a, b) => a - b);
}

function security(auth: RouteAuth | false | undefined): Array<Record<string, string[]>> {
  if (auth === false) return [];
  const scopes = [...(auth?.anyOf ?? [])];
  if (auth?.customerOnly) return [{ customerJwt: [] }];
  if (auth?.partnerOnly) return [{ apiKey: scopes }];
  return [{ apiKey: scopes }, { customerJwt: [] }];
}

/** `/v1/projects/:projectId` → `/v1/projects/{projectId}`. */
export function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, "{$1}");
}

function asResponseDoc(v: z.ZodType | null | ResponseDoc): ResponseDoc {
  if (v === null) return { schema: null };
  if (v instanceof z.ZodType) return { schema: v };
  return v;
}

/** Every answer names its request id; counted ones (authenticated) carry the RateLimit headers. */
function responseHeaders(counted: boolean, status: number, extra: readonly string[] = []): JsonObject {
  const h: JsonObject = { "X-Request-Id": { $ref: "#/components/headers/X-Request-Id" } };
  if (counted && status !== 401) {
    h["RateLimit-Policy"] = { $ref: "#/components/headers/RateLimit-Policy" };
    h.RateLimit = { $ref: "#/components/headers/RateLimit" };
  }
  if (status === 429 || status === 503) h["Retry-After"] = { $ref: "#/components/headers/Retry-After" };
  if (status === 401) h["WWW-Authenticate"] = { schema: { type: "string" } };
  for (const name of extra) h[name] = { schema: { type: "string" } };
  return h;
}

/** The shared problem answers (`#/components/responses/Problem404`, `PublicProblem404` for public routes). */
function problemResponse(counted: boolean, code: number): [string, JsonObject] {
  return [
    `${counted ? "" : "Public"}Problem${code}`,
    { description: STATUS_TEXT[code] ?? "Problem", headers: responseHeaders(counted, code), content: { [PROBLEM_TYPE]: { schema: PROBLEM_REF } } },
  ];
}

function operationOf(r: DocumentedRoute, doc: RouteDoc, shared: Map<string, JsonObject>, components: Components): JsonObject {
  const counted = r.auth !== false;
  const parameters: JsonObject[] = [];
  for (const [name, kind] of Object.entries(r.pathParams ?? {})) {
    parameters.push({ name, in: "path", required: true, schema: jsonSchema(pathParamSchemas[kind], "input", components) });
  }
  if (doc.query) {
    const q = jsonSchema(doc.query, "input", components);
    const required = new Set((q.required as string[] | undefined) ?? []);
    for (const [name, schema] of Object.entries((q.properties as Record<string, JsonObject> | undefined) ?? {})) {
      const { description, ...rest } = schema;
      parameters.push({ name, in: "query", required: required.has(name), schema: rest, ...(description ? { description } : {}) });
    }
  }
  if (r.idempotent) parameters.push({ $ref: "#/components/parameters/IdempotencyKey" });
  if (counted && !(r.auth && r.auth.noActingOrg)) parameters.push({ $ref: "#/components/parameters/ActingOrganization" });
  parameters.push({ $ref: "#/components/parameters/RequestId" });

  const responses: JsonObject = {};
  const headersFor = (status: number, extra: readonly string[] = []) => responseHeaders(counted, status, extra);
  for (const [status, v] of Object.entries(doc.responses)) {
    if (v === undefined) continue;
    const d = asResponseDoc(v);
    const code = Number(status);
    const contentType = d.contentType ?? (code >= 400 ? PROBLEM_TYPE : "application/json");
    responses[status] = {
      description: d.description ?? STATUS_TEXT[code] ?? "Answer",
      headers: headersFor(code, d.headers ?? (code === 201 || code === 202 ? ["Location"] : [])),
      ...(d.schema ? { content: { [contentType]: { schema: jsonSchema(d.schema, "output", components) } } } : {}),
    };
  }
  for (const code of derivedProblems(r)) {
    const declared = responses[String(code)] as { content?: JsonObject } | undefined;
    if (declared) {
      // A page route's own 400 (HTML) and the gateway's problem 400 (bad header) are both possible.
      if (declared.content && !(PROBLEM_TYPE in declared.content)) declared.content[PROBLEM_TYPE] = { schema: PROBLEM_REF };
      continue;
    }
    const [name, response] = problemResponse(counted, code);
    shared.set(name, response);
    responses[String(code)] = { $ref: `#/components/responses/${name}` };
  }

  const op: JsonObject = {
    operationId: doc.operationId,
    tags: [doc.tag],
    summary: doc.summary,
    ...(doc.description ? { description: doc.description } : {}),
    security: security(r.auth),
    parameters,
    responses,
  };
  const scopes = r.auth ? (r.auth.anyOf ?? []) : [];
  if (r.auth !== false) op["x-scopes"] = [...scopes];
  if (r.idempotent) op["x-idempotent"] = true;
  if (doc.body) {
    const media: JsonObject = { schema: jsonSchema(doc.body, "input", components) };
    if (doc.examples) media.examples = doc.examples;
    op.requestBody = { required: false, content: { [doc.bodyContentType ?? "application/json"]: media } };
  }
  return op;
}

/**
 * The OpenAPI 3.1 document of every documented route: a pure function of the routes as
 * registered and their declarations. Routes without a declaration are left out here and listed
 * by `undocumentedRoutes` (a test fails on them).
 */
export function buildOpenApiDocument(routes: readonly DocumentedRoute[], info: OpenApiInfo): JsonObject {
  const paths: Record<string, Record<string, JsonObject>> = {};
  const shared = new Map<string, JsonObject>();
  const components: Components = new Map();
  jsonSchema(problemSchema, "output", components);
  const seen = new Set<string>();
  for (const r of routes) {
    if (!r.doc || r.method === "HEAD") continue;
    if (seen.has(r.doc.operationId)) throw new Error(`operationId ${r.doc.operationId} is used by two routes (${r.method} ${r.url})`);
    seen.add(r.doc.operationId);
    const path = openApiPath(r.url);
    (paths[path] ??= {})[r.method.toLowerCase()] = operationOf(r, r.doc, shared, components);
  }
  return {
    openapi: "3.1.0",
    info: { title: info.title, version: info.version, ...(info.description ? { description: info.description } : {}) },
    servers: [{ url: info.serverUrl ?? "/" }],
    tags: TAGS.map((name) => ({ name })),
    paths,
    components: {
      schemas: Object.fromEntries([...components].sort(([a], [b]) => a.localeCompare(b))),
      responses: Object.fromEntries([...shared].sort(([a], [b]) => a.localeCompare(b))),
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: "A partner API key (`lk_…`) as a bearer token; the operation's `x-scopes` lists the scopes that allow it (any one)." },
        customerJwt: { type: "http", scheme: "bearer", bearerFormat: "JWT", description: "A customer token (HS256 JWT bound to one project) as a bearer token." },
      },
      parameters: {
        IdempotencyKey: {
          name: "Idempotency-Key",
          in: "header",
          required: false,
          description: "Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT.",
          schema: { type: "string", minLength: 1, maxLength: 255 },
        },
        ActingOrganization: {
          name: ACTING_ORG_HEADER,
          in: "header",
          required: false,
          description: "A parent organization's key acts inside one of its child organizations.",
          schema: { type: "string" },
        },
        RequestId: { name: "X-Request-Id", in: "header", required: false, description: "Echoed back; a fresh one is made when absent or unusable.", schema: { type: "string" } },
      },
      headers: {
        "X-Request-Id": { description: "The request id (also in every problem body).", schema: { type: "string" } },
        "RateLimit-Policy": { description: "The quota of this key's tier and request class (IETF RateLimit headers).", schema: { type: "string" } },
        RateLimit: { description: "What is left in the current window.", schema: { type: "string" } },
        "Retry-After": { description: "Seconds to wait before retrying.", schema: { type: "string" } },
      },
    },
    "x-error-codes": Object.fromEntries(Object.entries(ERROR_CODES).map(([code, v]) => [code, v])),
  };
}

/** `METHOD url` of every route registered without a `doc` (HEAD routes follow their GET). */
export function undocumentedRoutes(routes: readonly DocumentedRoute[]): string[] {
  return routes.filter((r) => !r.doc && r.method !== "HEAD").map((r) => `${r.method} ${r.url}`);
}
