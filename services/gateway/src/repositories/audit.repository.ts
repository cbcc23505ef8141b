import { sql } from "kysely";
import type { AuditEntry, DecisionAxis, DenyReason, Operation, Platform, WriteIntent } from "@layers/contracts";
import type { AuditRow, Db } from "@layers/db";
import type { Cursor } from "../domain/cursor.ts";

// The gate writes these columns from the same enums; the casts only narrow text columns back to them.
export function rowToAudit(r: AuditRow): AuditEntry {
  return {
    verdictId: r.id,
    occurredAt: r.occurred_at.toISOString(),
    actorType: r.actor_type,
    actorOrganizationId: r.actor_organization_id,
    actorApiKeyId: r.actor_api_key_id,
    actorUserId: r.actor_user_id,
    actorOnBehalfOf: r.actor_on_behalf_of,
    operation: r.operation as Operation,
    axis: r.axis as DecisionAxis,
    decision: r.decision,
    reason: r.reason as DenyReason | null,
    projectId: r.project_id,
    layerId: r.layer_id,
    platform: r.platform as Platform | null,
    pendingActionId: r.pending_action_id,
    requestId: r.request_id,
    intent: r.intent as WriteIntent,
  };
}

export interface AuditQuery {
  organizationId: string;
  projectId?: string | undefined;
  /** Customers only ever see their own project's rows, whatever filter they pass. */
  forcedProjectId?: string | undefined;
  operation?: string | undefined;
  decision?: "allow" | "queue_for_approval" | "deny" | "cancel" | undefined;
  actorType?: "partner" | "customer" | "optimizer" | "system" | undefined;
  since?: string | undefined;
  until?: string | undefined;
  limit: number;
  cursor: Cursor | null;
}

/** Newest first, keyset-paginated on (occurred_at, id) — the audit_log_org index order. */
export async function listAudit(db: Db, q: AuditQuery) {
  let query = db
    .selectFrom("audit_log")
    .selectAll()
    .select(sql<string>`occurred_at::text`.as("cursor_at"))
    .where("organization_id", "=", q.organizationId);
  if (q.forcedProjectId) query = query.where("project_id", "=", q.forcedProjectId);
  if (q.projectId) query = query.where("project_id", "=", q.projectId);
  if (q.operation) query = query.where("operation", "=", q.operation);
  if (q.decision) query = query.where("decision", "=", q.decision);
  if (q.actorType) query = query.where("actor_type", "=", q.actorType);
  if (q.since) query = query.where("occurred_at", ">=", new Date(q.since));
  if (q.until) query = query.where("occurred_at", "<", new Date(q.until));
  if (q.cursor) query = query.where(sql<boolean>`(occurred_at, id) < (${q.cursor.at}::timestamptz, ${q.cursor.id}::uuid)`);
  return query.orderBy("occurred_at", "desc").orderBy("id", "desc").limit(q.limit + 1).execute();
}
