import { createHash, createPublicKey, randomUUID, verify } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppleStore } from "../apple/apple-store.ts";
import { newAccessToken } from "../ids.ts";
import type { MetaStore } from "../meta/meta-store.ts";
import type { TiktokStore } from "../tiktok/tiktok-store.ts";
import { TT_CODE, errorEnvelope, newResponseRequestId, okEnvelope } from "../tiktok/envelope.ts";
import { consentPage } from "./consent-page.ts";
import { OauthStore, type IssuedGrant, type OauthPlatform, type SandboxUser } from "./oauth-store.ts";

export interface OauthDeps {
  store: OauthStore;
  meta: MetaStore;
  tiktok: TiktokStore;
  apple: AppleStore;
  /** Called after every change worth keeping (the state file's writer hooks in here). */
  onMutation?: () => void;
  now?: () => Date;
}

/** After a restart from the state file: the platform surfaces accept the grant tokens again. */
export function restoreGrantTokens(deps: OauthDeps): void {
  for (const g of deps.store.grants.values()) {
    if (g.revoked) continue;
    if (g.platform === "meta") deps.meta.grantToken(g.accessToken, g.accountIds);
    if (g.platform === "tiktok") deps.tiktok.grantToken(g.accessToken, g.accountIds);
  }
}

const CODE_TTL_MS = 10 * 60_000;
const PENDING_TTL_MS = 30 * 60_000;
const META_SHORT_TTL_S = 2 * 3600;
const META_LONG_TTL_S = 60 * 24 * 3600;
const APPLE_TOKEN_TTL_S = 3600;

/**
 * The platforms' connect surfaces (issue 9 §4): Meta's login dialog, code and long-lived token
 * exchanges, `debug_token`, `me/adaccounts` and `me/permissions`; TikTok's portal auth page,
 * `oauth2/access_token`, `oauth2/advertiser/get`, `advertiser/info` and `oauth2/revoke_token`;
 * Apple's client-credentials token endpoint (ES256 client assertion checked against the registered
 * public key) and `acls`; plus `POST /_sandbox/apple/api-users` and `GET /_sandbox/oauth/grants`.
 * Consent pages keep a sign-in session in a cookie: a new browser is a new user owning one fresh
 * account with two campaigns made outside Layers; the same browser is offered its accounts again.
 */
