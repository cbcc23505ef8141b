import { setTimeout as sleep } from "node:timers/promises";
import type { JetStreamClient } from "@nats-io/jetstream";
import type { NatsConnection } from "@nats-io/transport-node";
import { entityKeyOfCampaign, evaluateReplySchema, HEADERS, type DenyReason, type EvaluateRequest, type NatsNames, type Platform } from "@layers/contracts";
import type { Db } from "@layers/db";
import { acceptWrite } from "@layers/lifecycle";
import { childTraceparent, hopHeaders } from "@layers/runtime";
import type { Proposal } from "../rules/facts.ts";

export interface SubmitDeps {
  db: Db;
  js: JetStreamClient;
  nc: NatsConnection;
  names: NatsNames;
  /** How long to wait for the gate's verdict before recording the proposal as undecided. */
  verdictWaitMs: number;
}

export interface LayerRef {
  organizationId: string;
  projectId: string;
  layerId: string;
  platform: Platform;
}

export interface ProposalVerdict {
  decision: "allow" | "queue_for_approval" | "deny" | null;
  reason: DenyReason | null;
  verdictId: string | null;
  pendingActionId: string | null;
  intentId: string | null;
  jobId: string | null;
}

/**
 * A proposal becomes a write exactly like a partner's: accepted by `acceptWrite` (job + intent
 * rows) with actor `optimizer` and source `optimizer`, published to the pending stream (msg id =
 * intent id), then decided by the gate. The verdict is read back from the job.
 */
export async function submitProposal(deps: SubmitDeps, layer: LayerRef, p: Proposal, requestId: string): Promise<ProposalVerdict> {
  const traceparent = childTraceparent();
  const intent = await acceptWrite(deps.db, {
    intent: {
      organizationId: layer.organizationId,
      projectId: layer.projectId,
      layerId: layer.layerId,
      platform: layer.platform,
      operation: p.actionType,
      entityKey: entityKeyOfCampaign(p.campaignId),
      params: p.params,
      actor: { type: "optimizer", organizationId: layer.organizationId },
      source: "optimizer",
      proposal: { rationale: p.rationale, evidence: p.evidence, currentValue: asRecord(p.currentValue), newValue: asRecord(p.newValue) },
      requestId,
    },
    traceparent,
    replyTo: null,
  });
  // A failed publish loses nothing: the gate's relay republishes accepted intents it finds stored.
  await deps.js.publish(deps.names.subjects.pending(layer.platform), JSON.stringify(intent), { msgID: intent.intentId, headers: hopHeaders({ requestId, traceparent }) }).catch(() => undefined);
  const deadline = Date.now() + deps.verdictWaitMs;
  for (;;) {
    const job = await deps.db.selectFrom("jobs").select(["decision", "reason", "verdict_id", "pending_action_id"]).where("id", "=", intent.jobId).executeTakeFirstOrThrow();
    if (job.decision !== null || Date.now() > deadline) {
      return {
        decision: (job.decision as ProposalVerdict["decision"]) ?? null,
        reason: (job.reason as DenyReason | null) ?? null,
        verdictId: job.verdict_id,
        pendingActionId: job.pending_action_id,
        intentId: intent.intentId,
        jobId: intent.jobId,
      };
    }
    await sleep(25);
  }
}

/** Dry run: what the gate would decide (its evaluate path); nothing is stored or published. */
export async function evaluateProposal(deps: Pick<SubmitDeps, "nc" | "names" | "verdictWaitMs">, layer: LayerRef, p: Proposal, requestId: string): Promise<ProposalVerdict> {
  const budget = typeof p.params.dailyBudgetCents === "number" ? { dailyBudgetCents: p.params.dailyBudgetCents } : {};
  const req: EvaluateRequest = {
    organizationId: layer.organizationId,
    projectId: layer.projectId,
    layerId: layer.layerId,
    platform: layer.platform,
    operation: p.actionType,
    campaignId: p.campaignId,
    actor: { type: "optimizer", organizationId: layer.organizationId },
    params: budget,
    requestId,
  };
  const headers = hopHeaders({ requestId, traceparent: childTraceparent() });
  headers.set(HEADERS.requestId, requestId);
  const msg = await deps.nc.request(deps.names.subjects.evaluate(layer.platform), JSON.stringify(req), { timeout: deps.verdictWaitMs, headers });
  const reply = evaluateReplySchema.parse(msg.json());
  if (!reply.ok) throw new Error(`gate evaluate refused: ${reply.code} ${reply.message}`);
  return { decision: reply.decision, reason: reply.reason ?? null, verdictId: null, pendingActionId: null, intentId: null, jobId: null };
}

function asRecord(v: unknown): Record<string, unknown> | null {
  return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}
