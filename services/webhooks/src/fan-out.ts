import { eventSchema, type NatsNames } from "@layers/contracts";
import { recordDeadLetter, type Db } from "@layers/db";
import { ensureDurable, runConsumer, type Logger, type NatsHandles, type RunningConsumer } from "@layers/runtime";
import { fanOutEvent } from "@layers/webhook-store";

export interface FanOutDeps {
  db: Db;
  nats: NatsHandles;
  names: NatsNames;
  log: Logger;
  concurrency: number;
  ackWaitMs: number;
  /** Delay before a new delivery's first attempt (the ladder's first entry). */
  firstDelayMs: number;
  wake: () => void;
}

/**
 * Failures here are Postgres being away: retried with a widening delay for about a day before the
 * event is dead-lettered (an event that misses its webhooks is worse than a slow one). Malformed
 * events go to the dead letters at once.
 */
const FAN_OUT_RETRY = { maxAttempts: 1_000, backoffMs: [250, 1_000, 5_000, 15_000, 30_000, 60_000, 90_000] };

/**
 * The durable `webhooks` consumer of the events stream: stores each event and creates its
 * deliveries, then acks (via runConsumer). Any number of instances share the durable.
 */
export async function startFanOut(deps: FanOutDeps): Promise<RunningConsumer> {
  const stream = deps.names.streams.events;
  const durable = deps.names.consumers.webhooks;
  await ensureDurable(deps.nats.jsm, {
    stream,
    durable,
    filterSubject: deps.names.subjects.eventsAll,
    ackWaitMs: deps.ackWaitMs,
    maxAckPending: 1_000,
  });
  return runConsumer({
    js: deps.nats.js,
    stream,
    durable,
    schema: eventSchema,
    concurrency: deps.concurrency,
    retry: FAN_OUT_RETRY,
    log: deps.log,
    handle: async (event, ctx) => {
      const created = await deps.db.transaction().execute((trx) => fanOutEvent(trx, event, deps.firstDelayMs, ctx.traceparent));
      ctx.log.debug({ eventId: event.id, type: event.type, deliveries: created }, "event fanned out");
      if (created > 0) deps.wake();
      return { kind: "done" };
    },
    deadLetter: (dl) => recordDeadLetter(deps.db, dl),
  });
}