export function registerOauthRoutes(app: FastifyInstance, deps: OauthDeps): void {
  const now = () => (deps.now ?? (() => new Date()))();
  const { store } = deps;
  const changed = () => deps.onMutation?.();

  app.register(async (scope) => {
    scope.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_req, body, done) => {
      const params = new URLSearchParams(typeof body === "string" ? body : body.toString("utf8"));
      const out: Record<string, string | string[]> = {};
      for (const [k, v] of params) {
        const prior = out[k];
        out[k] = prior === undefined ? v : Array.isArray(prior) ? [...prior, v] : [prior, v];
      }
      done(null, out);
    });

    // ---- consent pages (Meta dialog, TikTok portal) ----
    const showConsent = async (platform: "meta" | "tiktok", req: FastifyRequest, reply: FastifyReply, q: Record<string, string | undefined>) => {
      const clientId = platform === "meta" ? q.client_id : q.app_id;
      const redirectUri = q.redirect_uri;
      if (!clientId || !redirectUri || !/^https?:\/\//.test(redirectUri)) {
        return reply.code(400).type("text/html").send("<h1>Invalid request</h1><p>client_id (app_id) and an absolute redirect_uri are required.</p>");
      }
      const user = await sessionUser(app, store, platform, req, reply);
      changed();
      const pendingId = OauthStore.newSecret(16);
      store.pending.set(pendingId, {
        id: pendingId,
        platform,
        userId: user.id,
        clientId,
        redirectUri,
        state: q.state,
        codeChallenge: q.code_challenge_method === undefined || q.code_challenge_method === "S256" ? q.code_challenge : undefined,
        expiresAt: now().getTime() + PENDING_TTL_MS,
      });
      const accounts = user.accountIds.map((id) => accountSummary(deps, platform, id));
      return reply.type("text/html; charset=utf-8").header("cache-control", "no-store").send(consentPage({ platform, pendingId, appId: clientId, accounts }));
    };
    scope.get<{ Params: { version: string }; Querystring: Record<string, string | undefined> }>("/:version/dialog/oauth", async (req, reply) =>
      showConsent("meta", req, reply, req.query),
    );
    scope.get<{ Querystring: Record<string, string | undefined> }>("/portal/auth", async (req, reply) => showConsent("tiktok", req, reply, req.query));

    scope.post<{ Body: Record<string, string | string[]> | undefined }>("/_sandbox/oauth/consent", async (req, reply) => {
      const body = req.body ?? {};
      const pending = typeof body.pending === "string" ? store.pending.get(body.pending) : undefined;
      if (!pending || pending.expiresAt < now().getTime()) return reply.code(400).type("text/html").send("<h1>This request has expired</h1>");
      const user = store.users.get(pending.userId);
      // The form belongs to the browser that was shown it.
      if (!user || sessionUserId(store, pending.platform, req) !== user.id) return reply.code(403).type("text/html").send("<h1>Session mismatch</h1>");
      store.pending.delete(pending.id);
      const back = new URL(pending.redirectUri);
      if (pending.state !== undefined) back.searchParams.set("state", pending.state);
      if (body.decision !== "allow") {
        back.searchParams.set("error", "access_denied");
        back.searchParams.set("error_reason", "user_denied");
        back.searchParams.set("error_description", "Permissions error");
        return reply.redirect(back.toString(), 302);
      }
      const chosen = (Array.isArray(body.account) ? body.account : body.account === undefined ? [] : [body.account]).filter((id) => user.accountIds.includes(id));
      const code = OauthStore.newSecret(32);
      store.codes.set(code, {
        code,
        platform: pending.platform,
        clientId: pending.clientId,
        redirectUri: pending.redirectUri,
        codeChallenge: pending.codeChallenge,
        accountIds: chosen,
        userId: user.id,
        expiresAt: now().getTime() + CODE_TTL_MS,
        used: false,
      });
      if (pending.platform === "meta") back.searchParams.set("code", code);
      else {
        back.searchParams.set("auth_code", code);
        back.searchParams.set("code", code);
      }
      return reply.redirect(back.toString(), 302);
    });

    // ---- Apple: the token endpoint takes a form ----
    scope.post<{ Body: Record<string, string | string[]> | undefined }>("/auth/oauth2/token", async (req, reply) => {
      const f = req.body ?? {};
      const str = (k: string) => (typeof f[k] === "string" ? (f[k] as string) : undefined);
      if (str("grant_type") !== "client_credentials") return reply.code(400).send({ error: "unsupported_grant_type" });
      if (str("scope") !== "searchadsorg") return reply.code(400).send({ error: "invalid_scope" });
      const user = store.appleUsers.get(str("client_id") ?? "");
      const secret = str("client_secret");
      if (!user || !secret || !verifyClientSecret(secret, user, now())) return reply.code(401).send({ error: "invalid_client" });
      const org = deps.apple.org(user.orgIds[0]!);
      if (!org) return reply.code(401).send({ error: "invalid_client" });
      // The Apple surface knows one token per org; a minted token is that org's token.
      issue(store, { platform: "apple", accessToken: org.accessToken, kind: "client_credentials", accountIds: user.orgIds.map(String), userId: user.clientId, clientId: user.clientId }, now(), APPLE_TOKEN_TTL_S);
      changed();
      return { access_token: org.accessToken, token_type: "Bearer", expires_in: APPLE_TOKEN_TTL_S, scope: "searchadsorg" };
    });
  });

  // ---- Meta Graph OAuth calls ----
  app.get<{ Params: { version: string }; Querystring: Record<string, string | undefined> }>("/:version/oauth/access_token", async (req, reply) => {
    const q = req.query;
    if (!q.client_id || !q.client_secret) return graphError(reply, 101, "Error validating application. Invalid application ID or secret.");
    if (q.grant_type === "fb_exchange_token") {
      const short = q.fb_exchange_token ? store.grants.get(q.fb_exchange_token) : undefined;
      if (!short || short.platform !== "meta" || short.revoked || expired(short, now())) return graphError(reply, 190, "Error validating access token: The session has been invalidated or has expired.", 190);
      const g = issue(store, { platform: "meta", accessToken: newAccessToken(), kind: "long_lived", accountIds: short.accountIds, userId: short.userId, clientId: q.client_id }, now(), META_LONG_TTL_S);
      deps.meta.grantToken(g.accessToken, g.accountIds);
      changed();
      return { access_token: g.accessToken, token_type: "bearer", expires_in: META_LONG_TTL_S };
    }
    const code = q.code ? store.codes.get(q.code) : undefined;
    if (!code || code.platform !== "meta" || code.used || code.expiresAt < now().getTime()) {
      return graphError(reply, 100, "This authorization code has expired or has been used.", 36009);
    }
    if (code.clientId !== q.client_id || code.redirectUri !== q.redirect_uri) {
      return graphError(reply, 100, "Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request", 36008);
    }
    if (code.codeChallenge !== undefined && createHash("sha256").update(q.code_verifier ?? "").digest("base64url") !== code.codeChallenge) {
      return graphError(reply, 100, "Invalid code verifier.", 36008);
    }
    code.used = true;
    const g = issue(store, { platform: "meta", accessToken: newAccessToken(), kind: "short_lived", accountIds: code.accountIds, userId: code.userId, clientId: code.clientId }, now(), META_SHORT_TTL_S);
    deps.meta.grantToken(g.accessToken, g.accountIds);
    changed();
    return { access_token: g.accessToken, token_type: "bearer", expires_in: META_SHORT_TTL_S };
  });

  app.get<{ Params: { version: string }; Querystring: Record<string, string | undefined> }>("/:version/debug_token", async (req, reply) => {
    const g = req.query.input_token ? store.grants.get(req.query.input_token) : undefined;
    if (!g || g.platform !== "meta") return { data: { is_valid: false, error: { code: 190, message: "Invalid OAuth access token." } } };
    void reply;
    return {
      data: {
        app_id: g.clientId,
        type: "USER",
        application: "Layers (sandbox)",
        user_id: g.userId,
        is_valid: !g.revoked && !expired(g, now()),
        issued_at: Math.floor(Date.parse(g.issuedAt) / 1000),
        expires_at: g.expiresAt === null ? 0 : Math.floor(Date.parse(g.expiresAt) / 1000),
        data_access_expires_at: Math.floor(now().getTime() / 1000) + 90 * 24 * 3600,
        scopes: ["ads_management", "ads_read", "business_management"],
      },
    };
  });

  app.get<{ Params: { version: string }; Querystring: Record<string, string | undefined> }>("/:version/me/adaccounts", async (req, reply) => {
    const g = metaGrantOf(store, req);
    if (!g) return graphError(reply, 190, "Invalid OAuth access token - Cannot parse access token", 190);
    const data = g.accountIds.map((id) => {
      const a = deps.meta.account(id);
      return { id: `act_${id}`, account_id: id, name: a?.name ?? id, currency: a?.currency ?? "USD", account_status: 1, timezone_name: "America/Los_Angeles" };
    });
    return { data, paging: { cursors: { before: "MAZDZD", after: "MAZDZD" } } };
  });

  app.delete<{ Params: { version: string } }>("/:version/me/permissions", async (req, reply) => {
    const g = metaGrantOf(store, req);
    if (!g) return graphError(reply, 190, "Invalid OAuth access token - Cannot parse access token", 190);
    // Removing the app revokes every token the user gave it.
    for (const other of store.grants.values()) {
      if (other.platform === "meta" && other.userId === g.userId && other.clientId === g.clientId) {
        other.revoked = true;
        deps.meta.revokeToken(other.accessToken);
      }
    }
    changed();
    return { success: true };
  });

  // ---- TikTok OAuth calls ----
  const tt = "/open_api/v1.3";
  app.post<{ Body: Record<string, unknown> | undefined }>(`${tt}/oauth2/access_token/`, async (req) => {
    const rid = newResponseRequestId(now());
    const b = req.body ?? {};
    if (typeof b.app_id !== "string" || typeof b.secret !== "string" || b.secret === "") return errorEnvelope(TT_CODE.INVALID_PARAM, "app_id and secret are required.", rid);
    const code = typeof b.auth_code === "string" ? store.codes.get(b.auth_code) : undefined;
    if (!code || code.platform !== "tiktok" || code.used || code.expiresAt < now().getTime() || code.clientId !== b.app_id) {
      return { code: 40110, message: "auth_code is invalid or has expired.", request_id: rid, data: {} };
    }
    code.used = true;
    const g = issue(store, { platform: "tiktok", accessToken: newAccessToken().replace(/^EAAS/, ""), kind: "advertiser", accountIds: code.accountIds, userId: code.userId, clientId: code.clientId }, now(), null);
    deps.tiktok.grantToken(g.accessToken, g.accountIds);
    changed();
    return okEnvelope({ access_token: g.accessToken, advertiser_ids: g.accountIds, scope: [4, 5, 6, 7], token_type: "Bearer" }, rid);
  });

  app.get<{ Querystring: Record<string, string | undefined> }>(`${tt}/oauth2/advertiser/get/`, async (req) => {
    const rid = newResponseRequestId(now());
    const g = tiktokGrantOf(store, req);
    if (!g) return errorEnvelope(TT_CODE.TOKEN, "Access token is incorrect or has been revoked.", rid);
    if (!req.query.app_id || !req.query.secret) return errorEnvelope(TT_CODE.INVALID_PARAM, "app_id and secret are required.", rid);
    return okEnvelope({ list: g.accountIds.map((id) => ({ advertiser_id: id, advertiser_name: deps.tiktok.advertiser(id)?.name ?? id })) }, rid);
  });

  app.get<{ Querystring: Record<string, string | undefined> }>(`${tt}/advertiser/info/`, async (req) => {
    const rid = newResponseRequestId(now());
    const token = header(req, "access-token");
    let ids: string[];
    try {
      ids = (JSON.parse(req.query.advertiser_ids ?? "[]") as unknown[]).map(String);
    } catch {
      return errorEnvelope(TT_CODE.INVALID_PARAM, "advertiser_ids: must be a JSON array", rid);
    }
    const list = [];
    for (const id of ids) {
      const a = token === undefined ? undefined : deps.tiktok.advertiserByToken(token, id);
      if (!a || a.id !== id) return errorEnvelope(TT_CODE.PERMISSION, `Permission error: the access token has no permission for advertiser ${id}.`, rid);
      list.push({ advertiser_id: a.id, name: a.name, currency: a.currency, timezone: "Etc/GMT", status: "STATUS_ENABLE", role: "ROLE_ADVERTISER" });
    }
    return okEnvelope({ list }, rid);
  });

  app.post<{ Body: Record<string, unknown> | undefined }>(`${tt}/oauth2/revoke_token/`, async (req) => {
    const rid = newResponseRequestId(now());
    const b = req.body ?? {};
    const g = typeof b.access_token === "string" ? store.grants.get(b.access_token) : undefined;
    if (!g || g.platform !== "tiktok" || g.revoked) return errorEnvelope(TT_CODE.TOKEN, "Access token is incorrect or has been revoked.", rid);
    if (b.app_id !== g.clientId || typeof b.secret !== "string" || b.secret === "") return errorEnvelope(TT_CODE.INVALID_PARAM, "app_id and secret do not match the token.", rid);
    g.revoked = true;
    deps.tiktok.revokeToken(g.accessToken);
    changed();
    return okEnvelope({ app_id: g.clientId, advertiser_ids: g.accountIds }, rid);
  });

  // ---- Apple ACLs ----
  app.get("/api/v5/acls", async (req, reply) => {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(header(req, "authorization") ?? "")?.[1];
    const org = token === undefined ? undefined : deps.apple.orgByToken(token);
    if (!org) return reply.code(401).send({ data: null, pagination: null, error: { errors: [{ messageCode: "UNAUTHORIZED", message: "token is invalid or expired", field: "" }] } });
    const users = [...store.appleUsers.values()].filter((u) => u.orgIds.includes(org.orgId));
    const orgIds = users.length > 0 ? [...new Set(users.flatMap((u) => u.orgIds))] : [org.orgId];
    const data = orgIds
      .map((id) => deps.apple.org(id))
      .filter((o) => o !== undefined)
      .map((o) => ({ orgId: o.orgId, orgName: o.name, displayName: o.name, currency: o.currency, timeZone: "America/Los_Angeles", paymentModel: "PAYG", roleNames: ["API Account Manager"], parentOrgId: null }));
    return { data, pagination: null, error: null };
  });

  // ---- control API ----
  const apiUserBody = z.strictObject({ publicKey: z.string().min(1), orgId: z.number().int().positive().optional() });
  app.post("/_sandbox/apple/api-users", async (req, reply) => {
    const r = apiUserBody.safeParse(req.body ?? {});
    if (!r.success) return reply.code(400).send({ error: { message: "invalid request", issues: r.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) } });
    let publicKeyPem: string;
    try {
      const key = createPublicKey(r.data.publicKey);
      if (key.asymmetricKeyType !== "ec" || key.asymmetricKeyDetails?.namedCurve !== "prime256v1") throw new Error("not P-256");
      publicKeyPem = key.export({ type: "spki", format: "pem" }).toString();
    } catch {
      return reply.code(400).send({ error: { message: "publicKey must be a PEM EC public key on P-256 (prime256v1)" } });
    }
    let orgId = r.data.orgId;
    if (orgId !== undefined && deps.apple.org(orgId) === undefined) return reply.code(404).send({ error: { message: `unknown Apple org ${orgId}` } });
    orgId ??= (await freshAccount(app, "apple", `Sandbox Apple org ${randomUUID().slice(0, 6)}`)).id as unknown as number;
    const user = { clientId: `SEARCHADS.${randomUUID()}`, teamId: `SEARCHADS.${randomUUID()}`, keyId: randomUUID(), publicKeyPem, orgIds: [Number(orgId)] };
    store.appleUsers.set(user.clientId, user);
    changed();
    return reply.code(201).send({ clientId: user.clientId, teamId: user.teamId, keyId: user.keyId, orgId: Number(orgId) });
  });

  const grantsQuery = z.object({ platform: z.enum(["meta", "tiktok", "apple"]).optional() });
  app.get("/_sandbox/oauth/grants", async (req, reply) => {
    const q = grantsQuery.safeParse(req.query);
    if (!q.success) return reply.code(400).send({ error: { message: "platform must be meta, tiktok or apple" } });
    return {
      data: store.grantList(q.data.platform).map((g) => ({
        platform: g.platform,
        accountId: g.accountIds[0] ?? null,
        accountIds: g.accountIds,
        accessToken: g.accessToken,
        kind: g.kind,
        userId: g.userId,
        issuedAt: g.issuedAt,
        expiresAt: g.expiresAt,
        revoked: g.revoked,
      })),
    };
  });
}

