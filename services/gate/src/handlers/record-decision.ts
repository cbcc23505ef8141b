import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { isPlatformBound, newId, type NatsNames, type WriteIntent } from "@layers/contracts";
import { json, updateLayerPolicy, type Database } from "@layers/db";
import { insertPendingAction, markPendingDispatchFailed, type DecisionToStore, type JobError, type VerdictMove } from "@layers/lifecycle";
import type { GateDecision } from "../domain/decide.ts";
import type { IntentParams } from "../domain/intent-params.ts";
import { pendingActionContent } from "../domain/pending-action-content.ts";
import { policyChange } from "../domain/policy-change.ts";
import { deniedJobError, effectsOf, type DecisionRecord } from "../domain/side-effects.ts";
import { insertCreatedCampaign, rowToCampaignFacts, setCampaignAuthority, setCampaignStatus } from "../db/campaign-repository.ts";
import { insertCreatedEntity, loadEntity, setEntityStatus } from "../db/entity-repository.ts";
import type { GateContext } from "./load-gate-context.ts";

export interface DecisionToRecord {
  intent: WriteIntent;
  params: IntentParams;
  ctx: GateContext;
  verdict: GateDecision;
  replyTo: string | null;
  at: Date;
  /** The accepting request's trace, carried on the decision's events. */
  traceparent: string | null;
  names: NatsNames;
}

/**
 * Writes what one decision changes beyond its own rows, inside the caller's transaction (the
 * pending action or campaign row, an allowed policy change), and returns the decision's own rows
 * (audit, intent, job, events) for the caller to store with its batch. Nothing is published here;
 * the caller publishes after commit.
 */
