import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { apiKeySchema, apiKeyWithSecretSchema, createChildApiKeyBodySchema, DENY_BY_DEFAULT_SCOPES, emptyBodySchema, expandScopes, newId, pageSchema, type RateTier } from "@layers/contracts";
import { hashApiKey, mintApiKeySecret } from "@layers/runtime";
import type { RouteContext } from "../../context.ts";
import { ApiError, notFound } from "../../errors.ts";
import { pageQuery, parseBody, parseQuery, PREFIXED_ID_RE } from "../../http/parse.ts";
import { principalOf } from "../../plugins/auth.ts";
import { findOrgKey, insertApiKey, listOrgKeys, revokeKey, rotateKeySecret, rowToApiKey } from "../../repositories/api-keys.repository.ts";
import { toPage } from "../../repositories/pagination.ts";
import { assertNotArchived, childOrgFor, CONTROL_PLANE_AUTH } from "./child-org-for.ts";
import { routeDoc } from "../../openapi/route-doc.ts";

const KEY_ID_RE = PREFIXED_ID_RE("key");

/** Tiers a parent may hand down, lowest first; `internal` (ops keys) never is. */
const DELEGABLE_TIERS: readonly RateTier[] = ["standard", "scale", "enterprise"];

/**
 * Why a child key may not hold these scopes, or null. `org:admin` is never delegable; every other
 * scope, with wildcards expanded on both sides, must be one the minting parent key holds.
 */
export function childScopeRefusal(requested: readonly string[], parentScopes: readonly string[]): { code: "VALIDATION" | "INSUFFICIENT_SCOPE"; detail: string } | null {
  const denied = requested.filter((s) => (DENY_BY_DEFAULT_SCOPES as readonly string[]).includes(s));
  if (denied.length > 0) return { code: "VALIDATION", detail: `${denied.join(", ")} is never delegable to a child organization` };
  const parent = expandScopes(parentScopes);
  const missing = [...expandScopes(requested)].filter((s) => !parent.has(s));
  if (missing.length > 0) return { code: "INSUFFICIENT_SCOPE", detail: `a child key's scopes must be a subset of this key's; it lacks ${missing.join(", ")}` };
  return null;
}

/** The tier for a child key: the parent key's by default, never above it, never `internal`. */
export function childTier(requested: RateTier | undefined, parentTier: string): RateTier | null {
  const ceiling = parentTier === "internal" ? DELEGABLE_TIERS.length - 1 : DELEGABLE_TIERS.indexOf(parentTier as RateTier);
  if (requested === undefined) return DELEGABLE_TIERS[Math.max(ceiling, 0)]!;
  const i = DELEGABLE_TIERS.indexOf(requested);
  return i >= 0 && i <= ceiling ? requested : null;
}

function mintingKey(req: FastifyRequest) {
  const p = principalOf(req);
  if (p.kind !== "api_key") throw new ApiError("INSUFFICIENT_SCOPE", "customer tokens cannot manage API keys");
  return p;
}

