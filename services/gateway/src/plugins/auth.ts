import type { FastifyInstance, FastifyRequest } from "fastify";
import { ACTING_ORG_HEADER, idSchema, type Scope } from "@layers/contracts";
import type { Db } from "@layers/db";
import { hashApiKey, isWellFormedApiKey, looksLikeJwt, verifyCustomerToken } from "@layers/runtime";
import { ApiError, notFound } from "../errors.ts";
import { orgWriteRefusal, principalHasScope, type Principal } from "../domain/principal.ts";
import { touchKey } from "../repositories/api-keys.repository.ts";
import type { KeyCache } from "../http/key-cache.ts";
import type { OrgCache } from "../http/org-cache.ts";

/** Per-route access rule, declared in the route's `config.auth`. Routes without one only need a principal. */
export interface RouteAuth {
  /** The caller needs at least one of these scopes. */
  anyOf?: readonly Scope[];
  /** Only a customer token may call this (kill switch, policy): partner keys get CUSTOMER_ONLY whatever their scopes. */
  customerOnly?: boolean;
  /** Customer tokens are bound to one project and cannot act at org level here (e.g. create projects). */
  partnerOnly?: boolean;
  /**
   * The organization control plane: acts on the caller's own children, so it cannot be reached
   * through `X-Layers-Organization` (a parent acting inside a child is that child, which has none).
   */
  noActingOrg?: boolean;
  /**
   * The route can stop spend (the layer kill switch): a suspended or archived org may still call
   * it, and the route itself refuses whatever would not stop anything (`assertOrgMayWrite`).
   */
  stopsSpend?: boolean;
}

