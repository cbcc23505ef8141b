import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { openToken } from "@layers/runtime";
import type { RouteContext } from "../../context.ts";
import { consumeState } from "../../repositories/connect.repository.ts";
import { callbackUrl, plausibleState, stateId } from "./connect-state.ts";
import { errorRedirect, finishConnection } from "./finish-connection.ts";
import { sendBadStatePage } from "./pages.ts";
import { ConnectPlatformError, metaGrant, tiktokGrant, type Grant } from "./platform-clients.ts";
import { routeDoc } from "../../openapi/route-doc.ts";

type CallbackQuery = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

/** The platform sends the browser here: a page, or a redirect to the partner's return URL. */
const CALLBACK_DOC = routeDoc({
  operationId: "oauthCallback",
  tag: "Ad accounts",
  summary: "Where Meta's and TikTok's consent dialogs send the browser back (not called by partners)",
  query: z.looseObject({ state: z.string().optional(), code: z.string().optional(), auth_code: z.string().optional(), error: z.string().optional() }),
  responses: { 302: { schema: null, description: "To the partner's return URL with `status=connected` or `status=error`", headers: ["Location"] }, 400: { schema: z.string(), contentType: "text/html", description: "An unknown or used state" } },
});

/**
 * GET /v1/oauth/callback/:platform — where Meta's and TikTok's consent dialogs send the browser
 * back (no API key: the `state` is the credential). The state is used up first, whatever follows:
 * a bad one gets a plain 400 page; a good one always ends in a redirect to its returnUrl.
 */
export function registerOauthCallback(app: FastifyInstance, ctx: RouteContext): void {
  app.get<{ Params: { platform: string }; Querystring: CallbackQuery }>(
    "/v1/oauth/callback/:platform",
    { config: { auth: false, takesQuery: true, doc: CALLBACK_DOC } },
    async (req, reply) => {
      const platform = req.params.platform;
      if (platform !== "meta" && platform !== "tiktok") return sendBadStatePage(reply, req.id);
      const raw = first(req.query.state);
      if (!plausibleState(raw)) return sendBadStatePage(reply, req.id);
      const state = await consumeState(ctx.db, stateId(raw), platform);
      if (!state) return sendBadStatePage(reply, req.id);

      const error = first(req.query.error);
      if (error !== undefined) {
        req.log.info({ platform, error, reason: first(req.query.error_reason) }, "consent not given");
        return reply.redirect(errorRedirect(state, error === "access_denied" ? "access_denied" : "platform_error"), 302);
      }
      const code = platform === "meta" ? first(req.query.code) : (first(req.query.auth_code) ?? first(req.query.code));
      if (!code) return reply.redirect(errorRedirect(state, "platform_error"), 302);

      let grant: Grant;
      try {
        grant =
          platform === "meta"
            ? await metaGrant(ctx.connect, {
                code,
                redirectUri: callbackUrl(ctx.connect, req, "meta"),
                ...(state.pkce_verifier_enc ? { codeVerifier: openToken(state.pkce_verifier_enc, ctx.connect.tokenKey) } : {}),
              })
            : await tiktokGrant(ctx.connect, { code });
      } catch (err) {
        if (!(err instanceof ConnectPlatformError)) throw err;
        req.log.warn({ err, platform }, "connection failed at the platform");
        return reply.redirect(errorRedirect(state, err.code), 302);
      }
      return reply.redirect(await finishConnection(ctx, req, state, grant, null), 302);
    },
  );
}
