import { deterministicEventId, newId, type NatsNames, type OptimizerRunSummary, type Platform } from "@layers/contracts";
import type { Db } from "@layers/db";
import { completeRunJob, enqueueEvents, failRunJobs, startRunJob, type OutboxEvent } from "@layers/lifecycle";
import type { Logger } from "@layers/runtime";
import type { JetStreamClient } from "@nats-io/jetstream";
import type { NatsConnection } from "@nats-io/transport-node";
import type { OptimizerConfig } from "../config.ts";
import { completeRun, failRun, insertProposal, markRunning } from "@layers/optimizer-store";
import type { ReportWindow } from "../reports/report-row.ts";
import type { Proposal, RuleNote } from "../rules/facts.ts";
import { moveBudget } from "../rules/move-budget.ts";
import { pauseWithoutResults } from "../rules/pause-without-results.ts";
import { applyRails, proposalKey } from "../rules/rails.ts";
import { replaceFatiguedCreative } from "../rules/replace-fatigued-creative.ts";
import { syncLayerMetrics, type SyncDeps } from "../sync/sync-layer.ts";
import { humanizeChange } from "./humanize.ts";
import { loadLayerState } from "./load-facts.ts";
import { evaluateProposal, submitProposal, type LayerRef, type ProposalVerdict } from "./submit-proposal.ts";

export interface RunDeps extends SyncDeps {
  js: JetStreamClient;
  nc: NatsConnection;
  names: NatsNames;
  config: Readonly<OptimizerConfig>;
}

export interface RunToExecute {
  runId: string;
  jobId: string;
  organizationId: string;
  projectId: string;
  layerId: string;
  platform: Platform;
  dryRun: boolean;
  window: ReportWindow;
  requestId: string;
}

/** The rules in priority order: when two want the same entity, the earlier one wins (one change per entity). */
export function proposeAll(facts: Parameters<typeof pauseWithoutResults>[0], c: Readonly<OptimizerConfig>): { proposals: Proposal[]; notes: RuleNote[] } {
  const pauses = pauseWithoutResults(facts, { minDays: c.OPT_MIN_DAYS, cpaMultiple: c.OPT_PAUSE_CPA_MULTIPLE, floorCents: c.OPT_PAUSE_FLOOR_CENTS });
  const budgets = moveBudget(facts, { minDays: c.OPT_MIN_DAYS, minConversions: c.OPT_BUDGET_MIN_CONVERSIONS, worseMultiple: c.OPT_BUDGET_WORSE_MULTIPLE, stepPercent: c.OPT_BUDGET_STEP_PERCENT });
  const creatives = replaceFatiguedCreative(facts, { dropPercent: c.OPT_FATIGUE_DROP_PERCENT, minImpressions: c.OPT_FATIGUE_MIN_IMPRESSIONS });
  return { proposals: [...pauses, ...budgets, ...creatives.proposals], notes: creatives.notes };
}

/**
 * One run: sync the window's metrics, read the layer, let the rules propose, hold back what the
 * rails forbid, and send each remaining proposal through the gate (or, dry, ask the gate what it
 * would decide). Every proposal is stored with its verdict; events go through the outbox.
 */