/** Child API keys: mint, list, rotate (with a grace window for the old secret), revoke. */
export function registerChildApiKeyRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.post<{ Params: { orgId: string } }>(
    "/v1/organizations/:orgId/api-keys",
    {
      config: {
        auth: CONTROL_PLANE_AUTH,
        idempotent: true,
        sealAnswer: true,
        doc: routeDoc({ operationId: "createApiKey", tag: "Organizations", summary: "Mint an API key for a child organization (its secret is shown once)", body: createChildApiKeyBodySchema, responses: { 201: apiKeyWithSecretSchema }, problems: [409] }),
      },
    },
    async (req, reply) => {
      const org = await childOrgFor(ctx, req, req.params.orgId);
      const body = parseBody(createChildApiKeyBodySchema, req.body);
      const parent = mintingKey(req);
      const refusal = childScopeRefusal(body.scopes, parent.scopes);
      if (refusal?.code === "VALIDATION") throw new ApiError("VALIDATION", "the request body is not valid", { errors: [{ pointer: "/scopes", detail: refusal.detail }] });
      if (refusal) throw new ApiError("INSUFFICIENT_SCOPE", refusal.detail);
      const tier = childTier(body.tier, parent.rateTier);
      if (!tier) throw new ApiError("VALIDATION", "the request body is not valid", { errors: [{ pointer: "/tier", detail: "a child key's tier cannot be above the minting key's, nor internal" }] });
      assertNotArchived(org);
      const secret = mintApiKeySecret(parent.keyEnv ?? "live");
      const row = await insertApiKey(ctx.db, {
        id: newId("apiKey"),
        organizationId: org.id,
        name: body.name,
        secretHash: hashApiKey(secret),
        last4: secret.slice(-4),
        scopes: [...body.scopes],
        rateTier: tier,
      });
      reply.code(201).header("Location", `/v1/organizations/${org.id}/api-keys/${row.id}`);
      return { ...rowToApiKey(row), secret };
    },
  );

  const listQuery = z.strictObject(pageQuery(ctx.cursors, KEY_ID_RE));
  app.get<{ Params: { orgId: string } }>("/v1/organizations/:orgId/api-keys", { config: { auth: CONTROL_PLANE_AUTH, takesQuery: true, doc: routeDoc({ operationId: "listApiKeys", tag: "Organizations", summary: "List a child organization's API keys", query: listQuery, responses: { 200: pageSchema(apiKeySchema) } }) } }, async (req) => {
    const org = await childOrgFor(ctx, req, req.params.orgId);
    const q = parseQuery(listQuery, req.query);
    return toPage(ctx.cursors, await listOrgKeys(ctx.db, org.id, q), q.limit, rowToApiKey);
  });

  app.post<{ Params: { orgId: string; keyId: string } }>(
    "/v1/organizations/:orgId/api-keys/:keyId/rotate",
    {
      config: {
        auth: CONTROL_PLANE_AUTH,
        idempotent: true,
        sealAnswer: true,
        doc: routeDoc({ operationId: "rotateApiKey", tag: "Organizations", summary: "Rotate an API key's secret (the old one works for a grace period)", body: emptyBodySchema, responses: { 200: apiKeyWithSecretSchema }, problems: [409] }),
      },
    },
    async (req) => {
      const org = await childOrgFor(ctx, req, req.params.orgId);
      const key = await keyOf(ctx, org.id, req.params.keyId);
      parseBody(emptyBodySchema, req.body);
      assertNotArchived(org);
      if (key.status !== "active") throw new ApiError("CONFLICT", "the API key is revoked");
      const secret = mintApiKeySecret(secretEnvOf(req));
      const row = await rotateKeySecret(ctx.db, org.id, key.id, { secretHash: hashApiKey(secret), last4: secret.slice(-4), graceMs: ctx.keyRotationGraceMs });
      if (!row) throw new ApiError("CONFLICT", "the API key was revoked meanwhile");
      ctx.keys.invalidate(key.secret_hash); // now the rotated-out secret, with its grace end
      return { ...rowToApiKey(row), secret };
    },
  );

  app.delete<{ Params: { orgId: string; keyId: string } }>(
    "/v1/organizations/:orgId/api-keys/:keyId",
    { config: { auth: CONTROL_PLANE_AUTH, doc: routeDoc({ operationId: "revokeApiKey", tag: "Organizations", summary: "Revoke an API key", responses: { 200: apiKeySchema }, problems: [409] }) } },
    async (req) => {
      const org = await childOrgFor(ctx, req, req.params.orgId);
      const key = await keyOf(ctx, org.id, req.params.keyId);
      const row = await revokeKey(ctx.db, org.id, key.id);
      if (!row) throw notFound("API key");
      ctx.keys.invalidate(row.secret_hash);
      if (key.previous_secret_hash) ctx.keys.invalidate(key.previous_secret_hash);
      return rowToApiKey(row);
    },
  );
}

function secretEnvOf(req: FastifyRequest): "live" | "test" {
  return mintingKey(req).keyEnv ?? "live";
}

async function keyOf(ctx: RouteContext, orgId: string, keyId: string) {
  if (!KEY_ID_RE.test(keyId)) throw notFound("API key");
  const key = await findOrgKey(ctx.db, orgId, keyId);
  if (!key) throw notFound("API key");
  return key;
}
