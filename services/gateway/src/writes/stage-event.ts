import type { Transaction } from "kysely";
import { deterministicEventId, eventSchema, type EventType } from "@layers/contracts";
import { enqueueEvent, type Database, type OutboxEvent } from "@layers/db";
import type { RequestContext } from "./submit-write.ts";

/**
 * Builds a partner-visible event and stores it in the event outbox, inside the transaction of the
 * state change it reports: the change never commits without its event. The id derives from the
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
  await enqueueEvent(trx, staged);
  return staged;
}
