import { Ajv2020 } from "ajv/dist/2020.js";
import type { ValidateFunction } from "ajv";
import type { FastifyInstance } from "fastify";
import { openApiDocument } from "../openapi/install-openapi.ts";
import { openApiPath, type JsonObject } from "../openapi/document.ts";

/** One answer that the OpenAPI document does not describe. */
export interface ResponseViolation {
  requestId: string;
  what: string;
}

export interface SentResponse {
  method: string;
  /** The route template (`/v1/projects/:projectId`). */
  routeUrl: string;
  status: number;
  contentType: string | undefined;
  /** The raw body when it is text (`undefined` for streams). */
  body: string | undefined;
}

const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");

/**
 * Checks answers against the document's schema for their route and status (the integration
 * tests' proof that the document says what the gateway does). Schemas are compiled from the
 * document itself, by JSON pointer, so a wrong conversion fails as surely as a wrong declaration.
 */
export function responseChecker(doc: JsonObject): (r: SentResponse) => string | null {
  // strict off: OpenAPI keywords (`example`, `x-…`) sit next to JSON Schema ones; formats are annotations here.
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: false });
  ajv.addSchema(doc, "openapi");
  const compiled = new Map<string, ValidateFunction>();
  type Response = { content?: Record<string, unknown> };
  const paths = doc.paths as Record<string, Record<string, { responses: Record<string, Response> }>>;
  return (r) => {
    const path = openApiPath(r.routeUrl);
    const op = paths[path]?.[r.method.toLowerCase()];
    if (!op) return `${r.method} ${r.routeUrl} is not in the document`;
    const declared = op.responses[String(r.status)];
    // A shared answer (`#/components/responses/Problem404`) is read, and its schema compiled, where it lives.
    const ref = (declared as { $ref?: string } | undefined)?.$ref;
    const at = ref ? ref.slice(2).split("/") : ["paths", path, r.method.toLowerCase(), "responses", String(r.status)];
    const response = ref ? (doc.components as { responses: Record<string, Response> }).responses[at[2]!] : declared;
    if (!response) return `${r.method} ${r.routeUrl} answered ${r.status}, a status the document does not list (${Object.keys(op.responses).join(", ")})`;
    const content = response.content;
    if (!content) return r.body && r.body.length > 0 ? `${r.method} ${r.routeUrl} ${r.status} has a body; the document says none` : null;
    const mediaType = (r.contentType ?? "").split(";")[0]!.trim();
    if (!(mediaType in content)) return `${r.method} ${r.routeUrl} ${r.status} answered ${mediaType || "no content type"}; the document lists ${Object.keys(content).join(", ")}`;
    if (!mediaType.endsWith("json") || r.body === undefined) return null;
    const key = `${at.join("/")} ${mediaType}`;
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile({ $ref: `openapi#/${pointer(...at, "content", mediaType, "schema")}` });
      compiled.set(key, validate);
    }
    let body: unknown;
    try {
      body = JSON.parse(r.body);
    } catch {
      return `${r.method} ${r.routeUrl} ${r.status} body is not JSON`;
    }
    if (validate(body)) return null;
    return `${r.method} ${r.routeUrl} ${r.status} body does not match the document: ${ajv.errorsText(validate.errors)} — body ${r.body.slice(0, 400)}`;
  };
}

/**
 * Records every answer of `app` that its own document does not describe. Added by the harness to
 * every gateway it builds (before the first request), so all gateway integration tests check it.
 */
export function watchResponses(app: FastifyInstance, violations: ResponseViolation[]): { checked: number } {
  const stats = { checked: 0 };
  let check: ((r: SentResponse) => string | null) | undefined;
  app.addHook("onSend", async (req, reply, payload) => {
    const routeUrl = req.routeOptions.url;
    // Unmatched URLs (the not-found handler) and HEAD answers belong to no documented operation.
    if (!routeUrl || req.method === "HEAD") return payload;
    check ??= responseChecker(openApiDocument(app));
    const body = typeof payload === "string" ? payload : Buffer.isBuffer(payload) ? payload.toString("utf8") : payload == null ? "" : undefined;
    const ct = reply.getHeader("content-type");
    const what = check({ method: req.method, routeUrl, status: reply.statusCode, contentType: typeof ct === "string" ? ct : undefined, body });
    stats.checked++;
    if (what) violations.push({ requestId: String(req.id), what });
    return payload;
  });
  return stats;
}
