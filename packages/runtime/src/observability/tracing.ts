import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes } from "@opentelemetry/api";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { childTraceparent, isTraceparent } from "../trace.ts";

/**
 * OpenTelemetry traces, off unless the standard OTEL_* variables ask for them. The W3C
 * `traceparent` every hop already carries (HTTP header → intent → dispatch → event, in NATS
 * headers; see trace.ts) is the context: each hop opens a span whose parent is the incoming
 * traceparent and hands the span's own traceparent on. There is no NATS instrumentation for JS,
 * so this is done by hand, in `runConsumer` and around the platform call.
 */
export function tracingWanted(env: Readonly<Record<string, string | undefined>>): boolean {
  if (env.OTEL_SDK_DISABLED === "true" || env.OTEL_TRACES_EXPORTER === "none") return false;
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || env.OTEL_TRACES_EXPORTER);
}

/**
 * Starts the OpenTelemetry Node SDK (exporter, endpoint, headers, sampler from OTEL_*) when wanted;
 * else nothing. `env` is the environment snapshot the config module took (`inheritedEnvironment()`):
 * the SDK reads the standard OTEL_* variables itself, so they are not part of a service's own schema.
 */
export async function startTracing(service: string, env: Readonly<Record<string, string | undefined>>): Promise<{ shutdown(): Promise<void> }> {
  if (!tracingWanted(env)) return { shutdown: async () => undefined };
  // Loaded only when used: the SDK and its exporters are heavy, and most processes run without them.
  const { NodeSDK } = await import("@opentelemetry/sdk-node");
  const sdk = new NodeSDK({ serviceName: env.OTEL_SERVICE_NAME ?? service, instrumentations: [] });
  sdk.start();
  return { shutdown: () => sdk.shutdown() };
}

const propagator = new W3CTraceContextPropagator();
const getter = { keys: (c: Record<string, string>) => Object.keys(c), get: (c: Record<string, string>, k: string) => c[k] };
const setter = { set: (c: Record<string, string>, k: string, v: string) => void (c[k] = v) };

export interface SpanSpec {
  name: string;
  kind?: "server" | "client" | "consumer" | "internal";
  attributes?: Attributes;
}

const KINDS = { server: SpanKind.SERVER, client: SpanKind.CLIENT, consumer: SpanKind.CONSUMER, internal: SpanKind.INTERNAL } as const;

/** A span opened by one hop; `end` once the hop is done (with the error when it failed). */
export interface HopSpan {
  /** The traceparent to hand on: this span's, or a child of the parent when nothing is recorded. */
  traceparent: string;
  /** False when no tracer provider records spans (tracing off). */
  recording: boolean;
  end(err?: unknown): void;
}

/**
 * Opens a span that continues `parent` (a traceparent; a fresh trace when missing). With no tracer
 * provider registered nothing is recorded and the hop gets a child traceparent as before (same
 * trace id, new span id).
 */
export function startHopSpan(spec: SpanSpec, parent: string | undefined | null): HopSpan {
  const parentCtx = isTraceparent(parent) ? propagator.extract(ROOT_CONTEXT, { traceparent: parent }, getter) : ROOT_CONTEXT;
  const span = trace.getTracer("layers-ads").startSpan(spec.name, { kind: KINDS[spec.kind ?? "internal"], ...(spec.attributes ? { attributes: spec.attributes } : {}) }, parentCtx);
  let traceparent: string;
  if (span.isRecording()) {
    const carrier: Record<string, string> = {};
    propagator.inject(trace.setSpan(parentCtx, span), carrier, setter);
    traceparent = carrier.traceparent ?? childTraceparent(parent);
  } else traceparent = childTraceparent(parent);
  return {
    traceparent,
    recording: span.isRecording(),
    end(err?: unknown) {
      if (err !== undefined) {
        span.recordException(err instanceof Error ? err : new Error(String(err)));
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
      span.end();
    },
  };
}

/** Runs `fn` in a hop span (see startHopSpan), passing it the traceparent to hand on. */
export async function inSpan<T>(spec: SpanSpec, parent: string | undefined | null, fn: (traceparent: string) => Promise<T>): Promise<T> {
  const span = startHopSpan(spec, parent);
  try {
    const out = await fn(span.traceparent);
    span.end();
    return out;
  } catch (err) {
    span.end(err);
    throw err;
  }
}
