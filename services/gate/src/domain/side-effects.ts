import {
  deterministicEventId,
  isPlatformBound,
  type Decision,
  type DecisionAxis,
  type DenyReason,
  type Dispatch,
  type EventType,
  type LayersEvent,
  type NatsNames,
  type Verdict,
  type WriteIntent,
} from "@layers/contracts";
import { jobEnded } from "@layers/lifecycle";

/** One decision as stored: enough to publish everything that follows from it, again and again identically. */
export interface DecisionRecord {
  intent: WriteIntent;
  verdictId: string;
  decision: Decision;
  reason: DenyReason | null;
  axis: DecisionAxis;
  pendingActionId: string | null;
  decidedAt: Date;
  /** The layer currency, carried on the dispatch. */
  currency: string;
  /** The write's Layers ad account (the campaign's, or a campaign create's own), carried on the dispatch; null when unknown. */
  adAccountId: string | null;
  /** Policy operations: the state after the change. */
  result: Record<string, unknown> | null;
  /** Where the accepting gateway waits for the verdict (null: nobody waits). */
  replyTo: string | null;
  /** True while the intent is `allowed`: once a dispatcher holds it, the dispatch is not published again. */
  awaitingDispatch: boolean;
}

export interface JetStreamPublish<T> {
  subject: string;
  msgID: string;
  body: T;
}

export interface Effects {
  dispatch: JetStreamPublish<Dispatch> | null;
  events: JetStreamPublish<LayersEvent>[];
  /** Core NATS, after everything else. */
  verdict: { subject: string; body: Verdict } | null;
}

/**
 * Everything a decision publishes. Derived only from the stored decision, so a redelivered intent
 * re-emits the same messages with the same msg ids and event ids.
 */
/** The error a denied write's job carries (and its `job.failed` event). */
export function deniedJobError(reason: string | null): { code: string; message: string; reason?: string } {
  return { code: "AUTHORITY_DENIED", message: `The authority gate denied this write (${reason ?? "denied"}).`, ...(reason ? { reason } : {}) };
}

export function effectsOf(r: DecisionRecord, names: NatsNames): Effects {
  const { intent } = r;
  const pendingActionId = r.pendingActionId ?? undefined;
  const campaignId = typeof intent.params.campaignId === "string" ? intent.params.campaignId : undefined;

  const dispatch: JetStreamPublish<Dispatch> | null =
    r.decision === "allow" && isPlatformBound(intent.operation) && r.awaitingDispatch
      ? {
          subject: names.subjects.dispatch(intent.platform),
          msgID: intent.intentId,
          body: {
            intentId: intent.intentId,
            jobId: intent.jobId,
            verdictId: r.verdictId,
            organizationId: intent.organizationId,
            projectId: intent.projectId,
            layerId: intent.layerId,
            platform: intent.platform,
            operation: intent.operation,
            entityKey: intent.entityKey,
            entitySeq: intent.entitySeq,
            params: intent.params,
            currency: r.currency,
            ...(r.adAccountId ? { adAccountId: r.adAccountId } : {}),
            ...(pendingActionId ? { pendingActionId } : {}),
            requestId: intent.requestId,
          },
        }
      : null;

  const base = {
    organizationId: intent.organizationId,
    projectId: intent.projectId,
    layerId: intent.layerId,
    platform: intent.platform,
    intentId: intent.intentId,
    jobId: intent.jobId,
    verdictId: r.verdictId,
    operation: intent.operation,
    ...(campaignId ? { campaignId } : {}),
    actor: intent.actor,
  };
  const event = (type: EventType, data: Record<string, unknown>): JetStreamPublish<LayersEvent> => {
    const id = deterministicEventId(intent.intentId, type);
    return {
      subject: names.subjects.event(type),
      msgID: id,
      body: { id, type, createdAt: r.decidedAt.toISOString(), data: { ...base, ...data } },
    };
  };

  const events: JetStreamPublish<LayersEvent>[] = [];
  if (r.decision === "deny") {
    events.push(event("ads.write.denied", { reason: r.reason }));
    if (r.reason === "budget_cap_exceeded") {
      events.push(event("ads.budget.cap_exceeded", { reason: r.reason, dailyBudgetCents: intent.params.dailyBudgetCents }));
    }
    if (intent.source === "approval" && pendingActionId) {
      events.push(event("approval.dispatch_failed", { pendingActionId, reason: r.reason }));
    }
  }
  if (r.decision === "allow" && intent.operation === "set_kill_switch") {
    const active = intent.params.active === true;
    const reason = typeof intent.params.reason === "string" ? intent.params.reason : null;
    events.push(event(active ? "kill_switch.tripped" : "kill_switch.released", { active, reason }));
  }

  // The decisions that end the job: a deny, or a policy change applied (a platform write's job ends at its dispatcher).
  if (r.decision === "deny" || (r.decision === "allow" && !isPlatformBound(intent.operation))) {
    const ended = jobEnded(
      {
        organizationId: intent.organizationId,
        projectId: intent.projectId,
        jobId: intent.jobId,
        intentId: intent.intentId,
        status: r.decision === "deny" ? "failed" : "completed",
        error: r.decision === "deny" ? deniedJobError(r.reason) : null,
        verdictId: r.verdictId,
      },
      r.decidedAt,
    );
    events.push({ subject: names.subjects.event(ended.type), msgID: ended.id, body: ended });
  }

  const verdict: Effects["verdict"] = r.replyTo
    ? {
        subject: r.replyTo,
        body: {
          intentId: intent.intentId,
          jobId: intent.jobId,
          verdictId: r.verdictId,
          decision: r.decision,
          ...(r.reason ? { reason: r.reason } : {}),
          axis: r.axis,
          ...(pendingActionId ? { pendingActionId } : {}),
          ...(r.result ? { result: r.result } : {}),
        },
      }
    : null;

  return { dispatch, events, verdict };
}
