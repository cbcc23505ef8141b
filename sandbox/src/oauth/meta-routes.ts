import { createHash } from "node:crypto";
import type { FastifyInstance, FastifyReply } from "fastify";
import { newAccessToken } from "../ids.ts";
import { expired, issue, META_LONG_TTL_S, META_SHORT_TTL_S, metaGrantOf, type OauthDeps } from "./oauth-deps.ts";
import { OauthStore } from "./oauth-store.ts";

/** Meta Graph's OAuth calls: code and long-lived exchanges, `debug_token`, `me/adaccounts`, `me/permissions`. */
export function registerMetaOauthRoutes(app: FastifyInstance, deps: OauthDeps): void {
  const now = () => (deps.now ?? (() => new Date()))();
  const { store } = deps;
  const changed = () => deps.onMutation?.();

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
}

function graphError(reply: FastifyReply, code: number, message: string, subcode?: number): FastifyReply {
  return reply.code(400).send({ error: { message, type: "OAuthException", code, ...(subcode !== undefined ? { error_subcode: subcode } : {}), fbtrace_id: OauthStore.newSecret(8) } });
}
