import { json, type Db } from "@layers/db";
import { sql } from "kysely";

/** Table `optimizer_proposals`: every proposal of a run with the verdict the gate gave it (or would give, dry). */
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

/** Entities of the layer with a decided (non-dry) proposal in the last `hours`: the cooldown rail counts them as changed. */
export async function recentlyDecidedEntities(db: Db, layerId: string, hours: number): Promise<string[]> {
  const rows = await db
    .selectFrom("optimizer_proposals")
    .select("entity_id")
    .distinct()
    .where("layer_id", "=", layerId)
    .where("dry_run", "=", false)
    .where("decision", "is not", null)
    .where("created_at", ">", sql<Date>`now() - ${hours}::int * interval '1 hour'`)
    .execute();
  return rows.map((r) => r.entity_id);
}

/** Keys of the layer's proposals whose pending action is still open: never queued twice. */
export async function openlyQueuedProposalKeys(db: Db, layerId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("optimizer_proposals as p")
    .innerJoin("pending_actions as pa", "pa.id", "p.pending_action_id")
    .select("p.proposal_key")
    .where("p.layer_id", "=", layerId)
    .where("pa.status", "in", ["pending", "approved"])
    .execute();
  return rows.map((r) => r.proposal_key);
}
