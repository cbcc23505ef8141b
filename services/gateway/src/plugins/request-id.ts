import type { FastifyInstance } from "fastify";
import { HEADERS } from "@layers/contracts";
import { childTraceparent, isTraceparent } from "@layers/runtime";

declare module "fastify" {
  interface FastifyRequest {
    /** The caller's W3C traceparent when it sent a valid one, else a freshly started trace. */
    traceparent: string;
  }
}

/**
 * `X-Request-Id` on every response. The id itself is chosen by Fastify's `genReqId` (see app.ts:
 * the caller's value when it is a sane token, else a new `req_…`); this hook only exposes it and
 * picks up or starts the trace.
 */
export function installRequestId(app: FastifyInstance): void {
  app.decorateRequest("traceparent", "");
  app.addHook("onRequest", async (req, reply) => {
    reply.header(HEADERS.requestId, req.id);
    const tp = req.headers.traceparent;
    req.traceparent = typeof tp === "string" && isTraceparent(tp) ? tp : childTraceparent();
  });
}
