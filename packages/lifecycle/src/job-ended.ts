import { deterministicEventId, eventSchema, jobEndedDataSchema, type JobEndedData, type LayersEvent } from "@layers/contracts";
import type { OutboxEvent } from "./outbox.ts";

const TYPE = { completed: "job.completed", failed: "job.failed", canceled: "job.canceled" } as const;

/**
 * The webhook event of a move that ends a job (`job.completed`, `job.failed`, `job.canceled`), for
 * the outbox in the move's own statement. Its id derives from the intent that ended the job and
 * the type, so storing it again (a redelivery, a replayed decision) yields the same id and is dropped.
 */
export function jobEnded(data: JobEndedData, at: Date): LayersEvent {
  const type = TYPE[data.status];
  return eventSchema.parse({ id: deterministicEventId(data.intentId, type), type, createdAt: at.toISOString(), data: jobEndedDataSchema.parse(data) });
}

/** `jobEnded` as an outbox row, with the hop that caused it. */
export function jobEndedEvent(data: JobEndedData, at: Date, hop: { requestId: string | null; traceparent: string | null }): OutboxEvent {
  return { event: jobEnded(data, at), requestId: hop.requestId, traceparent: hop.traceparent };
}
