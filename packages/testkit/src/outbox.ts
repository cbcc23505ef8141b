import { setTimeout as sleep } from "node:timers/promises";
import { startOutboxRelay, type OutboxRelay } from "@layers/lifecycle";
import type { TestEnv } from "./test-env.ts";

/** The event outbox relay on a test's database and namespace (in production the gate process hosts it). */
export function startTestOutboxRelay(env: TestEnv): OutboxRelay {
  return startOutboxRelay({ db: env.db, databaseUrl: env.databaseUrl, js: env.nats.js, names: env.names, log: env.log, intervalMs: 100, batchSize: 500, retainMs: 86_400_000 });
}

/**
 * Waits until every event stored so far has been published (the relay publishes right after
 * commit): tests that read the events stream call it first, so they see what was stored.
 */
export async function outboxDrained(env: TestEnv, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const r = await env.db.selectFrom("event_outbox").select((eb) => eb.fn.countAll<number>().as("n")).where("published_at", "is", null).executeTakeFirstOrThrow();
    if (Number(r.n) === 0) return;
    if (Date.now() > until) throw new Error(`${r.n} outbox events still unpublished after ${timeoutMs} ms`);
    await sleep(20);
  }
}
