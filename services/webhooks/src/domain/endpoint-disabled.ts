import { deterministicEventId, eventSchema, type LayersEvent } from "@layers/contracts";

export type DisableCause = "gone" | "failing";

export interface DisabledEndpoint {
  id: string;
  organizationId: string;
  url: string;
  reason: string;
  disabledAt: Date;
  /** Start of the run of failures that led here (null for a 410 after a success). */
  failingSince: Date | null;
}

/**
 * `webhook.endpoint.disabled`, sent to the org's other enabled endpoints. The id derives from the
 * endpoint and the moment it was disabled, so every copy of this one disabling carries the same id.
 */
export function endpointDisabledEvent(e: DisabledEndpoint, cause: DisableCause): LayersEvent {
  const disabledAt = e.disabledAt.toISOString();
  return eventSchema.parse({
    id: deterministicEventId(e.id, "webhook.endpoint.disabled", disabledAt),
    type: "webhook.endpoint.disabled",
    createdAt: disabledAt,
    data: {
      organizationId: e.organizationId,
      endpointId: e.id,
      url: e.url,
      cause,
      reason: e.reason,
      failingSince: e.failingSince?.toISOString() ?? null,
      disabledAt,
    },
  });
}

/** "5 d", "3 h", "90 s", "250 ms": the largest unit that divides the span evenly. */
export function formatSpan(ms: number): string {
  const units: Array<[number, string]> = [
    [86_400_000, "d"],
    [3_600_000, "h"],
    [60_000, "min"],
    [1_000, "s"],
  ];
  for (const [size, name] of units) if (ms >= size && ms % size === 0) return `${ms / size} ${name}`;
  return `${ms} ms`;
}
