import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { consentPage } from "./consent-page.ts";
import { CODE_TTL_MS, PENDING_TTL_MS, parseForm, type OauthDeps } from "./oauth-deps.ts";
import { OauthStore } from "./oauth-store.ts";
import { accountSummary, sessionUser, sessionUserId } from "./sessions.ts";

/**
 * Meta's login dialog and TikTok's portal auth page, and the form they post: Allow issues a
 * single-use code for the accounts ticked and redirects to `redirect_uri`; Cancel redirects with
 * `error=access_denied`. The page belongs to the browser's session (cookie) that was shown it.
 */
export function registerConsentRoutes(app: FastifyInstance, deps: OauthDeps): void {
  const now = () => (deps.now ?? (() => new Date()))();
  const { store } = deps;
  const changed = () => deps.onMutation?.();
  app.register(async (scope) => {
    scope.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_req, body, done) => {
      done(null, parseForm(typeof body === "string" ? body : body.toString("utf8")));
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

  });
}
