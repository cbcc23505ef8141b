import { afterEach, describe, expect, it } from "vitest";
import { promSample } from "./prom-text.ts";
import { createMetricsRegistry } from "./registry.ts";
import { runChecks, startHealthServer, type HealthServer } from "./health-server.ts";
import { dispatchMetrics, gateMetrics, scrapeGauge } from "./service-metrics.ts";

describe("health server", () => {
  let server: HealthServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("answers /healthz, /readyz (503 naming the failing check) and /metrics with the service's series", async () => {
    const registry = createMetricsRegistry("gate");
    gateMetrics(registry).decided({ decision: "deny", reason: "kill_switch_active", platform: "meta" });
    let natsUp = false;
    server = await startHealthServer({ port: 0, host: "127.0.0.1", registry, checks: { postgres: () => true, nats: () => natsUp } });

    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ ok: true });
    const down = await fetch(`${server.url}/readyz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ ok: false, checks: { postgres: true, nats: false } });
    natsUp = true;
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);

    const res = await fetch(`${server.url}/metrics`);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await res.text();
    expect(promSample(text, "gate_decisions_total", { service: "gate", decision: "deny", reason: "kill_switch_active", platform: "meta" })).toBe(1);
    expect(promSample(text, "nodejs_eventloop_lag_seconds", { service: "gate" })).toBeGreaterThanOrEqual(0);
    expect((await fetch(`${server.url}/nope`)).status).toBe(404);
    expect((await fetch(`${server.url}/metrics`, { method: "POST" })).status).toBe(405);
  });

  it("a gauge whose reader fails reads NaN (or has no series) instead of failing the scrape", async () => {
    const registry = createMetricsRegistry("webhooks");
    scrapeGauge(registry, { name: "broken_gauge", help: "reads a dependency that is down" }, async () => {
      throw new Error("down");
    });
    scrapeGauge(registry, { name: "broken_labelled", help: "reads a dependency that is down", labelNames: ["state"] }, async () => {
      throw new Error("down");
    });
    scrapeGauge(registry, { name: "working_gauge", help: "reads fine" }, async () => [{ value: 7 }]);
    const text = await registry.metrics();
    expect(promSample(text, "working_gauge", { service: "webhooks" })).toBe(7);
    expect(promSample(text, "broken_gauge")).toBeNaN();
    expect(promSample(text, "broken_labelled")).toBeUndefined();
  });

  it("counts a dispatch retry both as an attempt and as a retry", async () => {
    const registry = createMetricsRegistry("dispatcher-tiktok");
    const m = dispatchMetrics(registry);
    m.attempt("tiktok", "retry", 0.2);
    m.attempt("tiktok", "landed", 0.1);
    m.throttled("tiktok");
    m.budgetWait("tiktok", "left_to_waker");
    m.budgetWait("tiktok", "left_to_waker");
    const text = await registry.metrics();
    expect(promSample(text, "dispatch_retries_total", { platform: "tiktok" })).toBe(1);
    expect(promSample(text, "dispatch_attempts_total", { platform: "tiktok", outcome: "landed" })).toBe(1);
    expect(promSample(text, "dispatch_attempts_total", { platform: "tiktok", outcome: "retry" })).toBe(1);
    expect(promSample(text, "platform_throttles_total", { platform: "tiktok" })).toBe(1);
    expect(promSample(text, "dispatch_budget_waits_total", { platform: "tiktok", how: "left_to_waker" })).toBe(2);
  });
});

describe("runChecks", () => {
  it("a check that throws or outlasts the timeout is false; the others keep their answer", async () => {
    const checks = await runChecks(
      {
        ok: () => true,
        throws: () => {
          throw new Error("no");
        },
        slow: () => new Promise<boolean>((r) => setTimeout(() => r(true), 500)),
      },
      50,
    );
    expect(checks).toEqual({ ok: true, throws: false, slow: false });
  });
});
