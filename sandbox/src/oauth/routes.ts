import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { registerAppleOauthRoutes } from "./apple-routes.ts";
import { registerConsentRoutes } from "./consent-routes.ts";
import { registerMetaOauthRoutes } from "./meta-routes.ts";
import type { OauthDeps } from "./oauth-deps.ts";
import { registerTiktokOauthRoutes } from "./tiktok-routes.ts";

export type { OauthDeps } from "./oauth-deps.ts";

/** After a restart from the state file: the platform surfaces accept the grant tokens again. */
export function restoreGrantTokens(deps: OauthDeps): void {
  for (const g of deps.store.grants.values()) {
    if (g.revoked) continue;
    if (g.platform === "meta") deps.meta.grantToken(g.accessToken, g.accountIds);
    if (g.platform === "tiktok") deps.tiktok.grantToken(g.accessToken, g.accountIds);
  }
}

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
  const { store } = deps;
  registerConsentRoutes(app, deps);
  registerMetaOauthRoutes(app, deps);
  registerTiktokOauthRoutes(app, deps);
  registerAppleOauthRoutes(app, deps);

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
