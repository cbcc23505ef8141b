import { deterministicEventId, eventSchema, type Dispatch, type EventType, type LayersEvent, type NatsNames, type Platform } from "@layers/contracts";
import { hopHeaders, type HopContext } from "@layers/runtime";
import type { JetStreamClient } from "@nats-io/jetstream";
import type { EntityRef, Outcome } from "./db/outcome.repository.ts";

function event(type: EventType, causeId: string, at: Date, data: LayersEvent["data"]): LayersEvent {
  // Ids derive from the cause, so a redelivery that re-emits produces the same id and is deduped.
  return eventSchema.parse({ id: deterministicEventId(causeId, type), type, createdAt: at.toISOString(), data });
}

/** The partner-visible events of one recorded outcome: `ads.write.executed` and the approval pair. */
export function outcomeEvents(d: Dispatch, campaignId: string | undefined, o: Outcome, at: Date, entity?: EntityRef): LayersEvent[] {
  const base = {
    organizationId: d.organizationId,
    projectId: d.projectId,
    layerId: d.layerId,
    platform: d.platform,
    operation: d.operation,
    campaignId,
    jobId: d.jobId,
    verdictId: d.verdictId,
    intentId: d.intentId,
    ...(entity && entity.kind !== "campaign" ? { entityKind: entity.kind, entityId: entity.id } : {}),
  };
  const out: LayersEvent[] = [];
  if (o.kind === "landed") {
    const ids = entity && entity.kind !== "campaign" ? { platformId: o.platformId } : { platformId: o.platformId, platformCampaignId: o.platformId };
    out.push(event("ads.write.executed", d.intentId, at, { ...base, ...ids, pendingActionId: d.pendingActionId }));
    if (d.pendingActionId) {
      out.push(event("approval.dispatched", d.intentId, at, { ...base, pendingActionId: d.pendingActionId, ...ids, dispatchedAt: at.toISOString() }));
    }
  } else if (d.pendingActionId) {
    out.push(event("approval.dispatch_failed", d.intentId, at, { ...base, pendingActionId: d.pendingActionId, reason: o.code, message: o.message }));
  }
  return out;
}

/** Once per connection of the account: the id derives from the account and when it was connected. */
export function tokenExpiredEvent(a: { organizationId: string; projectId: string; layerId: string; platform: Platform; adAccountId: string; connectedAt: Date }, at: Date): LayersEvent {
  return event("ads.account.token_expired", `${a.adAccountId}\u0000${a.connectedAt.toISOString()}`, at, {
    organizationId: a.organizationId,
    projectId: a.projectId,
    layerId: a.layerId,
    platform: a.platform,
    adAccountId: a.adAccountId,
  });
}

export async function publishEvents(js: JetStreamClient, names: NatsNames, ctx: HopContext, events: readonly LayersEvent[]): Promise<void> {
  await Promise.all(
    events.map((e) => js.publish(names.subjects.event(e.type), JSON.stringify(e), { msgID: e.id, headers: hopHeaders(ctx) })),
  );
}

/** Rebuilds the outcome a finished intent recorded, to re-emit its events after a crash between commit and publish. */
export function storedOutcome(state: string, platformResult: Record<string, unknown> | null, failureReason: string | null): Outcome | undefined {
  const platformId = platformResult?.platformId ?? platformResult?.platformCampaignId;
  if (state === "dispatched" && typeof platformId === "string") {
    return { kind: "landed", platformId, reconciled: platformResult?.reconciled === true, created: false, row: {} };
  }
  if ((state === "failed" || state === "dead") && failureReason) {
    const i = failureReason.indexOf(": ");
    return { kind: state, code: i > 0 ? failureReason.slice(0, i) : "unknown", message: i > 0 ? failureReason.slice(i + 2) : failureReason };
  }
  return undefined;
}