export async function recordDecision(trx: Kysely<Database>, d: DecisionToRecord): Promise<{ record: DecisionRecord; toStore: DecisionToStore }> {
  const { intent, params, ctx, verdict, at } = d;
  const op = intent.operation;
  const verdictId = randomUUID();
  let pendingActionId = ctx.approvedRerun ? (intent.pendingActionId ?? null) : null;
  let result: Record<string, unknown> | null = null;
  let state: "allowed" | "queued" | "denied" | "applied";

  if (verdict.decision === "queue_for_approval") {
    pendingActionId = newId("pendingAction");
    const campaign = ctx.campaign ? rowToCampaignFacts(ctx.campaign) : null;
    // A write to an existing ad set / ad / keyword shows that entity's name and current values.
    const targetId = !params.createChild && typeof intent.params.entityId === "string" ? intent.params.entityId : null;
    const row = targetId === null ? undefined : await loadEntity(trx, targetId);
    const entity = row && row.campaign_id === ctx.campaign?.id ? { kind: row.kind, id: row.id, name: row.name, status: row.status, dailyBudgetCents: row.daily_budget_cents, lifetimeBudgetCents: row.lifetime_budget_cents } : null;
    const content = pendingActionContent({ intent, params, campaign, entity, currency: ctx.layer.currency });
    await insertPendingAction(trx, { id: pendingActionId, intent, content, at });
    state = "queued";
  } else if (verdict.decision === "deny") {
    state = "denied";
    if (ctx.approvedRerun && pendingActionId) await markPendingDispatchFailed(trx, pendingActionId, verdict.reason ?? "denied", at);
    // The row a queued create made will never reach the platform.
    if (ctx.approvedRerun && op === "create_campaign" && ctx.campaign) await setCampaignStatus(trx, ctx.campaign.id, "denied", at);
    if (ctx.approvedRerun && params.createChild) await setEntityStatus(trx, params.createChild.entityId, "denied", at);
  } else if (isPlatformBound(op)) {
    state = "allowed";
  } else {
    const change = policyChange(op, params, ctx.layerPolicy, ctx.campaignAuthority);
    if (change.layer) await updateLayerPolicy(trx, ctx.layer.id, change.layer, at);
    if (change.campaignAuthority && ctx.campaign) await setCampaignAuthority(trx, ctx.campaign.id, change.campaignAuthority, at);
    result = change.result;
    state = "applied";
  }

  if (op === "create_campaign" && params.create && verdict.decision !== "deny") {
    const status = verdict.decision === "allow" ? "creating" : "pending_approval";
    if (ctx.campaign) await setCampaignStatus(trx, ctx.campaign.id, status, at);
    else {
      await insertCreatedCampaign(trx, { params: params.create, projectId: intent.projectId, layerId: intent.layerId, platform: intent.platform, status, at });
    }
  }

  if (params.createChild && ctx.campaign && verdict.decision !== "deny") {
    const status = verdict.decision === "allow" ? "creating" : "pending_approval";
    const existing = ctx.approvedRerun ? await loadEntity(trx, params.createChild.entityId) : undefined;
    if (existing) await setEntityStatus(trx, existing.id, status, at);
    else await insertCreatedEntity(trx, { child: params.createChild, campaign: ctx.campaign, status, at });
  }

  const record: DecisionRecord = {
    intent,
    verdictId,
    decision: verdict.decision,
    reason: verdict.reason ?? null,
    axis: verdict.axis,
    pendingActionId,
    decidedAt: at,
    currency: ctx.layer.currency,
    adAccountId: ctx.campaign?.ad_account_id ?? params.create?.adAccountId ?? null,
    result,
    replyTo: d.replyTo,
    awaitingDispatch: state === "allowed",
  };
  // The decision's dispatch message and events are derived from the record itself, so a
  // redelivered intent rebuilds the same ones (same msg ids, same event ids).
  const effects = effectsOf(record, d.names);
  const after = JOB_AFTER[state](verdict, result);
  // Audit row, intent, job and events: stored by the caller with the rest of its batch
  // (`storeDecisions`, one statement); the pending action / campaign / policy rows above are
  // already written, in the same transaction.
  const toStore: DecisionToStore = {
    move: MOVE_OF[state],
    audit: {
      id: verdictId,
      organization_id: intent.organizationId,
      project_id: intent.projectId,
      layer_id: intent.layerId,
      platform: intent.platform,
      occurred_at: at,
      actor_type: intent.actor.type,
      actor_organization_id: intent.actor.organizationId,
      actor_api_key_id: intent.actor.apiKeyId ?? null,
      actor_user_id: intent.actor.userId ?? null,
      actor_on_behalf_of: intent.actor.onBehalfOf ?? null,
      operation: op,
      axis: verdict.axis,
      decision: verdict.decision,
      reason: verdict.reason ?? null,
      intent_id: intent.intentId,
      entity_key: intent.entityKey,
      pending_action_id: pendingActionId,
      request_id: intent.requestId,
      intent: json(intent),
    },
    intentId: intent.intentId,
    jobId: intent.jobId,
    at,
    pendingActionId,
    result: after.result,
    error: after.error,
    dispatch: effects.dispatch?.body,
    events: effects.events.map((e) => ({ event: e.body, requestId: intent.requestId, traceparent: d.traceparent })),
    entityKey: intent.entityKey,
    entitySeq: intent.entitySeq,
  };
  return { record, toStore };
}

const MOVE_OF: Record<"allowed" | "queued" | "denied" | "applied", VerdictMove> = { allowed: "allow", queued: "queue", denied: "deny", applied: "apply" };

type JobAfter = { result?: Record<string, unknown>; error?: JobError };

/** architecture.md, "Job and pending-action lifecycle". */
const JOB_AFTER: Record<"allowed" | "queued" | "denied" | "applied", (v: GateDecision, result: Record<string, unknown> | null) => JobAfter> = {
  allowed: () => ({}),
  queued: () => ({}),
  denied: (v) => ({ error: deniedJobError(v.reason ?? null) }),
  applied: (_v, result) => (result ? { result } : {}),
};
