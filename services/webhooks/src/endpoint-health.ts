import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { LayersEvent } from "@layers/contracts";
import type { Database } from "@layers/db";
import { enqueueEvents } from "@layers/lifecycle";
import { disableEndpoint, fanOutEvent } from "@layers/webhook-store";
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
 * The event also goes into the one outbox in the same transaction, and the relay puts it on the
 * events stream like every other event (same id: our own fan-out of it then changes nothing).
 * Undefined when the endpoint was already disabled or deleted.
 */
export async function disableWithNotice(trx: Kysely<Database>, endpointId: string, cause: DisableCause, reason: string, firstDelayMs: number): Promise<DisableNotice | undefined> {
  const ep = await disableEndpoint(trx, endpointId, reason);
  if (!ep) return undefined;
  const event = endpointDisabledEvent(
    { id: ep.id, organizationId: ep.organization_id, url: ep.url, reason, disabledAt: ep.disabled_at ?? new Date(), failingSince: ep.failing_since },
    cause,
  );
  const deliveries = await fanOutEvent(trx, event, firstDelayMs);
  await enqueueEvents(trx, [{ event, requestId: `webhooks-${randomUUID()}`, traceparent: null }]);
  return { event, deliveries };
}
