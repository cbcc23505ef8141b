import { setTimeout as sleep } from "node:timers/promises";
import { openToken, startHopSpan, type Logger, type WebhookMetrics } from "@layers/runtime";
import type { Db } from "@layers/db";
import { recordAttempt, recordInterrupted, type AttemptRecord, type ClaimedDelivery, type RecordOutcome } from "@layers/webhook-store";
import { formatSpan } from "./domain/endpoint-disabled.ts";
import { classify } from "./domain/outcome.ts";
import { deliveryBody, deliveryHeaders } from "./domain/payload.ts";
import { nextDelayMs, type RetryPolicy } from "./domain/retry.ts";
import { disableWithNotice, type DisableNotice } from "./endpoint-health.ts";
import { httpAttempt } from "./http-attempt.ts";

export interface DeliverDeps {
  db: Db;
  log: Logger;
  fetch: typeof fetch;
  retry: RetryPolicy;
  timeoutMs: number;
  leaseMs: number;
  disableAfterMs: number;
  allowHosts: readonly string[];
  tokenKey: string;
  /** Delay before a notice delivery's first attempt. */
  firstDelayMs: number;
  /** After the commit that disabled an endpoint (the notice is stored and in the outbox): wake the scheduler. */
  onDisabled: (notice: DisableNotice) => Promise<void>;
  /** Attempt counters and latency (main.ts registers them). */
  metrics?: WebhookMetrics;
}

/** Tries of the record step before the attempt's outcome is given up (its lease then expires). */
const RECORD_BACKOFF_MS = [100, 500, 2_000];

/**
 * One attempt of one claimed delivery: sign and POST, classify the answer, record it with the next
 * step of the ladder, and disable the endpoint on 410 or after failing for too long.
 */
export async function deliverOnce(deps: DeliverDeps, c: ClaimedDelivery): Promise<void> {
  const log = deps.log.child({ deliveryId: c.id, endpointId: c.endpointId, eventId: c.eventId, attempt: c.attemptNo });
  if (c.interruptedLeaseUntil) {
    // The previous claim's lease ran out with nothing recorded: its worker died mid-attempt.
    const claimedAt = new Date(c.interruptedLeaseUntil.getTime() - deps.leaseMs);
    await recordInterrupted(deps.db, c.id, c.attemptNo - 1, claimedAt).catch((err: unknown) => log.warn({ err }, "could not record the interrupted attempt"));
  }

  // The attempt is a client span of the write's trace (the event's stored traceparent), so one
  // trace reaches from the partner's request to each delivery, retries included.
  const span = startHopSpan(
    { name: "webhook deliver", kind: "client", attributes: { "layers.event_type": c.event.type, "layers.endpoint_id": c.endpointId, "layers.delivery_id": c.id, "layers.attempt": c.attemptNo } },
    c.traceparent,
  );
  const startedAt = new Date();
  const sent = await httpAttempt({
    url: c.url,
    timeoutMs: deps.timeoutMs,
    allowHosts: deps.allowHosts,
    fetch: deps.fetch,
    prepare: () => {
      const secrets = [openToken(c.secretEnc, deps.tokenKey)];
      if (c.previousSecretEnc) secrets.push(openToken(c.previousSecretEnc, deps.tokenKey));
      const body = deliveryBody({ id: c.eventId, type: c.event.type, organizationId: c.event.organizationId, createdAt: c.event.createdAt, payload: c.event.payload });
      // webhook-timestamp is this attempt's time: a new value (and signature) on every retry.
      return { body, headers: deliveryHeaders({ eventId: c.eventId, body, secrets, timestampSeconds: Math.floor(Date.now() / 1000) }) };
    },
  });
  const verdict = classify(sent.result, Date.now());
  span.end(verdict.outcome === "succeeded" ? undefined : new Error(verdict.error));

  let status: AttemptRecord["status"];
  let nextDelay: number | null = null;
  let error: string | null = null;
  if (verdict.outcome === "succeeded") status = "succeeded";
  else if (verdict.outcome === "gone") {
    status = "failed";
    error = verdict.error;
  } else {
    const delay = nextDelayMs(c.attemptNo, deps.retry, verdict.retryAfterMs);
    status = delay === undefined ? "failed" : "pending";
    nextDelay = delay ?? null;
    error = verdict.error;
  }

  const record: AttemptRecord = {
    deliveryId: c.id,
    endpointId: c.endpointId,
    attemptNo: c.attemptNo,
    startedAt,
    statusCode: sent.statusCode,
    latencyMs: sent.latencyMs,
    error,
    responseExcerpt: sent.responseExcerpt,
    status,
    nextDelayMs: nextDelay,
  };
  const recorded = await recordWithRetries(deps, record, verdict.outcome === "gone" ? verdict.error : undefined, log);
  if (!recorded) return;
  deps.metrics?.attempt(status === "succeeded" ? "succeeded" : status === "pending" ? "retrying" : "failed", (sent.latencyMs ?? 0) / 1000);
  if (!recorded.outcome.owned) log.warn("attempt recorded, but another claim had taken the delivery over (its lease had expired)");
  log.debug({ status, statusCode: sent.statusCode, latencyMs: sent.latencyMs, error, nextDelayMs: nextDelay }, "attempt recorded");
  if (recorded.notice) {
    deps.metrics?.endpointDisabled();
    log.warn({ reason: recorded.notice.event.data.reason, noticeId: recorded.notice.event.id }, "webhook endpoint disabled");
    await deps.onDisabled(recorded.notice);
  }
}

/**
 * Records the attempt and, when it decides so, disables the endpoint: in one transaction, so the
 * delivery's end, the endpoint's state and the notice to the org are never seen apart. `goneReason`
 * is set for a 410; otherwise a failure that ends a run longer than `disableAfterMs` disables it.
 */
async function recordAndDecide(deps: DeliverDeps, r: AttemptRecord, goneReason: string | undefined): Promise<{ outcome: RecordOutcome; notice?: DisableNotice }> {
  // A success never disables: its record is one statement, no transaction round trips needed.
  if (r.status === "succeeded") return { outcome: await recordAttempt(deps.db, r, deps.disableAfterMs) };
  return deps.db.transaction().execute(async (trx) => {
    const outcome = await recordAttempt(trx, r, deps.disableAfterMs);
    let notice: DisableNotice | undefined;
    if (goneReason !== undefined) notice = await disableWithNotice(trx, r.endpointId, "gone", goneReason, deps.firstDelayMs);
    else if (outcome.failingTooLong) {
      const reason = `no successful attempt for ${formatSpan(deps.disableAfterMs)} (failing since ${outcome.failingSince?.toISOString() ?? "unknown"})`;
      notice = await disableWithNotice(trx, r.endpointId, "failing", reason, deps.firstDelayMs);
    }
    return notice ? { outcome, notice } : { outcome };
  });
}

async function recordWithRetries(deps: DeliverDeps, r: AttemptRecord, goneReason: string | undefined, log: Logger) {
  for (let i = 0; ; i++) {
    try {
      return await recordAndDecide(deps, r, goneReason);
    } catch (err) {
      const wait = RECORD_BACKOFF_MS[i];
      if (wait === undefined) {
        // The lease expires and the delivery is attempted again: at least once, never lost.
        log.error({ err }, "could not record the attempt; the delivery will be attempted again when its lease expires");
        return undefined;
      }
      log.warn({ err, retryInMs: wait }, "could not record the attempt; retrying");
      await sleep(wait);
    }
  }
}
