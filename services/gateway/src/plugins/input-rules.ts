import type { FastifyInstance, FastifyRequest, HTTPMethods } from "fastify";
import { pathParamSchemas, unsafeTextReason, type PathParamKind } from "@layers/contracts";
import { ApiError } from "../errors.ts";
import { toPointer } from "../domain/json-pointer.ts";
import { pathParamNotFoundDetail } from "../domain/path-param-hint.ts";

/** One registered route and the shape of each of its path parameters. */
export interface RouteEntry {
  method: string;
  url: string;
  params: Record<string, PathParamKind>;
}

declare module "fastify" {
  interface FastifyInstance {
    /** Every route as registered (method, url, path parameter shapes): the fuzz test walks it. */
    routeTable: RouteEntry[];
  }
  interface FastifyContextConfig {
    /** Filled in at registration from the URL: the shape each path parameter must have. */
    pathParams?: Record<string, PathParamKind>;
    /** The route reads query parameters (the lists); every other route refuses any, like unknown body fields. */
    takesQuery?: boolean;
  }
}

const LABEL: Record<PathParamKind, string> = {
  projectId: "project",
  platform: "platform",
  campaignId: "campaign",
  adSetId: "ad set",
  adGroupId: "ad group",
  adId: "ad",
  keywordId: "keyword",
  pendingActionId: "pending action",
  jobId: "job",
  endpointId: "webhook endpoint",
  deliveryId: "delivery",
  orgId: "organization",
  keyId: "API key",
  adAccountId: "ad account",
  runId: "optimizer run",
  creativeId: "creative",
};

/** `:id` names the entity of the segment before it (`…/adsets/:id` is an ad set). */
const ID_AFTER: Record<string, PathParamKind> = { adsets: "adSetId", adgroups: "adGroupId", ads: "adId", "ad-accounts": "adAccountId", "ads-content": "creativeId" };

/**
 * The shape of each path parameter of a route URL. A parameter without a known shape is a bug in
 * the route table, refused when the route is registered (so no raw path value can reach SQL).
 */
export function pathParamKinds(url: string): Record<string, PathParamKind> {
  const out: Record<string, PathParamKind> = {};
  const segments = url.split("/");
  segments.forEach((seg, i) => {
    if (!seg.startsWith(":")) return;
    const name = seg.slice(1);
    const kind = name === "id" ? ID_AFTER[segments[i - 1] ?? ""] : name in pathParamSchemas ? (name as PathParamKind) : undefined;
    if (!kind) throw new Error(`route ${url}: path parameter :${name} has no shape in pathParamSchemas`);
    out[name] = kind;
  });
  return out;
}

/**
 * Request headers the API acts on, whose values must be visible ASCII. (`X-Request-Id` and
 * `traceparent` are not refused: an unusable value is replaced by a fresh one, as documented.)
 */
const READ_HEADERS = ["authorization", "idempotency-key", "content-type"];

/**
 * The input rules outside the body (json-body checks bodies), applied to every route before its
 * body is even read:
 * - every path parameter has its shape (uuid, `meta|tiktok|apple`, a prefixed id) or the answer
 *   is 404 for that resource — the same as an id that does not exist — whose detail says what the
 *   shape is (the platforms, the id prefix; "use the Layers id" for a platform's own id);
 * - every query parameter name and value is acceptable text (`unsafeTextReason`) → else 422 with
 *   pointer `/<parameter>`; a route that reads no query (all but the lists) refuses any parameter
 *   as unknown, as bodies refuse unknown fields;
 * - the headers the API reads are acceptable text → else 400 naming the header.
 * Runs in `preParsing`, after authentication, so an anonymous caller still learns nothing.
 */
export function installInputRules(app: FastifyInstance): void {
  app.decorate("routeTable", [] as RouteEntry[]);
  app.addHook("onRoute", (route) => {
    const params = pathParamKinds(route.url ?? route.path);
    route.config = { ...(route.config ?? {}), pathParams: params };
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const m of methods as HTTPMethods[]) app.routeTable.push({ method: m, url: route.url ?? route.path, params });
  });
  app.addHook("preParsing", async (req, _reply, payload) => {
    checkPathParams(req);
    checkQuery(req);
    checkHeaders(req);
    return payload;
  });
}

function checkPathParams(req: FastifyRequest): void {
  const kinds = req.routeOptions.config.pathParams;
  if (!kinds) return;
  const params = req.params as Record<string, string | undefined>;
  for (const [name, kind] of Object.entries(kinds)) {
    if (!pathParamSchemas[kind].safeParse(params[name]).success) throw new ApiError("NOT_FOUND", pathParamNotFoundDetail(kind, LABEL[kind], params[name]));
  }
}

function checkQuery(req: FastifyRequest): void {
  const errors: Array<{ pointer: string; detail: string }> = [];
  for (const [name, value] of Object.entries((req.query ?? {}) as Record<string, unknown>)) {
    const nameWhy = unsafeTextReason(name);
    if (nameWhy) {
      errors.push({ pointer: "", detail: `a query parameter name ${nameWhy}` });
      continue;
    }
    for (const v of Array.isArray(value) ? value : [value]) {
      const why = typeof v === "string" ? unsafeTextReason(v) : null;
      if (why) errors.push({ pointer: toPointer([name]), detail: why });
    }
  }
  if (errors.length > 0) throw new ApiError("VALIDATION", "a query parameter holds text the API does not accept", { errors: errors.slice(0, 20) });
  if (!req.routeOptions.config.takesQuery) {
    const names = Object.keys((req.query ?? {}) as Record<string, unknown>);
    if (names.length > 0) {
      throw new ApiError("VALIDATION", "this route takes no query parameters", { errors: names.slice(0, 20).map((n) => ({ pointer: toPointer([n]), detail: "unknown query parameter" })) });
    }
  }
}

function checkHeaders(req: FastifyRequest): void {
  for (const name of READ_HEADERS) {
    const v = req.headers[name];
    for (const value of Array.isArray(v) ? v : v === undefined ? [] : [v]) {
      // Node already refuses NUL, CR and LF in header values; bytes above 0x7e arrive as Latin-1 and are refused here.
      if (unsafeTextReason(value) !== null || /[^\x09\x20-\x7e]/.test(value)) {
        throw new ApiError("VALIDATION", `the ${name} header holds characters the API does not accept (visible ASCII only)`, { status: 400 });
      }
    }
  }
}
