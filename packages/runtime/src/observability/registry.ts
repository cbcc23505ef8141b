import { collectDefaultMetrics, Registry } from "prom-client";

/**
 * One Prometheus registry per process (never prom-client's global one, so tests can run several
 * services in one process). Every series carries `service`; the Node defaults include the event
 * loop lag (`nodejs_eventloop_lag_seconds`, `nodejs_eventloop_lag_p99_seconds`).
 */
export function createMetricsRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
  return registry;
}

export type { Registry } from "prom-client";
