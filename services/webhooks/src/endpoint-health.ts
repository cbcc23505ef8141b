import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { LayersEvent, NatsNames } from "@layers/contracts";
import type { Database } from "@layers/db";
import { childTraceparent, hopHeaders, type Logger } from "@layers/runtime";
import type { JetStreamClient } from "@nats-io/jetstream";
import { fanOutEvent } from "./db/fan-out.repository.ts";
import { disableEndpoint } from "./db/record.repository.ts";
import { endpointDisabledEvent, type DisableCause } from "./domain/endpoint-disabled.ts";

export interface DisableNotice {
  event: LayersEvent;
  /** Deliveries of the notice created (one per other matching endpoint of the org). */
  deliveries: number;
}

/**
 * In the caller's transaction (the one recording the attempt that decided it): disables the
 * endpoint, fails its pending deliveries, stores the `webhook.endpoint.disabled` event and creates
 * its deliveries to the org's other endpoints, so a crash can lose neither the state nor the notice.
 * Undefined when the endpoint was already disabled or deleted.
 */
export async function disableWithNotice(trx: Kysely<Database>, endpointId: string, cause: DisableCause, reason: string, firstDelayMs: number): Promise<DisableNotice | undefined> {
  const ep = await disableEndpoint(trx, endpointId, reason);
  if (!ep) return undefined;
  const event = endpointDisabledEvent(
    { id: ep.id, organizationId: ep.organization_id, url: ep.url, reason, disabledAt: ep.disabled_at ?? new Date(), failingSince: ep.failing_since },
    cause,
  );
  return { event, deliveries: await fanOutEvent(trx, event, firstDelayMs) };
}

/**
 * After the commit: the notice also goes to the events stream (same id, so JetStream dedupes it and
 * our own fan-out of it changes nothing). A failure here loses only the stream's copy.
 */
export async function publishNotice(deps: { js: JetStreamClient; names: NatsNames; log: Logger }, notice: DisableNotice): Promise<void> {
  const ctx = { requestId: `webhooks-${randomUUID()}`, traceparent: childTraceparent() };
  try {
    await deps.js.publish(deps.names.subjects.event(notice.event.type), JSON.stringify(notice.event), { msgID: notice.event.id, headers: hopHeaders(ctx) });
  } catch (err) {
    deps.log.warn({ err, eventId: notice.event.id }, "could not publish webhook.endpoint.disabled to the events stream; it is stored and delivered");
  }
}
