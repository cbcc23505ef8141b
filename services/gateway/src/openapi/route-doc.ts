import type { z } from "zod";

/**
 * What a route declares about itself for the OpenAPI document (`GET /openapi.json`). Every route
 * passes one at registration, next to its other config:
 *
 *   const QUERY = z.strictObject({ status: pendingStatusSchema.optional() });
 *   app.get("/v1/…/pending", {
 *     config: {
 *       auth: { anyOf: ["ads:read"] },
 *       takesQuery: true,
 *       doc: routeDoc({
 *         operationId: "listPendingActions",
 *         tag: "Approvals",
 *         summary: "List pending actions",
 *         query: QUERY,                          // the handler parses with this same object
 *         responses: { 200: pageSchema(pendingActionSchema) },
 *         problems: [409],                       // statuses beyond the ones derived below
 *       }),
 *     },
 *   }, async (req) => parseQuery(QUERY, req.query) …);
 *
 * The rest is derived from the route, so it cannot drift from what the gateway does:
 * - path parameters: their shapes in contracts `pathParamSchemas` (the input rules check those);
 * - security and scopes: `config.auth` (`false` = public; `customerOnly` = customer JWT only;
 *   `partnerOnly` = API key only; otherwise either), scopes from `auth.anyOf`;
 * - `Idempotency-Key`: `config.idempotent`;
 * - RateLimit headers: every authenticated route is counted;
 * - problem answers every route of that kind can give: 400 (a header the API reads holds bad
 *   bytes), 404 (path ids), 422 (query / body), 500 (an internal error, never with details), 401 / 403 / 429 / 503 when
 *   authenticated, 409 `IDEMPOTENCY_CONFLICT` when idempotent, 413 / 415 for POST / PATCH / PUT / DELETE.
 * A route registered without `doc` fails the "every route is documented" test, so CI catches it.
 */
export interface RouteDoc {
  /** Unique, camelCase: becomes the typed client's method name. */
  operationId: string;
  /** The area (one tag per operation), e.g. "Campaigns". */
  tag: Tag;
  summary: string;
  description?: string;
  /** The query schema the handler parses with (`parseQuery`). */
  query?: z.ZodType;
  /** The body schema the handler parses with (`parseBody`). */
  body?: z.ZodType;
  /** Default `application/json` (the Apple connect form posts `application/x-www-form-urlencoded`). */
  bodyContentType?: string;
  /** Named request examples shown in the reference (the main writes have them). */
  examples?: Record<string, { summary?: string; value: unknown }>;
  /**
   * Every success status → its body schema (`null` = no body, e.g. 204). A problem status listed
   * here with a schema overrides the derived problem answer.
   */
  responses: Partial<Record<number, z.ZodType | null | ResponseDoc>>;
  /** Problem statuses this route answers besides the derived ones (e.g. 409 CONFLICT, 403 for a scope-free route). */
  problems?: readonly number[];
}

export interface ResponseDoc {
  schema: z.ZodType | null;
  description?: string;
  /** Default `application/json`; e.g. `text/html` for a page. */
  contentType?: string;
  /** Response headers beyond the derived ones (`Location`, …). */
  headers?: readonly string[];
}

export const TAGS = [
  "Health",
  "Identity",
  "Organizations",
  "Projects",
  "Ad accounts",
  "Campaigns",
  "Ad sets, ad groups, ads, keywords",
  "Authority",
  "Policy",
  "Approvals",
  "Jobs",
  "Audit log",
  "Webhooks",
  "Optimizer",
  "Reference",
] as const;
export type Tag = (typeof TAGS)[number];

declare module "fastify" {
  interface FastifyContextConfig {
    /** The route's OpenAPI declaration (see `openapi/route-doc.ts`). */
    doc?: RouteDoc;
  }
}

/** Identity with a type: keeps a declaration checked where it is written. */
export function routeDoc(doc: RouteDoc): RouteDoc {
  return doc;
}

/** `adset` → `AdSet`: entity kinds in operation ids (`pauseAdSet`, `listAdGroupKeywords`). */
export const KIND_NAME = { campaign: "Campaign", adset: "AdSet", adgroup: "AdGroup", ad: "Ad", keyword: "Keyword" } as const;
