import type { Kysely } from "kysely";
import { json, type Database, type PendingActionRow } from "@layers/db";
import type { WriteIntent } from "@layers/contracts";
import type { PendingActionContent } from "../domain/pending-action-content.ts";

export async function lockPendingAction(db: Kysely<Database>, id: string): Promise<PendingActionRow | undefined> {
  return db.selectFrom("pending_actions").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

export async function insertPendingAction(
  db: Kysely<Database>,
  p: { id: string; intent: WriteIntent; content: PendingActionContent; at: Date },
): Promise<void> {
  const { intent, content } = p;
  await db
    .insertInto("pending_actions")
    .values({
      id: p.id,
      organization_id: intent.organizationId,
      project_id: intent.projectId,
      layer_id: intent.layerId,
      platform: intent.platform,
      campaign_id: content.campaignId,
      intent_id: intent.intentId,
      job_id: intent.jobId,
      action_type: intent.operation,
      entity_name: content.entityName,
      current_value: content.currentValue === null ? null : json(content.currentValue),
      new_value: content.newValue === null ? null : json(content.newValue),
      rationale: content.rationale,
      proposed_action: json(content.proposedAction),
      status: "pending",
      actor_type: intent.actor.type,
      actor_organization_id: intent.actor.organizationId,
      actor_api_key_id: intent.actor.apiKeyId ?? null,
      actor_user_id: intent.actor.userId ?? null,
      created_at: p.at,
      updated_at: p.at,
    })
    .execute();
}

/** An approved action whose re-run the gate denied: it will never reach the platform. */
export async function markPendingDispatchFailed(db: Kysely<Database>, id: string, reason: string, at: Date): Promise<void> {
  await db
    .updateTable("pending_actions")
    .set({ status: "dispatch_failed", dispatched_failure_reason: reason, updated_at: at })
    .where("id", "=", id)
    .execute();
}
