import type { JetStreamClient } from "@nats-io/jetstream";
import { deterministicEventId, eventSchema, type EventType, type NatsNames } from "@layers/contracts";
import { hopHeaders, type Logger } from "@layers/runtime";
import type { RequestContext } from "./submit-write.ts";

export interface EventDeps {
  js: JetStreamClient;
  names: NatsNames;
  log: Logger;
}

/**
 * Publishes a partner-visible event. The id derives from its cause, so a retried request
 * re-emitting it is deduplicated by JetStream and by receivers. Best effort: a failure is logged,
 * the state change it reports is already committed.
 */
export async function publishEvent(
  deps: EventDeps,
  type: EventType,
  causeId: string,
  data: { organizationId: string } & Record<string, unknown>,
  ctx: RequestContext,
): Promise<string> {
  const event = eventSchema.parse({ id: deterministicEventId(causeId, type), type, createdAt: new Date().toISOString(), data });
  try {
    await deps.js.publish(deps.names.subjects.event(type), JSON.stringify(event), { msgID: event.id, headers: hopHeaders(ctx) });
  } catch (err) {
    deps.log.error({ err, eventId: event.id, type }, "could not publish event");
  }
  return event.id;
}
