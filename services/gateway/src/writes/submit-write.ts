import type { JetStreamClient } from "@nats-io/jetstream";
import { HEADERS, type Actor, type NatsNames, type Operation, type Platform, type Verdict, type WriteAccepted, type WriteIntent } from "@layers/contracts";
import type { Db } from "@layers/db";
import { acceptWrite } from "@layers/lifecycle";
import { hopHeaders, type Logger } from "@layers/runtime";
import type { IdemClaim } from "../repositories/idempotency.repository.ts";
import { acceptedAnswer, type WriteIds } from "./accepted-answer.ts";
import { holdAnswer, type HttpAnswer } from "./hold-answer.ts";
import type { VerdictWaiter } from "./verdict-waiter.ts";

export interface WriteDeps {
  db: Db;
  js: JetStreamClient;
  names: NatsNames;
  waiter: VerdictWaiter;
  verdictTimeoutMs: number;
  log: Logger;
  /** Absolute base for Location headers; relative when unset. */
  publicBaseUrl?: string | undefined;
}

export interface RequestContext {
  requestId: string;
  traceparent: string;
  /** The request's idempotency key, when it sent one: the write holds its answer on it. */
  idem?: IdemClaim | null;
}

export interface WriteRequest {
  organizationId: string;
  projectId: string;
  layerId: string;
  platform: Platform;
  operation: Operation;
  /** `campaign:<cmp id>` for campaign writes (create included), `layer:<lyr id>` for layer policy. */
  entityKey: string;
  params: Record<string, unknown>;
  actor: Actor;
  source?: "api" | "approval";
  pendingActionId?: string;
  existingJobId?: string;
}

export interface WriteOutcome {
  intent: WriteIntent;
  /** Null when the gate did not answer in time: the write is accepted and the verdict lands on the job. */
  verdict: Verdict | null;
  /** The write's `202 accepted` answer: sent on timeout, and held on the idempotency key since the accept. */
  accepted: HttpAnswer<WriteAccepted>;
}

export { entityKeyOfCampaign } from "@layers/contracts";
export function entityKeyOfLayer(layerId: string): string {
  return `layer:${layerId}`;
}

/** The intent fields acceptWrite needs, from a write request and the HTTP request's context. */
export function intentInput(w: WriteRequest, ctx: RequestContext, waiter: VerdictWaiter) {
  return {
    intent: {
      organizationId: w.organizationId,
      projectId: w.projectId,
      layerId: w.layerId,
      platform: w.platform,
      operation: w.operation,
      entityKey: w.entityKey,
      params: w.params,
      actor: w.actor,
      source: w.source ?? "api",
      ...(w.pendingActionId ? { pendingActionId: w.pendingActionId } : {}),
      requestId: ctx.requestId,
    },
    traceparent: ctx.traceparent,
    replyTo: waiter.subject,
    ...(w.existingJobId ? { existingJobId: w.existingJobId } : {}),
  };
}

/**
 * Step 1 of a write: store job + sequence + intent in one transaction (the outbox) — with the
 * `202 accepted` answer held on the idempotency key, so a retry after a crash replays it instead of
 * storing the write again — then publish and wait briefly for the gate. `ids` are repeated in
 * every answer of the write.
 */
export async function submitWrite(deps: WriteDeps, w: WriteRequest, ctx: RequestContext, ids: WriteIds = {}): Promise<WriteOutcome> {
  if (!ctx.idem) {
    // No key to hold the answer on: acceptWrite's single statement commits on its own.
    const intent = await acceptWrite(deps.db, intentInput(w, ctx, deps.waiter));
    return publishAndWait(deps, intent, acceptedAnswer(intent.jobId, ids, deps.publicBaseUrl), ctx);
  }
  const stored = await deps.db.transaction().execute(async (trx) => {
    const intent = await acceptWrite(trx, intentInput(w, ctx, deps.waiter));
    const accepted = acceptedAnswer(intent.jobId, ids, deps.publicBaseUrl);
    await holdAnswer(trx, ctx.idem, accepted);
    return { intent, accepted };
  });
  return publishAndWait(deps, stored.intent, stored.accepted, ctx);
}

/**
 * Publishes a stored intent and waits for its verdict. A failed publish is not an error: the row
 * is `accepted` and the gate's relay publishes it (same msg id), so the caller gets 202 accepted.
 */
export async function publishAndWait(deps: WriteDeps, intent: WriteIntent, accepted: HttpAnswer<WriteAccepted>, ctx: RequestContext): Promise<WriteOutcome> {
  const pending = deps.waiter.expect(intent.intentId, deps.verdictTimeoutMs);
  try {
    await deps.js.publish(deps.names.subjects.intent(intent.platform), JSON.stringify(intent), {
      msgID: intent.intentId,
      headers: hopHeaders(ctx, { [HEADERS.replyTo]: deps.waiter.subject }),
      timeout: deps.verdictTimeoutMs,
    });
  } catch (err) {
    deps.log.warn({ err, intentId: intent.intentId, requestId: ctx.requestId }, "intent stored but not published; the gate relay will publish it");
    pending.cancel();
  }
  return { intent, verdict: await pending.verdict, accepted };
}