function header(req: FastifyRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function expired(g: IssuedGrant, now: Date): boolean {
  return g.expiresAt !== null && Date.parse(g.expiresAt) <= now.getTime();
}

function issue(store: OauthStore, g: Omit<IssuedGrant, "issuedAt" | "expiresAt" | "revoked">, now: Date, ttlSeconds: number | null): IssuedGrant {
  const full: IssuedGrant = { ...g, issuedAt: now.toISOString(), expiresAt: ttlSeconds === null ? null : new Date(now.getTime() + ttlSeconds * 1000).toISOString(), revoked: false };
  store.grants.set(full.accessToken, full);
  return full;
}

function metaGrantOf(store: OauthStore, req: FastifyRequest): IssuedGrant | undefined {
  const q = req.query as Record<string, string | undefined>;
  const token = q.access_token ?? /^(?:Bearer|OAuth)\s+(\S+)\s*$/i.exec(header(req, "authorization") ?? "")?.[1];
  const g = token === undefined ? undefined : store.grants.get(token);
  return g && g.platform === "meta" && !g.revoked && !expired(g, new Date()) ? g : undefined;
}

function tiktokGrantOf(store: OauthStore, req: FastifyRequest): IssuedGrant | undefined {
  const token = header(req, "access-token");
  const g = token === undefined ? undefined : store.grants.get(token);
  return g && g.platform === "tiktok" && !g.revoked ? g : undefined;
}

function graphError(reply: FastifyReply, code: number, message: string, subcode?: number): FastifyReply {
  return reply.code(400).send({ error: { message, type: "OAuthException", code, ...(subcode !== undefined ? { error_subcode: subcode } : {}), fbtrace_id: OauthStore.newSecret(8) } });
}

function accountSummary(deps: OauthDeps, platform: "meta" | "tiktok", id: string): { id: string; label: string; name: string; currency: string } {
  const a = platform === "meta" ? deps.meta.account(id) : deps.tiktok.advertiser(id);
  return { id, label: platform === "meta" ? `act_${id}` : id, name: a?.name ?? id, currency: a?.currency ?? "USD" };
}

const COOKIE = { meta: "sb_meta_session", tiktok: "sb_tiktok_session" } as const;

function sessionUserId(store: OauthStore, platform: "meta" | "tiktok", req: FastifyRequest): string | undefined {
  const cookie = header(req, "cookie") ?? "";
  const m = new RegExp(`(?:^|;\\s*)${COOKIE[platform]}=([A-Za-z0-9_-]+)`).exec(cookie);
  return m ? store.sessions.get(`${platform}:${m[1]}`) : undefined;
}

/** The browser's signed-in user, or a new one (with one fresh account) and a session cookie. */
async function sessionUser(app: FastifyInstance, store: OauthStore, platform: "meta" | "tiktok", req: FastifyRequest, reply: FastifyReply): Promise<SandboxUser> {
  const known = sessionUserId(store, platform, req);
  const user = known === undefined ? undefined : store.users.get(known);
  if (user) return user;
  const fresh = await freshAccount(app, platform, undefined);
  const created: SandboxUser = { id: randomUUID(), platform, accountIds: [String(fresh.id)] };
  store.users.set(created.id, created);
  const session = OauthStore.newSecret(24);
  store.sessions.set(`${platform}:${session}`, created.id);
  void reply.header("set-cookie", `${COOKIE[platform]}=${session}; Path=/; HttpOnly; SameSite=Lax`);
  return created;
}

const FRESH_SEEDS: Record<OauthPlatform, { url: string; body: (name: string) => Record<string, unknown>; id: (a: Record<string, unknown>) => string }> = {
  meta: {
    url: "/_sandbox/meta/ad-accounts",
    body: (name) => ({
      name,
      currency: "USD",
      campaigns: [
        { name: "Always-on prospecting", objective: "OUTCOME_SALES", status: "ACTIVE", daily_budget: 3000 },
        { name: "Holiday retargeting", objective: "OUTCOME_TRAFFIC", status: "PAUSED", daily_budget: 1500 },
      ],
    }),
    id: (a) => String(a.platformAccountId),
  },
  tiktok: {
    url: "/_sandbox/tiktok/advertisers",
    body: (name) => ({
      name,
      currency: "USD",
      campaigns: [
        { campaign_name: "Always-on video views", objective_type: "VIDEO_VIEWS", budget_mode: "BUDGET_MODE_DAY", budget: 60 },
        { campaign_name: "Launch traffic", objective_type: "TRAFFIC", budget_mode: "BUDGET_MODE_DAY", budget: 40 },
      ],
    }),
    id: (a) => String(a.advertiserId),
  },
  apple: {
    url: "/_sandbox/apple/orgs",
    body: (name) => ({
      name,
      currency: "USD",
      campaigns: [
        { name: "Brand search US", dailyBudgetAmount: "120" },
        { name: "Competitor search US", dailyBudgetAmount: "80" },
      ],
    }),
    id: (a) => String(a.orgId),
  },
};

/** A new account with two campaigns made outside Layers, through the platform's own control route. */
async function freshAccount(app: FastifyInstance, platform: OauthPlatform, name: string | undefined): Promise<{ id: string }> {
  const seed = FRESH_SEEDS[platform];
  const res = await app.inject({ method: "POST", url: seed.url, payload: seed.body(name ?? `Sandbox ${platform} account ${randomUUID().slice(0, 6)}`) });
  if (res.statusCode !== 201) throw new Error(`could not seed a fresh ${platform} account: ${res.statusCode} ${res.body}`);
  return { id: seed.id(res.json() as Record<string, unknown>) };
}

/** Checks an Apple client secret: ES256 JWT, `kid` = keyId, sub/iss/aud as Apple requires, unexpired, signed by the user's key. */
function verifyClientSecret(jwt: string, user: { clientId: string; teamId: string; keyId: string; publicKeyPem: string }, now: Date): boolean {
  const parts = jwt.split(".");
  if (parts.length !== 3) return false;
  try {
    const head = JSON.parse(Buffer.from(parts[0]!, "base64url").toString("utf8")) as { alg?: string; kid?: string };
    const claims = JSON.parse(Buffer.from(parts[1]!, "base64url").toString("utf8")) as { sub?: string; iss?: string; aud?: string; iat?: number; exp?: number };
    const t = Math.floor(now.getTime() / 1000);
    if (head.alg !== "ES256" || head.kid !== user.keyId) return false;
    if (claims.sub !== user.clientId || claims.iss !== user.teamId || claims.aud !== "https://appleid.apple.com") return false;
    if (typeof claims.exp !== "number" || typeof claims.iat !== "number" || claims.exp <= t || claims.exp - claims.iat > 180 * 24 * 3600) return false;
    return verify("sha256", Buffer.from(`${parts[0]}.${parts[1]}`), { key: user.publicKeyPem, dsaEncoding: "ieee-p1363" }, Buffer.from(parts[2]!, "base64url"));
  } catch {
    return false;
  }
}
