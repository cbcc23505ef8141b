import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppleError, invalidJson, serverError, unknownPath } from "./apple-error.ts";
import type { AppleHandler } from "./apple-context.ts";
import type { AppleDialect } from "./dialect.ts";
import { handleAppleRequest, type AppleDeps } from "./pipeline.ts";

export type AppleRoute = [method: "GET" | "POST" | "PUT" | "DELETE", url: string, handler: AppleHandler, opts?: { context?: boolean }];

/**
 * Mounts one of Apple's APIs in its own scope: JSON parsing the way Apple's clients send it, every
 * failure (bad JSON, unknown path, sandbox bug) rendered in that API's error shape, and each route
 * run through the shared pipeline with the API's dialect.
 */
export function mountAppleApi(app: FastifyInstance, deps: AppleDeps, dialect: AppleDialect, routes: readonly AppleRoute[], prefix: string): void {
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
      void reply.code(appleErr.status).send(dialect.renderError(appleErr));
    });

    for (const [method, url, handler, opts] of routes) {
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
            dialect,
            opts,
          );
          return reply.code(out.status).headers(out.headers).send(out.body);
        },
      });
    }

    scope.route({
      method: ["GET", "POST", "PUT", "DELETE", "PATCH"],
      url: `${prefix}/*`,
      handler: async (request, reply) => {
        const err = unknownPath(request.url.split("?")[0] ?? "/");
        return reply.code(err.status).send(dialect.renderError(err));
      },
    });
  });
}

function header(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v.join(";") : v;
}
