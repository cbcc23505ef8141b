import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Scope } from "@layers/contracts";
import type { Db } from "@layers/db";
import { hashApiKey, isWellFormedApiKey, looksLikeJwt, verifyCustomerToken } from "@layers/runtime";
import { ApiError } from "../errors.ts";
import { principalHasScope, type Principal } from "../domain/principal.ts";
import { touchKey } from "../repositories/api-keys.repository.ts";
import type { KeyCache } from "../http/key-cache.ts";

/** Per-route access rule, declared in the route's `config.auth`. Routes without one only need a principal. */
export interface RouteAuth {
  /** The caller needs at least one of these scopes. */
  anyOf?: readonly Scope[];
  /** Only a customer token may call this (kill switch, policy): partner keys get CUSTOMER_ONLY whatever their scopes. */
  customerOnly?: boolean;
  /** Customer tokens are bound to one project and cannot act at org level here (e.g. create projects). */
  partnerOnly?: boolean;
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
    req.principal = await authenticate(req, deps, touched);
    authorize(req.principal, rule ?? {});
  });
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
  const now = Date.now();
  if ((touched.get(key.id) ?? 0) < now - TOUCH_EVERY_MS) {
    touched.set(key.id, now);
    touchKey(deps.db, key.id).catch((err: unknown) => req.log.warn({ err }, "could not record key use"));
  }
  return { kind: "api_key", organizationId: key.organizationId, apiKeyId: key.id, scopes: key.scopes, rateTier: key.rateTier };
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