declare module "fastify" {
  interface FastifyContextConfig {
    /** `false` marks a public route; absent means "any authenticated principal". */
    auth?: RouteAuth | false;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export interface AuthDeps {
  db: Db;
  /** Active keys by secret hash, cached with pushed invalidation (`http/key-cache.ts`). */
  keys: KeyCache;
  /** Org parent and state by id, cached with pushed invalidation (`http/org-cache.ts`). */
  orgs: OrgCache;
  customerJwtSecret: string;
}

const CHALLENGE = { "WWW-Authenticate": 'Bearer realm="layers"' };
const unauthenticated = (detail: string) => new ApiError("UNAUTHENTICATED", detail, { headers: CHALLENGE });

/**
 * Authenticates in `onRequest`, before the body is even read: an anonymous caller learns nothing
 * about validation, and unknown routes stay 404 without credentials.
 */
export function installAuth(app: FastifyInstance, deps: AuthDeps): void {
  app.decorateRequest("principal", null);
  const touched = new Map<string, number>();
  app.addHook("onRequest", async (req) => {
    if (req.is404) return;
    const rule = req.routeOptions.config.auth;
    if (rule === false) return;
    const own = await authenticate(req, deps, touched);
    req.principal = await resolveOrg(req, deps, own, rule || {});
    authorize(req.principal, rule ?? {});
    if (!(rule && rule.stopsSpend)) assertOrgMayWrite(req.principal, req.method);
  });
}

/** Suspended orgs read but do not write; archived ones are read-only (issue 15). */
export function assertOrgMayWrite(p: Principal, method: string): void {
  const refusal = orgWriteRefusal(p.orgStatus, method);
  if (refusal === "ORG_SUSPENDED") throw new ApiError(refusal, "the organization is suspended: it can read, but not write, until it is resumed");
  if (refusal === "ORG_ARCHIVED") throw new ApiError(refusal, "the organization is archived: it is read-only");
}

const orgIdShape = idSchema("organization");
const actingHeaderRefused = (detail: string) => new ApiError("INSUFFICIENT_SCOPE", detail);

/**
 * Puts the org the request acts in on the principal: the credential's own org, or the direct
 * child named by `X-Layers-Organization`. The header is only for `org:admin` keys of a top-level
 * org; anything it names that is not this org's direct child is reported as not found, so
 * org ids cannot be probed. An archived org's own credentials stop authenticating.
 */
async function resolveOrg(req: FastifyRequest, deps: AuthDeps, p: Principal, rule: RouteAuth): Promise<Principal> {
  const own = await deps.orgs.find(p.organizationId);
  if (own?.status === "archived") throw unauthenticated("the organization of this credential is archived");
  const base: Principal = { ...p, parentOrganizationId: own?.parentId ?? null, orgStatus: own?.status ?? "active" };
  const raw = req.headers[ACTING_ORG_HEADER];
  if (raw === undefined) return base;
  if (rule.noActingOrg) throw actingHeaderRefused(`${ACTING_ORG_HEADER} cannot be sent to the organization routes: call them as the parent`);
  if (base.kind !== "api_key") throw actingHeaderRefused(`customer tokens cannot send ${ACTING_ORG_HEADER}`);
  if (base.parentOrganizationId !== null) throw actingHeaderRefused(`a child organization's key cannot send ${ACTING_ORG_HEADER}`);
  if (!principalHasScope(base, "org:admin")) throw actingHeaderRefused(`acting inside a child organization needs the scope org:admin`);
  const target = typeof raw === "string" ? raw.trim() : "";
  if (!orgIdShape.safeParse(target).success) throw notFound("organization");
  const child = await deps.orgs.find(target);
  if (!child || child.parentId !== base.organizationId) throw notFound("organization");
  return { ...base, organizationId: child.id, parentOrganizationId: base.organizationId, orgStatus: child.status, actingOrganizationId: base.organizationId };
}

/** `last_used_at` is written at most once a minute per key and process: no extra write on the hot path. */
const TOUCH_EVERY_MS = 60_000;

async function authenticate(req: FastifyRequest, deps: AuthDeps, touched: Map<string, number>): Promise<Principal> {
  const header = req.headers.authorization;
  if (!header) throw unauthenticated("send Authorization: Bearer <API key or customer token>");
  const m = /^Bearer +(\S+) *$/i.exec(header);
  if (!m) throw unauthenticated("the Authorization header must be Bearer <credential>");
  const credential = m[1]!;
  if (looksLikeJwt(credential)) {
    const v = verifyCustomerToken(credential, deps.customerJwtSecret);
    if (!v.ok) {
      req.log.debug({ why: v.why }, "customer token refused");
      throw unauthenticated("the customer token is invalid or expired");
    }
    return { kind: "customer", organizationId: v.claims.org, userId: v.claims.sub, projectId: v.claims.project.toLowerCase() };
  }
  // The offline checksum check turns typos and scanner look-alikes away before any database read.
  if (!isWellFormedApiKey(credential)) throw unauthenticated("the API key is malformed");
  const key = await deps.keys.find(hashApiKey(credential));
  if (!key) throw unauthenticated("the API key is unknown or revoked");
  // A rotated-out secret may sit in the cache past its grace window: its end is checked on every use.
  if (key.graceEndsAt !== null && key.graceEndsAt <= Date.now()) throw unauthenticated("the API key is unknown or revoked");
  const now = Date.now();
  if ((touched.get(key.id) ?? 0) < now - TOUCH_EVERY_MS) {
    touched.set(key.id, now);
    touchKey(deps.db, key.id).catch((err: unknown) => req.log.warn({ err }, "could not record key use"));
  }
  const keyEnv = credential.startsWith("lak_test_") ? "test" : "live";
  return { kind: "api_key", organizationId: key.organizationId, apiKeyId: key.id, scopes: key.scopes, rateTier: key.rateTier, keyEnv };
}

function authorize(p: Principal, rule: RouteAuth): void {
  if (rule.customerOnly && p.kind !== "customer") {
    throw new ApiError("CUSTOMER_ONLY", "only the customer can do this; partner keys never can, whatever their scopes");
  }
  if (rule.partnerOnly && p.kind === "customer") {
    throw new ApiError("INSUFFICIENT_SCOPE", "customer tokens are bound to one project and cannot do this");
  }
  if (rule.anyOf && rule.anyOf.length > 0 && !rule.anyOf.some((s) => principalHasScope(p, s))) {
    const needed = rule.anyOf.length === 1 ? `the scope ${rule.anyOf[0]}` : `one of the scopes ${rule.anyOf.join(", ")}`;
    throw new ApiError("INSUFFICIENT_SCOPE", `this API key lacks ${needed}`);
  }
}

/** The authenticated caller of a route that requires one (every route but public ones). */
export function principalOf(req: FastifyRequest): Principal {
  if (!req.principal) throw unauthenticated("authentication required");
  return req.principal;
}
