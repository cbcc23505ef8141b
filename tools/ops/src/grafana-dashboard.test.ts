import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createMetricsRegistry, dispatchMetrics, gateMetrics, httpMetrics, observeOutboxAge, observePool, scrapeGauge, webhookMetrics } from "@layers/runtime";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

/** The dashboard only queries series the services export (a renamed metric breaks this test, not the dashboard). */
describe("deploy/grafana dashboard", () => {
  it("every metric a panel queries is one the services register", async () => {
    const registry = createMetricsRegistry("all");
    httpMetrics(registry);
    gateMetrics(registry);
    dispatchMetrics(registry);
    webhookMetrics(registry);
    observePool(registry, () => ({ total: 0, idle: 0, waiting: 0, max: 0 }));
    observeOutboxAge(registry, async () => 0);
    // Registered in the services' main.ts (consumer lag needs a live JetStream; endpoint states a database).
    for (const name of ["jetstream_consumer_pending_messages", "jetstream_consumer_ack_pending_messages", "webhook_endpoints"]) scrapeGauge(registry, { name, help: name }, async () => []);
    const known = new Set<string>();
    for (const m of await registry.getMetricsAsJSON()) {
      known.add(m.name);
      if (String(m.type) === "histogram") for (const s of ["_bucket", "_sum", "_count"]) known.add(m.name + s);
    }

    const dashboard = JSON.parse(readFileSync(join(root, "deploy/grafana/layers-ads.json"), "utf8"));
    const exprs: string[] = dashboard.panels.flatMap((p: any) => (p.targets ?? []).map((t: any) => t.expr));
    expect(exprs.length).toBeGreaterThan(10);
    const FUNCS = new Set(["sum", "by", "rate", "max", "histogram_quantile", "le", "route", "status", "namespace", "decision", "reason", "platform", "outcome", "durable", "state", "service"]);
    const used = new Set(exprs.flatMap((e) => (e.replace(/"[^"]*"/g, "").match(/[a-z_][a-z0-9_]*/g) ?? []).filter((w) => !FUNCS.has(w) && w !== "__rate_interval")));
    expect([...used].filter((m) => !known.has(m)), "metrics the services do not export").toEqual([]);
    // …and every family the services export is on the dashboard somewhere.
    for (const family of ["http_requests_total", "gate_decisions_total", "dispatch_attempts_total", "platform_throttles_total", "jetstream_consumer_pending_messages", "outbox_oldest_unpublished_age_seconds", "webhook_attempts_total", "webhook_endpoints", "pg_pool_connections"]) {
      expect(used.has(family), family).toBe(true);
    }
  });
});
