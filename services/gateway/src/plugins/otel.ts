import { FastifyOtelInstrumentation } from "@fastify/otel";
import { propagation, trace } from "@opentelemetry/api";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import type { FastifyInstance, FastifyRequest } from "fastify";

/**
 * True when a tracer provider is registered that records spans (the OpenTelemetry SDK started by
 * main.ts from OTEL_*, or a test's in-memory provider). Without one the instrumentation would only
 * wrap every hook in no-op spans, which costs the hot path for nothing.
 */
export function tracingRecords(): boolean {
  const probe = trace.getTracer("layers-ads-probe").startSpan("probe");
  const records = probe.isRecording();
  probe.end();
  return records;
}

/**
 * Fastify's own OpenTelemetry instrumentation (`@fastify/otel`): the request's server span, named
 * `METHOD /route/template`, continuing the caller's `traceparent`, and a child span per route
 * handler and hook. Registered before every other plugin and route so it sees all of them. A W3C
 * propagator is made global when none is (the SDK registers one; a bare tracer provider does not),
 * since the instrumentation extracts the caller's context through the global propagator.
 */
export async function installOtel(app: FastifyInstance): Promise<boolean> {
  if (!tracingRecords()) return false;
  if (propagation.fields().length === 0) propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  const instrumentation = new FastifyOtelInstrumentation({
    requestHook: (span, req) => span.updateName(`${req.method} ${req.routeOptions.url ?? "unmatched"}`),
  });
  await app.register(instrumentation.plugin());
  return true;
}

/** The traceparent of the request's server span when the instrumentation made one, else undefined. */
export function serverSpanTraceparent(req: FastifyRequest): string | undefined {
  // Decorated only when installOtel registered the plugin, whatever its type augmentation says.
  if (typeof (req as Partial<FastifyRequest>).opentelemetry !== "function") return undefined;
  const otel = req.opentelemetry();
  if (!otel.enabled || !otel.instrumented || !otel.span.isRecording()) return undefined;
  const carrier: Record<string, string> = {};
  otel.inject(carrier);
  return carrier.traceparent;
}
