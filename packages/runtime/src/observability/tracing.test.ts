import { describe, expect, it } from "vitest";
import { startHopSpan, startTracing, tracingWanted } from "./tracing.ts";

describe("tracing", () => {
  it("is on only when the standard OTEL_* variables ask for an exporter", () => {
    expect(tracingWanted({})).toBe(false);
    expect(tracingWanted({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318" })).toBe(true);
    expect(tracingWanted({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "http://collector:4318/v1/traces" })).toBe(true);
    expect(tracingWanted({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318", OTEL_SDK_DISABLED: "true" })).toBe(false);
    expect(tracingWanted({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318", OTEL_TRACES_EXPORTER: "none" })).toBe(false);
  });

  it("off: startTracing does nothing and a hop still continues the trace with a new span id", async () => {
    const t = await startTracing("test", {});
    await t.shutdown();
    const parent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    const span = startHopSpan({ name: "hop" }, parent);
    expect(span.recording).toBe(false);
    expect(span.traceparent).toMatch(/^00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01$/);
    expect(span.traceparent).not.toBe(parent);
    span.end();
    expect(startHopSpan({ name: "root" }, "garbage").traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  });
});
