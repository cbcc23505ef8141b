import { sql, type Transaction } from "kysely";
import type { Actor, ActorType, Operation, PendingActionBody, Platform, WriteIntent } from "@layers/contracts";
import { json, type Database, type Db, type PendingActionRow, type PendingStatus } from "@layers/db";
import type { Cursor } from "../domain/cursor.ts";

export function rowToPending(r: PendingActionRow): PendingActionBody {
  const proposed = r.proposed_action;
  const values = (v: unknown) => (v ?? null) as Record<string, unknown> | null;
  return {
    id: r.id,
    actionType: r.action_type as Operation,
    entityName: r.entity_name,
    currentValue: values(r.current_value),
    newValue: values(r.new_value),
    rationale: r.rationale,
    // The seeds promise `proposedAction.detail`; wrap whatever the gate stored if it is not already shaped so.
    proposedAction: proposed && typeof proposed === "object" && "detail" in proposed ? { detail: proposed.detail } : { detail: proposed ?? null },
    status: r.status,
    campaignId: r.campaign_id,
    jobId: r.job_id,
    dispatchedAt: r.dispatched_at ? r.dispatched_at.toISOString() : null,
    dispatchedFailureReason: r.dispatched_failure_reason,
    rejectReason: r.reject_reason,
    actor: {
      type: r.actor_type as ActorType,
      organizationId: r.actor_organization_id,
      ...(r.actor_api_key_id ? { apiKeyId: r.actor_api_key_id } : {}),
      ...(r.actor_user_id ? { userId: r.actor_user_id } : {}),
    },
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

export async function findPending(db: Db, projectId: string, platform: Platform, id: string): Promise<PendingActionRow | undefined> {
  return db.selectFrom("pending_actions").selectAll().where("id", "=", id).where("project_id", "=", projectId).where("platform", "=", platform).executeTakeFirst();
}

export interface PendingListQuery {
  projectId: string;
  platform: Platform;
  status?: PendingStatus | undefined;
  limit: number;
  cursor: Cursor | null;
}

export async function listPending(db: Db, q: PendingListQuery) {
  let query = db
    .selectFrom("pending_actions")
    .selectAll()
    .select(sql<string>`created_at::text`.as("cursor_at"))
    .where("project_id", "=", q.projectId)
    .where("platform", "=", q.platform);
  if (q.status) query = query.where("status", "=", q.status);
  if (q.cursor) query = query.where(sql<boolean>`(created_at, id) < (${q.cursor.at}::timestamptz, ${q.cursor.id})`);
  return query.orderBy("created_at", "desc").orderBy("id", "desc").limit(q.limit + 1).execute();
}

/** The queued write an approval re-runs: its stored intent message. */
export async function findIntentPayload(trx: Transaction<Database>, intentId: string): Promise<WriteIntent | undefined> {
  const row = await trx.selectFrom("write_intents").select("payload").where("id", "=", intentId).executeTakeFirst();
  return row?.payload as WriteIntent | undefined;
}
