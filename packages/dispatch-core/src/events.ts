import { deterministicEventId, eventSchema, type Dispatch, type EventType, type LayersEvent, type Platform } from "@layers/contracts";
import type { HopContext } from "@layers/runtime";
import { jobEnded, type EntityRef, type Outcome, type OutboxEvent, type Superseder } from "@layers/lifecycle";

function event(type: EventType, causeId: string, at: Date, data: LayersEvent["data"]): LayersEvent {
  // Ids derive from the cause, so a redelivery that re-emits produces the same id and is deduped.
  return eventSchema.parse({ id: deterministicEventId(causeId, type), type, createdAt: at.toISOString(), data });
}

/** What every event about one write says of it: where it belongs, what it did, which job and verdict. */
function writeData(d: Dispatch, campaignId: string | undefined, entity?: EntityRef) {
  return {
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
}

/** The partner-visible events of one recorded outcome: `ads.write.executed`, the approval pair, and `job.completed` / `job.failed`. */
export function outcomeEvents(d: Dispatch, campaignId: string | undefined, o: Outcome, at: Date, entity?: EntityRef): LayersEvent[] {
  const base = writeData(d, campaignId, entity);
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
  // The job's error is the one recordOutcome stores on it.
  const error = o.kind === "landed" ? null : { code: "PLATFORM_ERROR", message: o.message, reason: o.code };
  out.push(jobEnded({ organizationId: d.organizationId, projectId: d.projectId, jobId: d.jobId, intentId: d.intentId, status: o.kind === "landed" ? "completed" : "failed", error, verdictId: d.verdictId }, at));
  return out;
}

/** A write closed as superseded: `ads.write.superseded`, naming the write whose value replaces it, and `job.completed`. Nothing was sent. */
export function supersededEvents(d: Dispatch, campaignId: string | undefined, by: Superseder, at: Date, entity?: EntityRef): LayersEvent[] {
  return [
    event("ads.write.superseded", d.intentId, at, {
      ...writeData(d, campaignId, entity),
      supersededByJobId: by.jobId,
      supersededByIntentId: by.intentId,
    }),
    // Its job ends `completed` (result `superseded`), and every ended job is announced the same way.
    jobEnded({ organizationId: d.organizationId, projectId: d.projectId, jobId: d.jobId, intentId: d.intentId, status: "completed", error: null, verdictId: d.verdictId }, at),
  ];
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

/** Events as outbox rows, with the hop that caused them (the relay publishes them with it). */
export function asOutbox(events: readonly LayersEvent[], ctx: HopContext): OutboxEvent[] {
  return events.map((event) => ({ event, requestId: ctx.requestId, traceparent: ctx.traceparent }));
}
