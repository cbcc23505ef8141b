import { sql, type Kysely } from "kysely";
import { eventMatches, newId, type LayersEvent } from "@layers/contracts";
import { json, type Database } from "@layers/db";

/**
 * An event goes to the endpoints that existed when this service first stored it. Endpoint rows get
 * `created_at` from the gateway's clock and `received_at` comes from Postgres, so a little skew is
 * allowed; a redelivery or an ops replay of the stream long after does not reach endpoints made since.
 */
export const ENDPOINT_CLOCK_SKEW_MS = 5_000;

/** Stores the event once (its id is the key) and returns when it was first stored. */
export async function storeEvent(db: Kysely<Database>, event: LayersEvent, traceparent: string | null = null): Promise<Date> {
  await db
    .insertInto("events")
    .values({ id: event.id, organization_id: event.data.organizationId, type: event.type, created_at: event.createdAt, payload: json(event), traceparent })
    .onConflict((oc) => oc.column("id").doNothing())
    .execute();
  // A separate statement: under READ COMMITTED it sees the row whoever inserted it.
  const row = await db.selectFrom("events").select("received_at").where("id", "=", event.id).executeTakeFirstOrThrow();
  return row.received_at;
}

/**
 * Stores the event and creates one delivery (origin `event`) per matching endpoint of its org —
 * and, for a child org's event, of its parent's `all_children` endpoints (the firehose; the
 * payload's `data.organizationId` names the child): enabled, not deleted, filter passes. A
 * delivery belongs to its endpoint's org, so a parent's firehose deliveries are listed under the
 * parent and never under the child; siblings never see each other's events. The partial unique index on (event_id, endpoint_id) makes
 * this idempotent under redelivery, duplicate publishes and concurrent instances. `webhook.test`
 * events are stored but never fanned out: the gateway creates their one delivery itself.
 * Returns the number of deliveries created now.
 */
export async function fanOutEvent(db: Kysely<Database>, event: LayersEvent, firstDelayMs: number, traceparent: string | null = null): Promise<number> {
  const receivedAt = await storeEvent(db, event, traceparent);
  if (event.type === "webhook.test") return 0;
  const org = event.data.organizationId;
  const endpoints = await db
    .selectFrom("webhook_endpoints")
    .select(["id", "events", "organization_id"])
    .where((eb) =>
      eb.or([
        eb("organization_id", "=", org),
        eb.and([
          eb("scope", "=", "all_children"),
          eb("organization_id", "=", eb.selectFrom("organizations").select("parent_id").where("id", "=", org)),
        ]),
      ]),
    )
    .where("enabled", "=", true)
    .where("deleted_at", "is", null)
    .where("created_at", "<=", new Date(receivedAt.getTime() + ENDPOINT_CLOCK_SKEW_MS))
    .execute();
  const targets = endpoints.filter((e) => eventMatches(event.type, e.events));
  if (targets.length === 0) return 0;
  const created = await db
    .insertInto("webhook_deliveries")
    .values(
      targets.map((e) => ({
        id: newId("webhookDelivery"),
        endpoint_id: e.id,
        organization_id: e.organization_id,
        event_id: event.id,
        event_type: event.type,
        origin: "event" as const,
        status: "pending" as const,
        attempt_count: 0,
        next_attempt_at: sql<Date>`statement_timestamp() + ${firstDelayMs} * interval '1 millisecond'`,
        lease_until: null,
        last_status_code: null,
        last_error: null,
        completed_at: null,
      })),
    )
    .onConflict((oc) => oc.columns(["event_id", "endpoint_id"]).where(sql<boolean>`origin = 'event'`).doNothing())
    .returning("id")
    .execute();
  return created.length;
}
