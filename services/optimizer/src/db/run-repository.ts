import { newId, type OptimizerRunSummary, type Platform } from "@layers/contracts";
import { json, type Db } from "@layers/db";
import { sql } from "kysely";
import type { ReportWindow } from "../reports/report-row.ts";

export interface NewRun {
  organizationId: string;
  projectId: string;
  layerId: string;
  platform: Platform;
  trigger: "api" | "schedule";
  dryRun: boolean;
  /** Scheduled runs: the tick number; the unique (layer, tick) index lets one instance win. */
  tick: number | null;
  window: ReportWindow;
  requestId: string | null;
}

export type InsertRunResult = { ok: true; runId: string } | { ok: false; reason: "open_run"; runId: string | null } | { ok: false; reason: "tick_taken" };

/** Stores a queued run unless the layer has an open run (or, scheduled, this tick already has one). */
export async function insertRun(db: Db, r: NewRun): Promise<InsertRunResult> {
  const id = newId("optimizerRun");
  try {
    await db
      .insertInto("optimizer_runs")
      .values({
        id,
        organization_id: r.organizationId,
        project_id: r.projectId,
        layer_id: r.layerId,
        platform: r.platform,
        status: "queued",
        trigger: r.trigger,
        dry_run: r.dryRun,
        tick: r.tick,
        window_since: r.window.since,
        window_until: r.window.until,
        request_id: r.requestId,
      })
      .execute();
    return { ok: true, runId: id };
  } catch (err) {
    const constraint = (err as { constraint?: string }).constraint;
    if (constraint === "optimizer_runs_one_per_tick") return { ok: false, reason: "tick_taken" };
    if (constraint !== "optimizer_runs_one_open") throw err;
    const open = await db.selectFrom("optimizer_runs").select("id").where("layer_id", "=", r.layerId).where("status", "in", ["queued", "running"]).executeTakeFirst();
    return { ok: false, reason: "open_run", runId: open?.id ?? null };
  }
}

export async function markRunning(db: Db, runId: string): Promise<boolean> {
  const r = await db.updateTable("optimizer_runs").set({ status: "running", started_at: sql<Date>`now()` }).where("id", "=", runId).where("status", "=", "queued").executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function completeRun(db: Db, runId: string, summary: OptimizerRunSummary): Promise<void> {
  await db.updateTable("optimizer_runs").set({ status: "completed", summary: json(summary), completed_at: sql<Date>`now()` }).where("id", "=", runId).execute();
}

export async function failRun(db: Db, runId: string, error: { code: string; message: string }): Promise<void> {
  await db.updateTable("optimizer_runs").set({ status: "failed", error: json(error), completed_at: sql<Date>`now()` }).where("id", "=", runId).where("status", "in", ["queued", "running"]).execute();
}

/** Runs left open by a crashed instance would hold their layer forever: fail them after `staleMs`. */
export async function failStaleRuns(db: Db, staleMs: number): Promise<number> {
  const r = await db
    .updateTable("optimizer_runs")
    .set({ status: "failed", error: json({ code: "INTERRUPTED", message: "the optimizer instance running it stopped" }), completed_at: sql<Date>`now()` })
    .where("status", "in", ["queued", "running"])
    .where("created_at", "<", sql<Date>`now() - ${staleMs}::int * interval '1 millisecond'`)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export interface StoredProposal {
  id: string;
  position: number;
  rule: string;
  actionType: string;
  entity: { level: string; id: string; name: string };
  proposalKey: string;
  currentValue: unknown;
  newValue: unknown;
  rationale: string;
  evidence: Record<string, unknown>;
  decision: string | null;
  reason: string | null;
  verdictId: string | null;
  pendingActionId: string | null;
  intentId: string | null;
  jobId: string | null;
}

export async function insertProposal(db: Db, runId: string, layerId: string, dryRun: boolean, p: StoredProposal): Promise<void> {
  await db
    .insertInto("optimizer_proposals")
    .values({
      id: p.id,
      run_id: runId,
      layer_id: layerId,
      position: p.position,
      rule: p.rule,
      action_type: p.actionType,
      entity_id: p.entity.id,
      entity_level: p.entity.level,
      entity_name: p.entity.name,
      proposal_key: p.proposalKey,
      current_value: json(p.currentValue ?? null),
      new_value: json(p.newValue ?? null),
      rationale: p.rationale,
      evidence: json(p.evidence),
      dry_run: dryRun,
      decision: p.decision,
      reason: p.reason,
      verdict_id: p.verdictId,
      pending_action_id: p.pendingActionId,
      intent_id: p.intentId,
      job_id: p.jobId,
    })
    .execute();
}
