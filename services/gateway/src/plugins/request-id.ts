import type { FastifyInstance } from "fastify";
import { HEADERS } from "@layers/contracts";
import { childTraceparent, isTraceparent, startHopSpan, type HopSpan } from "@layers/runtime";

declare module "fastify" {
  interface FastifyRequest {
    /** The caller's W3C traceparent when it sent a valid one, else a freshly started trace (the server span's when tracing is on). */
    traceparent: string;
    /** The request's server span (OpenTelemetry; records nothing when tracing is off). */
    span: HopSpan | null;
  }
}

/**
 * `X-Request-Id` on every response. The id itself is chosen by Fastify's `genReqId` (see app.ts:
 * the caller's value when it is a sane token, else a new `req_…`); this hook only exposes it and
 * picks up or starts the trace.
 */
export function installRequestId(app: FastifyInstance): void {
  app.decorateRequest("traceparent", "");
  app.decorateRequest("span", null);
  app.addHook("onRequest", async (req, reply) => {
    reply.header(HEADERS.requestId, req.id);
    const tp = req.headers.traceparent;
    const caller = typeof tp === "string" && isTraceparent(tp) ? tp : undefined;
    const route = req.routeOptions.url ?? "unmatched";
    req.span = startHopSpan({ name: `${req.method} ${route}`, kind: "server", attributes: { "http.request.method": req.method, "http.route": route } }, caller);
    // Tracing on: the server span is the parent of everything the request starts (intent, events).
    req.traceparent = req.span.recording ? req.span.traceparent : (caller ?? childTraceparent());
  });
  app.addHook("onResponse", async (req, reply) => {
    req.span?.end(reply.statusCode >= 500 ? new Error(`HTTP ${reply.statusCode}`) : undefined);
  });
}
