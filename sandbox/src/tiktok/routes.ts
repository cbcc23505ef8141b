import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { TT_CODE, errorEnvelope, newResponseRequestId } from "./envelope.ts";
import { TIKTOK_HANDLERS } from "./handlers.ts";
import { createTiktokAdvertiserBodySchema, seedAdvertiser, seededAnswer } from "./control.ts";
import { handleTiktokCall, type TiktokDeps, type TtHandler } from "./pipeline.ts";

export const TIKTOK_PREFIX = "/open_api/v1.3";

/** Mounts TikTok API for Business v1.3 under `/open_api/v1.3/…` and its `/_sandbox/tiktok/…` control calls. */
export function registerTiktokRoutes(app: FastifyInstance, deps: TiktokDeps): void {
  const now = deps.now ?? (() => new Date());
  app.register(async (scope) => {
    // Body parse failures (bad JSON) are answered as TikTok does: HTTP 200 and code 40002.
    scope.setErrorHandler((err: unknown, _request, reply) => {
      const status = (err as { statusCode?: number }).statusCode;
      const requestId = newResponseRequestId(now());
      if (status !== undefined && status >= 400 && status < 500) {
        return reply.code(200).send(errorEnvelope(TT_CODE.INVALID_PARAM, `body: ${(err as Error).message}`, requestId));
      }
      deps.log.error({ err }, "TikTok scope error");
      return reply.code(200).send(errorEnvelope(TT_CODE.SYSTEM, "System error, please try again later.", requestId));
    });

    const route = (handler: TtHandler) => async (request: FastifyRequest, reply: FastifyReply) => {
      const params = (request.method === "GET" ? request.query : request.body) ?? {};
      const token = request.headers["access-token"];
      const out = await handleTiktokCall(
        {
          method: request.method,
          path: request.url.split("?")[0] ?? "",
          token: Array.isArray(token) ? token[0] : token,
          params: typeof params === "object" && !Array.isArray(params) ? (params as Record<string, unknown>) : {},
        },
        handler,
        deps,
      );
      return reply.code(200).send(out);
    };
    for (const h of TIKTOK_HANDLERS) scope.route({ method: h.method, url: `${TIKTOK_PREFIX}${h.path}`, handler: route(h.handler) });

    scope.all("/open_api/*", async (request, reply) =>
      reply.code(404).send(errorEnvelope(TT_CODE.INVALID_PARAM, `Unknown path: ${request.url.split("?")[0]}`, newResponseRequestId(now()))),
    );
  });

  // Control calls live outside the TikTok scope: they answer plain HTTP statuses, not envelopes.
  app.post("/_sandbox/tiktok/advertisers", async (request, reply) => {
    const r = createTiktokAdvertiserBodySchema.safeParse(request.body ?? {});
    if (!r.success) {
      return reply.code(400).send({
        error: { message: "invalid request", issues: r.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) },
      });
    }
    const { advertiser, campaigns } = seedAdvertiser(deps.store, r.data, now());
    deps.onMutation();
    return reply.code(201).send(seededAnswer(advertiser, campaigns));
  });

  app.get("/_sandbox/tiktok/advertisers", async () => ({
    advertisers: deps.store.advertisers().map((a) => ({ advertiserId: a.id, accessToken: a.accessToken, name: a.name, currency: a.currency })),
  }));
}
