import type { Transaction } from "kysely";
import { deterministicEventId, eventSchema, type EventType } from "@layers/contracts";
import type { Database } from "@layers/db";
import { enqueueEvents, type OutboxEvent } from "@layers/lifecycle";
import type { RequestContext } from "./submit-write.ts";

/**
 * Builds a partner-visible event and stores it in the event outbox, inside the transaction of the
 * state change it reports: the change never commits without its event, and the outbox relay
 * publishes it. The id derives from the
 * cause, so the event has one id however often it is published.
 */
export async function stageEvent(
  trx: Transaction<Database>,
  type: EventType,
  causeId: string,
  data: { organizationId: string } & Record<string, unknown>,
  ctx: RequestContext,
): Promise<OutboxEvent> {
  const event = eventSchema.parse({ id: deterministicEventId(causeId, type), type, createdAt: new Date().toISOString(), data });
  const staged: OutboxEvent = { event, requestId: ctx.requestId, traceparent: ctx.traceparent };
  await enqueueEvents(trx, [staged]);
  return staged;
}
