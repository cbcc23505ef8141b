import type { FastifyInstance } from "fastify";
import { newAccessToken } from "../ids.ts";
import { TT_CODE, errorEnvelope, newResponseRequestId, okEnvelope } from "../tiktok/envelope.ts";
import { header, issue, tiktokGrantOf, type OauthDeps } from "./oauth-deps.ts";

/** TikTok's OAuth calls: `oauth2/access_token`, `oauth2/advertiser/get`, `advertiser/info`, `oauth2/revoke_token`. */
export function registerTiktokOauthRoutes(app: FastifyInstance, deps: OauthDeps): void {
  const now = () => (deps.now ?? (() => new Date()))();
  const { store } = deps;
  const changed = () => deps.onMutation?.();

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
}
