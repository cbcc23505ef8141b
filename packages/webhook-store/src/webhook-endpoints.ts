import { sql, type Transaction } from "kysely";
import type { Database, Db, WebhookEndpointRow } from "@layers/db";
import type { KeysetCursor } from "./keyset-cursor.ts";

export interface NewWebhookEndpoint {
  id: string;
  organizationId: string;
  url: string;
  events: string[] | null;
  description: string | null;
  /** `all_children`: the parent's firehose (the route checks `org:admin`). */
  scope: "own" | "all_children";
  secretEnc: string;
}

/**
 * Inserts unless the org already has `maxPerOrg` live endpoints (null then). A per-org advisory
 * lock makes the count and the insert one step, so concurrent registrations cannot overshoot.
 */
export async function insertWebhookEndpoint(db: Db, e: NewWebhookEndpoint, maxPerOrg: number): Promise<WebhookEndpointRow | null> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`webhook_endpoints:${e.organizationId}`}))`.execute(trx);
    const { n } = await trx
      .selectFrom("webhook_endpoints")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("organization_id", "=", e.organizationId)
      .where("deleted_at", "is", null)
      .executeTakeFirstOrThrow();
    if (Number(n) >= maxPerOrg) return null;
    const now = new Date();
    return trx
      .insertInto("webhook_endpoints")
      .values({
        id: e.id,
        organization_id: e.organizationId,
        url: e.url,
        events: e.events,
        description: e.description,
        scope: e.scope,
        enabled: true,
        disabled_reason: null,
        disabled_at: null,
        secret_enc: e.secretEnc,
        previous_secret_enc: null,
        previous_secret_expires_at: null,
        failing_since: null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}

/** A live (not deleted) endpoint of the org. */
export async function findWebhookEndpoint(db: Db, organizationId: string, id: string): Promise<WebhookEndpointRow | undefined> {
  return db
    .selectFrom("webhook_endpoints")
    .selectAll()
    .where("id", "=", id)
    .where("organization_id", "=", organizationId)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
}

export interface WebhookEndpointListQuery {
  organizationId: string;
  limit: number;
  cursor: KeysetCursor | null;
}

/** Newest first, keyset-paginated on (created_at, id); deleted endpoints are gone. */
export async function listWebhookEndpoints(db: Db, q: WebhookEndpointListQuery) {
  let query = db
    .selectFrom("webhook_endpoints")
    .selectAll()
    .select(sql<string>`created_at::text`.as("cursor_at"))
    .where("organization_id", "=", q.organizationId)
    .where("deleted_at", "is", null);
  if (q.cursor) query = query.where(sql<boolean>`(created_at, id) < (${q.cursor.at}::timestamptz, ${q.cursor.id})`);
  return query.orderBy("created_at", "desc").orderBy("id", "desc").limit(q.limit + 1).execute();
}

export interface WebhookEndpointPatch {
  url?: string | undefined;
  events?: string[] | null | undefined;
  description?: string | null | undefined;
  enabled?: boolean | undefined;
}

/**
 * Applies a partner's change. Enabling clears the disable record and the failure run (the
 * auto-disable clock starts over); disabling by hand records why and when.
 */
export async function updateWebhookEndpoint(db: Db, id: string, patch: WebhookEndpointPatch): Promise<WebhookEndpointRow | undefined> {
  const now = new Date();
  return db
    .updateTable("webhook_endpoints")
    .set({
      ...(patch.url !== undefined ? { url: patch.url } : {}),
      ...(patch.events !== undefined ? { events: patch.events } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(patch.enabled === true ? { enabled: true, disabled_reason: null, disabled_at: null, failing_since: null } : {}),
      ...(patch.enabled === false
        ? {
            enabled: false,
            // Keep the first reason and time when it is already disabled (e.g. automatically).
            disabled_reason: sql<string>`case when enabled then 'disabled via the API' else disabled_reason end`,
            disabled_at: sql<Date>`case when enabled then ${now}::timestamptz else disabled_at end`,
          }
        : {}),
      updated_at: now,
    })
    .where("id", "=", id)
    .where("deleted_at", "is", null)
    .returningAll()
    .executeTakeFirst();
}

/**
 * Soft delete: the endpoint disappears from the API and receives nothing more; deliveries still
 * waiting for it end as failed (`the endpoint was deleted`, the delivery service's wording). An
 * attempt in flight (live lease) records its own outcome; the service's sweep fails it afterwards
 * if it was to be retried. Delivery history stays.
 */
export async function deleteWebhookEndpoint(db: Db, id: string): Promise<{ deleted: boolean; canceledDeliveries: number }> {
  return db.transaction().execute(async (trx) => {
    const now = new Date();
    const row = await trx
      .updateTable("webhook_endpoints")
      .set({ deleted_at: now, enabled: false, updated_at: now })
      .where("id", "=", id)
      .where("deleted_at", "is", null)
      .returning("id")
      .executeTakeFirst();
    if (!row) return { deleted: false, canceledDeliveries: 0 };
    const canceled = await trx
      .updateTable("webhook_deliveries")
      .set({ status: "failed", last_error: "the endpoint was deleted", next_attempt_at: null, lease_until: null, completed_at: now, updated_at: now })
      .where("endpoint_id", "=", id)
      .where("status", "=", "pending")
      .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<=", now)]))
      .executeTakeFirst();
    return { deleted: true, canceledDeliveries: Number(canceled.numUpdatedRows) };
  });
}

/**
 * New signing secret. With an overlap the current secret becomes the previous one and keeps signing
 * until `now + overlapSeconds`; 0 drops it at once (a leaked secret). Only one previous secret is
 * kept: rotating again during an overlap ends the older overlap.
 */
export async function rotateWebhookSecret(db: Db | Transaction<Database>, id: string, newSecretEnc: string, overlapSeconds: number): Promise<WebhookEndpointRow | undefined> {
  const now = new Date();
  const overlap = overlapSeconds > 0;
  return db
    .updateTable("webhook_endpoints")
    .set({
      previous_secret_enc: overlap ? sql<string>`secret_enc` : null,
      previous_secret_expires_at: overlap ? new Date(now.getTime() + overlapSeconds * 1000) : null,
      secret_enc: newSecretEnc,
      updated_at: now,
    })
    .where("id", "=", id)
    .where("deleted_at", "is", null)
    .returningAll()
    .executeTakeFirst();
}
