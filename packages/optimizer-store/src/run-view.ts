import { PLATFORM_OF_OPTIMIZER_PLATFORM, type OptimizerPlatform, type OptimizerRun } from "@layers/contracts";
import type { Db } from "@layers/db";
import { sql } from "kysely";

const OPTIMIZER_PLATFORM = Object.fromEntries(Object.entries(PLATFORM_OF_OPTIMIZER_PLATFORM).map(([k, v]) => [v, k])) as Record<string, OptimizerPlatform>;
const iso = (d: Date | null) => (d === null ? null : d.toISOString());

/** Runs of a project as the runs API shows them, newest first, with their proposals. */
export async function readRuns(db: Db, projectId: string, filter: { runId?: string; layerId?: string; limit: number }): Promise<OptimizerRun[]> {
  let q = db
    .selectFrom("optimizer_runs")
    .selectAll()
    .select([sql<string>`to_char(window_since, 'YYYY-MM-DD')`.as("since"), sql<string>`to_char(window_until, 'YYYY-MM-DD')`.as("until")])
    .where("project_id", "=", projectId);
  if (filter.runId !== undefined) q = q.where("id", "=", filter.runId);
  if (filter.layerId !== undefined) q = q.where("layer_id", "=", filter.layerId);
  const runs = await q.orderBy("created_at", "desc").limit(filter.limit).execute();
  if (runs.length === 0) return [];
  const proposals = await db.selectFrom("optimizer_proposals").selectAll().where("run_id", "in", runs.map((r) => r.id)).orderBy("position").execute();
  return runs.map((r) => ({
    id: r.id,
    jobId: r.job_id,
    layerId: r.layer_id,
    platform: OPTIMIZER_PLATFORM[r.platform]!,
    status: r.status,
    trigger: r.trigger,
    dryRun: r.dry_run,
    window: { since: r.since, until: r.until },
    startedAt: iso(r.started_at),
    completedAt: iso(r.completed_at),
    summary: (r.summary as OptimizerRun["summary"]) ?? null,
    error: (r.error as OptimizerRun["error"]) ?? null,
    proposals: proposals
      .filter((p) => p.run_id === r.id)
      .map((p) => ({
        id: p.id,
        rule: p.rule as OptimizerRun["proposals"][number]["rule"],
        actionType: p.action_type,
        entity: { level: p.entity_level as OptimizerRun["proposals"][number]["entity"]["level"], id: p.entity_id, name: p.entity_name },
        currentValue: p.current_value,
        newValue: p.new_value,
        rationale: p.rationale,
        evidence: p.evidence as Record<string, unknown>,
        verdict: {
          decision: p.decision as OptimizerRun["proposals"][number]["verdict"]["decision"],
          ...(p.reason ? { reason: p.reason as NonNullable<OptimizerRun["proposals"][number]["verdict"]["reason"]> } : {}),
          ...(p.verdict_id ? { verdictId: p.verdict_id } : {}),
        },
        ...(p.pending_action_id ? { pendingActionId: p.pending_action_id } : {}),
        ...(p.job_id ? { jobId: p.job_id } : {}),
      })),
  }));
}
