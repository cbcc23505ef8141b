import type { JetStreamManager } from "@nats-io/jetstream";
import type { Registry } from "prom-client";
import { scrapeGauge } from "./service-metrics.ts";

export interface DurableRef {
  stream: string;
  durable: string;
}

/**
 * Consumer lag per durable, read from JetStream at scrape time: `pending` messages not yet
 * delivered and `ack_pending` delivered but unacked. The consumer info request is answered by the
 * consumer's leader, so in a cluster the numbers are the leader's.
 */
export function observeConsumerLag(registry: Registry, jsm: JetStreamManager, durables: DurableRef[]): void {
  const read = async () => Promise.all(durables.map(async (d) => ({ d, info: await jsm.consumers.info(d.stream, d.durable) })));
  // Both gauges share one round of info requests per scrape (kept for a second).
  let last: { at: number; result: ReturnType<typeof read> } | undefined;
  const once = () => {
    if (!last || Date.now() - last.at > 1_000) last = { at: Date.now(), result: read() };
    return last.result;
  };
  scrapeGauge(registry, { name: "jetstream_consumer_pending_messages", help: "Messages in the stream not yet delivered to the durable", labelNames: ["stream", "durable"] }, async () =>
    (await once()).map(({ d, info }) => ({ labels: { stream: d.stream, durable: d.durable }, value: info.num_pending })),
  );
  scrapeGauge(registry, { name: "jetstream_consumer_ack_pending_messages", help: "Messages delivered to the durable and not yet acked", labelNames: ["stream", "durable"] }, async () =>
    (await once()).map(({ d, info }) => ({ labels: { stream: d.stream, durable: d.durable }, value: info.num_ack_pending })),
  );
}

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
  max: number;
}

/** Postgres pool use: connections open, idle, callers waiting for one, and the pool's size. */
export function observePool(registry: Registry, stats: () => PoolStats): void {
  scrapeGauge(registry, { name: "pg_pool_connections", help: "Postgres pool connections, by state (total, idle, waiting callers, max)", labelNames: ["state"] }, async () => {
    const s = stats();
    return [
      { labels: { state: "total" }, value: s.total },
      { labels: { state: "idle" }, value: s.idle },
      { labels: { state: "waiting" }, value: s.waiting },
      { labels: { state: "max" }, value: s.max },
    ];
  });
}

/** Age in seconds of the oldest unpublished event outbox row (0 when the outbox is drained). */
export function observeOutboxAge(registry: Registry, oldestAgeSeconds: () => Promise<number>): void {
  scrapeGauge(registry, { name: "outbox_oldest_unpublished_age_seconds", help: "Age of the oldest event outbox row not yet published to JetStream" }, async () => [
    { value: await oldestAgeSeconds() },
  ]);
}
