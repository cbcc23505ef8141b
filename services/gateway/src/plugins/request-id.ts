import type { FastifyInstance } from "fastify";
import { HEADERS } from "@layers/contracts";
import { childTraceparent, isTraceparent } from "@layers/runtime";
import { serverSpanTraceparent } from "./otel.ts";

declare module "fastify" {
  interface FastifyRequest {
    /** The caller's W3C traceparent when it sent a valid one, else a freshly started trace (the server span's when tracing is on). */
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
    const caller = typeof tp === "string" && isTraceparent(tp) ? tp : undefined;
    // Tracing on: the server span (made by @fastify/otel, see otel.ts) is the parent of everything the request starts (intent, events).
    req.traceparent = serverSpanTraceparent(req) ?? caller ?? childTraceparent();
  });
}
