import type { Decision, JobBody } from "@layers/contracts";
import type { Db, JobRow } from "@layers/db";

export function rowToJob(r: JobRow): JobBody {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    organizationId: r.organization_id,
    projectId: r.project_id,
    verdict: r.verdict_id ? { verdictId: r.verdict_id, decision: r.decision as Decision, reason: r.reason } : null,
    pendingActionId: r.pending_action_id,
    result: (r.result as Record<string, unknown> | null) ?? null,
    error: (r.error as { code: string; message: string; reason?: string } | null) ?? null,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    completedAt: r.completed_at ? r.completed_at.toISOString() : null,
  };
}

export async function findJob(db: Db, id: string): Promise<JobRow | undefined> {
  return db.selectFrom("jobs").selectAll().where("id", "=", id).executeTakeFirst();
}
