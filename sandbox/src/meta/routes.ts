import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { GraphError } from "./graph-error.ts";
import { invalidParam, unknownError, unknownPath } from "./graph-errors.ts";
import { registerGraphBodyParsers } from "./graph-body-parsers.ts";
import { handleGraphRequest, type MetaDeps } from "./graph-pipeline.ts";
import { toGraphRequest } from "./graph-request.ts";

/** Mounts the Meta Graph surface: `/{version}/…` for GET, POST and DELETE, in its own parser scope. */
export function registerMetaRoutes(app: FastifyInstance, deps: MetaDeps): void {
  app.register(async (scope) => {
    registerGraphBodyParsers(scope);

    scope.setErrorHandler((err: unknown, _request, reply) => {
      // Body parser failures land here; anything with a 4xx status is the client's bad input.
      const status = (err as { statusCode?: number }).statusCode;
      const graphErr =
        err instanceof GraphError ? err
        : status !== undefined && status >= 400 && status < 500 ? invalidParam("body", (err as Error).message)
        : unknownError();
      if (!(err instanceof GraphError) && graphErr.status >= 500) deps.log.error({ err }, "Graph scope error");
      void reply.code(graphErr.status).send(graphErr.toBody());
    });

    const handler = async (request: FastifyRequest, reply: FastifyReply) => {
      const req = toGraphRequest({
        method: request.method,
        url: request.url,
        body: request.body,
        authorization: request.headers.authorization,
        origin: `${request.protocol}://${request.host}`,
      });
      if (req === undefined) {
        const err = unknownPath(request.url.split("?")[0] ?? "/");
        return reply.code(err.status).send(err.toBody());
      }
      const out = await handleGraphRequest(req, deps);
      return reply.code(out.status).headers(out.headers).send(out.body);
    };
    scope.route({ method: ["GET", "POST", "DELETE"], url: "/:version/*", handler });
  });
}
