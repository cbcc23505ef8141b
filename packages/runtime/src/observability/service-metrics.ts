import { Counter, Gauge, Histogram, type Registry } from "prom-client";

/** Seconds; from a fast Postgres-only answer to a platform call that waited on retries. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** HTTP requests of the public API, by route template (never the raw URL: ids would explode cardinality). */
export interface HttpMetrics {
  observe(r: { method: string; route: string; status: number; seconds: number }): void;
}

export function httpMetrics(registry: Registry): HttpMetrics {
  const total = new Counter({ name: "http_requests_total", help: "HTTP requests answered, by route template and status", labelNames: ["method", "route", "status"], registers: [registry] });
  const duration = new Histogram({
    name: "http_request_duration_seconds",
    help: "HTTP request latency, by route template and status",
    labelNames: ["method", "route", "status"],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  return {
    observe({ method, route, status, seconds }) {
      const labels = { method, route, status: String(status) };
      total.inc(labels);
      duration.observe(labels, seconds);
    },
  };
}

/** The gate's verdicts (fresh decisions only: a redelivered intent's replayed verdict is not counted twice). */
export interface GateMetrics {
  decided(d: { decision: string; reason: string; platform: string }): void;
}

export function gateMetrics(registry: Registry): GateMetrics {
  const decisions = new Counter({ name: "gate_decisions_total", help: "Gate decisions, by decision, reason and platform", labelNames: ["decision", "reason", "platform"], registers: [registry] });
  return { decided: (d) => decisions.inc(d) };
}

/** Outcome of one dispatch attempt: landed, failed (permanent), dead (attempts exhausted), retry (back to the stream). */
export type DispatchOutcome = "landed" | "failed" | "dead" | "retry";

export interface DispatchMetrics {
  /** One claimed attempt, from claim to recorded outcome. */
  attempt(platform: string, outcome: DispatchOutcome, seconds: number): void;
  /** The platform refused for rate reasons (the attempt then retries). */
  throttled(platform: string): void;
  /**
   * A write waits for its account's call budget: `left_to_waker` when its account is scheduled and
   * the message was acked unopened, `deferred` when a draw found no room (claimed, then sent back).
   */
  budgetWait(platform: string, how: "left_to_waker" | "deferred"): void;
}

export function dispatchMetrics(registry: Registry): DispatchMetrics {
  const attempts = new Counter({ name: "dispatch_attempts_total", help: "Dispatch attempts, by platform and outcome", labelNames: ["platform", "outcome"], registers: [registry] });
  const duration = new Histogram({
    name: "dispatch_duration_seconds",
    help: "Dispatch attempt latency (claim to recorded outcome), by platform and outcome",
    labelNames: ["platform", "outcome"],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const retries = new Counter({ name: "dispatch_retries_total", help: "Dispatch attempts that went back to the stream to retry later, by platform", labelNames: ["platform"], registers: [registry] });
  const throttles = new Counter({ name: "platform_throttles_total", help: "Platform rate refusals seen by dispatch attempts, by platform", labelNames: ["platform"], registers: [registry] });
  const budgetWaits = new Counter({
    name: "dispatch_budget_waits_total",
    help: "Writes that wait for their account's call budget, by platform and how (left_to_waker: acked unopened; deferred: sent back after a draw)",
    labelNames: ["platform", "how"],
    registers: [registry],
  });
  return {
    attempt(platform, outcome, seconds) {
      attempts.inc({ platform, outcome });
      duration.observe({ platform, outcome }, seconds);
      if (outcome === "retry") retries.inc({ platform });
    },
    throttled: (platform) => throttles.inc({ platform }),
    budgetWait: (platform, how) => budgetWaits.inc({ platform, how }),
  };
}

/** Webhook delivery attempts, by outcome (succeeded / retrying / failed), with latency. */
export interface WebhookMetrics {
  attempt(outcome: "succeeded" | "retrying" | "failed", seconds: number): void;
  endpointDisabled(): void;
}

export function webhookMetrics(registry: Registry): WebhookMetrics {
  const attempts = new Counter({ name: "webhook_attempts_total", help: "Webhook delivery attempts, by outcome", labelNames: ["outcome"], registers: [registry] });
  const duration = new Histogram({ name: "webhook_attempt_duration_seconds", help: "Webhook delivery attempt latency, by outcome", labelNames: ["outcome"], buckets: LATENCY_BUCKETS, registers: [registry] });
  const disabled = new Counter({ name: "webhook_endpoints_disabled_total", help: "Webhook endpoints disabled for failing (410 or failing too long)", registers: [registry] });
  return {
    attempt(outcome, seconds) {
      attempts.inc({ outcome });
      duration.observe({ outcome }, seconds);
    },
    endpointDisabled: () => disabled.inc(),
  };
}

/**
 * A gauge read at scrape time. A reader that fails does not fail the scrape: a labelled gauge has
 * no series that time, an unlabelled one reads NaN (never a reassuring 0).
 */
export function scrapeGauge(
  registry: Registry,
  spec: { name: string; help: string; labelNames?: string[] },
  read: () => Promise<Array<{ labels?: Record<string, string>; value: number }>>,
): Gauge {
  return new Gauge({
    name: spec.name,
    help: spec.help,
    labelNames: spec.labelNames ?? [],
    registers: [registry],
    async collect() {
      this.reset();
      try {
        for (const s of await read()) this.set(s.labels ?? {}, s.value);
      } catch {
        // A dependency that is down must not break the whole scrape; readiness reports it.
        if ((spec.labelNames ?? []).length === 0) this.set(Number.NaN);
      }
    },
  });
}
