import type { JetStreamClient } from "@nats-io/jetstream";
import type { NatsNames } from "@layers/contracts";
import { markEventPublished, type Db, type OutboxEvent } from "@layers/db";
import { hopHeaders, type Logger } from "@layers/runtime";

export interface EventDeps {
  db: Db;
  js: JetStreamClient;
  names: NatsNames;
  log: Logger;
}

/**
 * Publishes an event staged by `stageEvent`, after its transaction committed, and marks it
 * published. A failure is only logged: the row stays unpublished and the gate's event relay
 * publishes it (msg id = event id, so JetStream keeps one copy whoever publishes).
 */
export async function publishEvent(deps: EventDeps, staged: OutboxEvent): Promise<void> {
  const { event } = staged;
  try {
    await deps.js.publish(deps.names.subjects.event(event.type), JSON.stringify(event), {
      msgID: event.id,
      headers: hopHeaders({ requestId: staged.requestId ?? event.id, traceparent: staged.traceparent ?? "" }),
    });
  } catch (err) {
    deps.log.warn({ err, eventId: event.id, type: event.type }, "event stored but not published; the gate's event relay will publish it");
    return;
  }
  try {
    await markEventPublished(deps.db, event.id);
  } catch (err) {
    deps.log.warn({ err, eventId: event.id }, "event published but not marked; the relay will publish it again (deduplicated)");
  }
}
