import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppleError, invalidJson, serverError, unknownPath } from "./apple-error.ts";
import type { AppleHandler } from "./apple-context.ts";
import { registerAppleControlRoutes } from "./control-routes.ts";
import * as h from "./handlers.ts";
import { handleAppleRequest, type AppleDeps } from "./pipeline.ts";

const CAMPAIGN = "/api/v5/campaigns/:campaignId";
const AD_GROUP = `${CAMPAIGN}/adgroups/:adGroupId`;

/** Mounts the Apple Search Ads v5 surface (`/api/v5/…`) and its `/_sandbox/apple` control calls. */
export function registerAppleRoutes(app: FastifyInstance, deps: AppleDeps): void {
  registerAppleControlRoutes(app, deps);
  app.register(async (scope) => {
    // Apple clients send `Content-Type: application/json` on every call, DELETE included: an
    // empty body is no body, not a JSON error.
    scope.removeContentTypeParser("application/json");
    scope.addContentTypeParser("application/json", { parseAs: "string" }, (_request, text, done) => {
      if (String(text).trim() === "") return done(null, undefined);
      try {
        done(null, JSON.parse(String(text)));
      } catch (err) {
        done(Object.assign(err as Error, { statusCode: 400 }), undefined);
      }
    });
    scope.setErrorHandler((err: unknown, _request, reply) => {
      // Body parser failures land here; anything with a 4xx status is the client's bad JSON.
      const status = (err as { statusCode?: number }).statusCode;
      const appleErr =
        err instanceof AppleError ? err
        : status !== undefined && status >= 400 && status < 500 ? invalidJson((err as Error).message)
        : serverError();
      if (!(err instanceof AppleError) && appleErr.status >= 500) deps.log.error({ err }, "Apple scope error");
      void reply.code(appleErr.status).send(appleErr.toBody());
    });

    const route = (method: "GET" | "POST" | "PUT" | "DELETE", url: string, handler: AppleHandler) =>
      scope.route({
        method,
        url,
        handler: async (request: FastifyRequest, reply: FastifyReply) => {
          const out = await handleAppleRequest(
            {
              method: request.method,
              path: request.url.split("?")[0] ?? request.url,
              authorization: request.headers.authorization,
              apContext: header(request.headers["x-ap-context"]),
              params: request.params as Record<string, string>,
              query: request.query as Record<string, unknown>,
              body: request.body,
            },
            handler,
            deps,
          );
          return reply.code(out.status).headers(out.headers).send(out.body);
        },
      });

    route("POST", "/api/v5/campaigns", h.createCampaign);
    route("GET", "/api/v5/campaigns", h.listCampaigns);
    route("GET", CAMPAIGN, h.getCampaign);
    route("PUT", CAMPAIGN, h.updateCampaign);
    route("DELETE", CAMPAIGN, h.deleteCampaign);
    route("POST", `${CAMPAIGN}/adgroups`, h.createAdGroup);
    route("GET", `${CAMPAIGN}/adgroups`, h.listAdGroups);
    route("GET", AD_GROUP, h.getAdGroup);
    route("PUT", AD_GROUP, h.updateAdGroup);
    route("DELETE", AD_GROUP, h.deleteAdGroup);
    route("POST", `${AD_GROUP}/targetingkeywords/bulk`, h.createKeywords);
    route("PUT", `${AD_GROUP}/targetingkeywords/bulk`, h.updateKeywords);
    route("GET", `${AD_GROUP}/targetingkeywords`, h.listKeywords);
    route("DELETE", `${AD_GROUP}/targetingkeywords/:keywordId`, h.deleteKeyword);

    scope.route({
      method: ["GET", "POST", "PUT", "DELETE", "PATCH"],
      url: "/api/v5/*",
      handler: async (request, reply) => {
        const err = unknownPath(request.url.split("?")[0] ?? "/");
        return reply.code(err.status).send(err.toBody());
      },
    });
  });
}

function header(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v.join(";") : v;
}