export async function executeRun(deps: RunDeps, run: RunToExecute): Promise<void> {
  const log = deps.log.child({ runId: run.runId, layerId: run.layerId });
  const started = await deps.db.transaction().execute(async (trx) => {
    if (!(await markRunning(trx, run.runId))) return false;
    await startRunJob(trx, run.jobId);
    return true;
  });
  if (!started) return;
  try {
    const synced = await syncLayerMetrics(deps, run.layerId, run.window);
    const state = await loadLayerState(deps.db, run.layerId, run.window, { cooldownHours: deps.config.OPT_COOLDOWN_HOURS, minScoreImpressions: deps.config.OPT_FATIGUE_MIN_IMPRESSIONS });
    const { proposals, notes } = proposeAll(state.facts, deps.config);
    const railed = applyRails({ proposals, blocked: state.blocked, alreadyQueued: state.alreadyQueued });
    const layer: LayerRef = { organizationId: run.organizationId, projectId: run.projectId, layerId: run.layerId, platform: run.platform };
    const submitDeps = { db: deps.db, js: deps.js, nc: deps.nc, names: deps.names, verdictWaitMs: deps.config.OPTIMIZER_VERDICT_WAIT_MS };
    const changes: string[] = [];
    const counts = { allowed: 0, queued: 0, denied: 0 };
    const events: OutboxEvent[] = [];
    let position = 0;
    for (const p of railed.kept) {
      const verdict: ProposalVerdict = run.dryRun ? await evaluateProposal(submitDeps, layer, p, run.requestId) : await submitProposal(submitDeps, layer, p, run.requestId);
      if (verdict.decision === "allow") counts.allowed++;
      else if (verdict.decision === "queue_for_approval") counts.queued++;
      else if (verdict.decision === "deny") counts.denied++;
      const id = newId("proposal");
      await insertProposal(deps.db, run.runId, run.layerId, run.dryRun, {
        id,
        position: position++,
        rule: p.rule,
        actionType: p.actionType,
        entity: p.entity,
        proposalKey: proposalKey(p),
        currentValue: p.currentValue,
        newValue: p.newValue,
        rationale: p.rationale,
        evidence: p.evidence,
        decision: verdict.decision,
        reason: verdict.reason,
        verdictId: verdict.verdictId,
        pendingActionId: verdict.pendingActionId,
        intentId: verdict.intentId,
        jobId: verdict.jobId,
      });
      changes.push(humanizeChange(p, verdict, run.dryRun));
      if (!run.dryRun) {
        events.push({
          event: {
            id: deterministicEventId(id, "ads.optimizer.action"),
            type: "ads.optimizer.action" as const,
            createdAt: new Date().toISOString(),
            data: {
              organizationId: run.organizationId,
              projectId: run.projectId,
              layerId: run.layerId,
              platform: run.platform,
              runId: run.runId,
              proposalId: id,
              actionType: p.actionType,
              entity: p.entity,
              currentValue: p.currentValue,
              newValue: p.newValue,
              rationale: p.rationale,
              verdict: { decision: verdict.decision, ...(verdict.reason ? { reason: verdict.reason } : {}), ...(verdict.verdictId ? { verdictId: verdict.verdictId } : {}) },
              ...(verdict.pendingActionId ? { pendingActionId: verdict.pendingActionId } : {}),
            },
          },
          requestId: run.requestId,
          traceparent: null,
        });
      }
    }
    const summary: OptimizerRunSummary = {
      proposals: railed.kept.length,
      ...counts,
      held: railed.dropped.map((d) => ({ entityId: d.proposal.entity.id, actionType: d.proposal.actionType, reason: d.reason })),
      notes: notes.map((n) => n.note),
      changes,
      metrics: { rows: synced.upserted, unknownObjects: synced.unknown },
    };
    events.push({
      event: {
        id: deterministicEventId(run.runId, "ads.optimizer.run.completed"),
        type: "ads.optimizer.run.completed" as const,
        createdAt: new Date().toISOString(),
        data: { organizationId: run.organizationId, projectId: run.projectId, layerId: run.layerId, platform: run.platform, runId: run.runId, dryRun: run.dryRun, window: run.window, changes, summary: { proposals: summary.proposals, allowed: counts.allowed, queued: counts.queued, denied: counts.denied } },
      },
      requestId: run.requestId,
      traceparent: null,
    });
    // The run, its job and its events move together: a reader never sees a completed run without them.
    await deps.db.transaction().execute(async (trx) => {
      await completeRun(trx, run.runId, summary);
      await completeRunJob(trx, run.jobId, { runId: run.runId, dryRun: run.dryRun, proposals: summary.proposals, ...counts });
      await enqueueEvents(trx, events);
    });
    log.info({ proposals: summary.proposals, ...counts, held: summary.held.length, dryRun: run.dryRun }, "optimizer run completed");
  } catch (err) {
    log.error({ err }, "optimizer run failed");
    const error = { code: (err as { retryable?: boolean }).retryable ? "PLATFORM_UNAVAILABLE" : "RUN_FAILED", message: String((err as Error).message ?? err).slice(0, 500) };
    await deps.db.transaction().execute(async (trx) => {
      const failed = await failRun(trx, run.runId, error);
      if (failed.jobId !== null) await failRunJobs(trx, [failed.jobId], error);
    });
  }
}
