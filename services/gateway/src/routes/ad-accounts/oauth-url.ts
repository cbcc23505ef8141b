import type { FastifyInstance } from "fastify";
import { CONNECT_PLATFORMS, OAUTH_STATE_TTL_SECONDS, oauthUrlBodySchema, oauthUrlResponseSchema, type OauthUrlResponse } from "@layers/contracts";
import { sealToken } from "@layers/runtime";
import type { RouteContext } from "../../context.ts";
import { ApiError } from "../../errors.ts";
import { parseBody } from "../../http/parse.ts";
import { assertActive, projectFor } from "../../http/tenancy.ts";
import { principalOf } from "../../plugins/auth.ts";
import { findProjectAdAccount, insertState, listReturnUrls, pruneStates } from "../../repositories/connect.repository.ts";
import { callbackUrl, newStateValue, publicBase, stateId } from "../oauth/connect-state.ts";
import { authorizeUrl, newPkce } from "../oauth/platform-clients.ts";
import { matchReturnUrl } from "../oauth/return-url.ts";
import { routeDoc } from "../../openapi/route-doc.ts";

/**
 * POST …/ads/ad-accounts/oauth-url — starts a connection: checks the returnUrl against the org's
 * allowlist, stores a one-time state bound to org, project, platform and returnUrl (and, for a
 * re-authorization, the account), and answers the URL to send the customer's browser to.
 */
export function registerOauthUrl(app: FastifyInstance, ctx: RouteContext): void {
  app.post<{ Params: { projectId: string } }>(
    "/v1/projects/:projectId/ads/ad-accounts/oauth-url",
    // The answer holds the state (a credential until used): kept sealed on the idempotency key.
    { config: { auth: { anyOf: ["ads:write:connect"] }, idempotent: true, sealAnswer: true, doc: routeDoc({ operationId: "createOauthUrl", tag: "Ad accounts", summary: "A consent URL that connects the customer's ad account", body: oauthUrlBodySchema, responses: { 200: oauthUrlResponseSchema } }) } },
    async (req): Promise<OauthUrlResponse> => {
      const project = await projectFor(ctx, req, req.params.projectId);
      const body = parseBody(oauthUrlBodySchema, req.body);
      assertActive(project);
      const platform = CONNECT_PLATFORMS[body.platform];
      const allowed = matchReturnUrl(body.returnUrl, await listReturnUrls(ctx.db, project.organization_id), { allowLoopbackHttp: ctx.connect.allowLoopbackHttp });
      if (!allowed.ok) throw new ApiError("VALIDATION", "the request body is not valid", { errors: [{ pointer: "/returnUrl", detail: allowed.detail }] });
      if (body.adAccountId !== undefined) {
        const account = await findProjectAdAccount(ctx.db, project.id, body.adAccountId);
        if (!account || account.platform !== platform) {
          throw new ApiError("VALIDATION", "the request body is not valid", {
            errors: [{ pointer: "/adAccountId", detail: `no ${body.platform} ad account with this id in this project` }],
          });
        }
      }
      const state = newStateValue();
      const pkce = platform === "meta" ? newPkce() : undefined;
      const expiresAt = new Date(Date.now() + OAUTH_STATE_TTL_SECONDS * 1000);
      const principal = principalOf(req);
      await insertState(ctx.db, {
        id: stateId(state),
        organizationId: project.organization_id,
        projectId: project.id,
        platform,
        returnUrl: allowed.url.toString(),
        adAccountId: body.adAccountId ?? null,
        pkceVerifierEnc: pkce ? sealToken(pkce.verifier, ctx.connect.tokenKey) : null,
        requestedBy: principal.kind === "api_key" ? principal.apiKeyId : principal.userId,
        expiresAt,
      });
      pruneStates(ctx.db).catch((err: unknown) => req.log.warn({ err }, "could not prune old oauth states"));
      const url =
        platform === "apple"
          ? `${publicBase(ctx.connect, req)}/v1/oauth/apple/connect?${new URLSearchParams({ state })}`
          : authorizeUrl(ctx.connect, platform, { state, redirectUri: callbackUrl(ctx.connect, req, platform), ...(pkce ? { codeChallenge: pkce.challenge } : {}) });
      return { url, expiresAt: expiresAt.toISOString() };
    },
  );
}
