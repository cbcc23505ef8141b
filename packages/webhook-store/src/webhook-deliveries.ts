import { sql } from "kysely";
import { newId, type LayersEvent } from "@layers/contracts";
import { json, type Db, type DeliveryStatus, type WebhookAttemptRow, type WebhookDeliveryRow } from "@layers/db";
import type { KeysetCursor } from "./keyset-cursor.ts";

/** The columns of an attempt the gateway shows in a delivery. */
export type AttemptView = Pick<WebhookAttemptRow, "attempt_no" | "started_at" | "status_code" | "latency_ms" | "error" | "response_excerpt">;

/** Every attempt of these deliveries, oldest first, grouped by delivery id. */
export async function attemptsOf(db: Db, deliveryIds: readonly string[]): Promise<Map<string, AttemptView[]>> {
  const out = new Map<string, AttemptView[]>();
  if (deliveryIds.length === 0) return out;
  const rows = await db
    .selectFrom("webhook_attempts")
    .select(["delivery_id", "attempt_no", "started_at", "status_code", "latency_ms", "error", "response_excerpt"])
    .where("delivery_id", "in", deliveryIds)
    .orderBy("delivery_id")
    .orderBy("attempt_no")
    .execute();
  for (const r of rows) {
    const list = out.get(r.delivery_id) ?? [];
    list.push(r);
    out.set(r.delivery_id, list);
  }
  return out;
}

export interface DeliveryListQuery {
  organizationId: string;
  endpointId: string;
  status?: DeliveryStatus | undefined;
  limit: number;
  cursor: KeysetCursor | null;
}

/** Newest first, keyset-paginated on (created_at, id) — the webhook_deliveries_endpoint index order. */
export async function listWebhookDeliveries(db: Db, q: DeliveryListQuery) {
  let query = db
    .selectFrom("webhook_deliveries")
    .selectAll()
    .select(sql<string>`created_at::text`.as("cursor_at"))
    .where("endpoint_id", "=", q.endpointId)
    .where("organization_id", "=", q.organizationId);
  if (q.status) query = query.where("status", "=", q.status);
  if (q.cursor) query = query.where(sql<boolean>`(created_at, id) < (${q.cursor.at}::timestamptz, ${q.cursor.id})`);
  return query.orderBy("created_at", "desc").orderBy("id", "desc").limit(q.limit + 1).execute();
}

export async function findWebhookDelivery(db: Db, organizationId: string, endpointId: string, id: string): Promise<WebhookDeliveryRow | undefined> {
  return db
    .selectFrom("webhook_deliveries")
    .selectAll()
    .where("id", "=", id)
    .where("endpoint_id", "=", endpointId)
    .where("organization_id", "=", organizationId)
    .executeTakeFirst();
}

/**
 * Makes a delivery due now: a finished one (succeeded or failed) goes back to `pending` and keeps
 * its attempt numbering; a pending one waiting for its next retry is brought forward. Undefined
 * when an attempt is running right now (its worker holds an unexpired lease).
 */
export async function rearmWebhookDelivery(db: Db, id: string): Promise<WebhookDeliveryRow | undefined> {
  const now = new Date();
  return db
    .updateTable("webhook_deliveries")
    .set({ status: "pending", next_attempt_at: now, lease_until: null, completed_at: null, updated_at: now })
    .where("id", "=", id)
    .where((eb) => eb.or([eb("status", "<>", "pending"), eb("lease_until", "is", null), eb("lease_until", "<=", now)]))
    .returningAll()
    .executeTakeFirst();
}

/** The `webhook.test` event and its one delivery (origin `test`, due now), in one transaction. */
export async function insertTestDelivery(db: Db, endpoint: { id: string; organization_id: string }, event: LayersEvent): Promise<WebhookDeliveryRow> {
  return db.transaction().execute(async (trx) => {
    const now = new Date();
    await trx
      .insertInto("events")
      .values({ id: event.id, organization_id: endpoint.organization_id, type: event.type, created_at: event.createdAt, payload: json(event) })
      .execute();
    return trx
      .insertInto("webhook_deliveries")
      .values({
        id: newId("webhookDelivery"),
        endpoint_id: endpoint.id,
        organization_id: endpoint.organization_id,
        event_id: event.id,
        event_type: event.type,
        origin: "test",
        status: "pending",
        attempt_count: 0,
        next_attempt_at: now,
        lease_until: null,
        last_status_code: null,
        last_error: null,
        created_at: now,
        updated_at: now,
        completed_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}

export interface ReplayRange {
  organizationId: string;
  /** A firehose endpoint (`all_children`) also replays the org's direct children's events. */
  withChildren?: boolean;
  since: Date;
  until: Date;
  /** The endpoint's filter (null = every event). */
  filter: readonly string[] | null;
  /** At most this many events are read; one more means "too many". */
  limit: number;
}

/**
 * The org's events in [since, until) that pass the filter, oldest first; test events are never
 * replayed (they belong to the endpoint they were sent to). Mirrors `eventMatches` in SQL.
 */
export async function findReplayEvents(db: Db, r: ReplayRange): Promise<Array<{ id: string; type: string }>> {
  let query = db
    .selectFrom("events")
    .select(["id", "type"])
    .where((eb) =>
      r.withChildren
        ? eb.or([
            eb("organization_id", "=", r.organizationId),
            eb("organization_id", "in", eb.selectFrom("organizations").select("id").where("parent_id", "=", r.organizationId)),
          ])
        : eb("organization_id", "=", r.organizationId),
    )
    .where("created_at", ">=", r.since)
    .where("created_at", "<", r.until)
    .where("type", "<>", "webhook.test");
  const filter = r.filter ?? [];
  if (filter.length > 0 && !filter.includes("*")) {
    const exact = filter.filter((f) => !f.endsWith(".*"));
    const prefixes = filter.filter((f) => f.endsWith(".*")).map((f) => f.slice(0, -1));
    query = query.where(sql<boolean>`(type = any(${exact}::text[]) or exists (select 1 from unnest(${prefixes}::text[]) p where starts_with(type, p)))`);
  }
  return query.orderBy("created_at").orderBy("id").limit(r.limit + 1).execute();
}

/** One new delivery (origin `replay`, due now) per event, in one transaction. */
export async function insertReplayDeliveries(db: Db, endpoint: { id: string; organization_id: string }, events: ReadonlyArray<{ id: string; type: string }>): Promise<number> {
  if (events.length === 0) return 0;
  const now = new Date();
  const rows = events.map((e) => ({
    id: newId("webhookDelivery"),
    endpoint_id: endpoint.id,
    organization_id: endpoint.organization_id,
    event_id: e.id,
    event_type: e.type,
    origin: "replay" as const,
    status: "pending" as const,
    attempt_count: 0,
    next_attempt_at: now,
    created_at: now,
    updated_at: now,
  }));
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 1000) await trx.insertInto("webhook_deliveries").values(rows.slice(i, i + 1000)).execute();
  });
  return rows.length;
}
