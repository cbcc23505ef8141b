import { newId, type EventType } from "@layers/contracts";
import { json, type Db, type DeliveryStatus } from "@layers/db";

/**
 * A DNS stand-in for webhook URL checks: public names, names that resolve to private, loopback,
 * link-local/metadata and mixed addresses (rebinding), and everything else NXDOMAIN.
 */
export const FAKE_DNS: Record<string, string[]> = {
  "hooks.partner.example": ["93.184.216.34"],
  "hooks2.partner.example": ["93.184.216.35", "2606:2800:220:1::1"],
  "internal.partner.example": ["10.1.2.3"],
  "loopback.partner.example": ["127.0.0.1"],
  "metadata.partner.example": ["169.254.169.254"],
  "rebind.partner.example": ["93.184.216.34", "192.168.0.10"],
  "v6local.partner.example": ["fd00::1"],
};

export async function fakeResolve(host: string): Promise<string[]> {
  const found = FAKE_DNS[host];
  if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
  return found;
}

/** An events row as the webhooks service stores it (payload = the delivered envelope). */
export async function seedEvent(db: Db, organizationId: string, type: EventType, at: Date, data: Record<string, unknown> = {}): Promise<string> {
  const id = newId("event", at.getTime());
  const envelope = { id, type, createdAt: at.toISOString(), data: { organizationId, ...data } };
  await db.insertInto("events").values({ id, organization_id: organizationId, type, created_at: at, payload: json(envelope) }).execute();
  return id;
}

export interface SeededDelivery {
  status?: DeliveryStatus;
  origin?: "event" | "test" | "replay";
  createdAt?: Date;
  nextAttemptAt?: Date | null;
  leaseUntil?: Date | null;
  /** One attempt row per entry, numbered from 1. */
  attempts?: Array<{ statusCode: number | null; latencyMs: number | null; error: string | null; excerpt?: string | null }>;
}

/** A delivery with its attempts, as the delivery service would have left it. */
export async function seedDelivery(db: Db, endpoint: { id: string; organizationId: string }, eventId: string, eventType: string, o: SeededDelivery = {}): Promise<string> {
  const id = newId("webhookDelivery", o.createdAt?.getTime());
  const createdAt = o.createdAt ?? new Date();
  const attempts = o.attempts ?? [];
  const last = attempts[attempts.length - 1];
  const status = o.status ?? "pending";
  await db
    .insertInto("webhook_deliveries")
    .values({
      id,
      endpoint_id: endpoint.id,
      organization_id: endpoint.organizationId,
      event_id: eventId,
      event_type: eventType,
      origin: o.origin ?? "event",
      status,
      attempt_count: attempts.length,
      next_attempt_at: o.nextAttemptAt === undefined ? (status === "pending" ? createdAt : null) : o.nextAttemptAt,
      lease_until: o.leaseUntil ?? null,
      last_status_code: last?.statusCode ?? null,
      last_error: last?.error ?? null,
      created_at: createdAt,
      updated_at: createdAt,
      completed_at: status === "pending" ? null : createdAt,
    })
    .execute();
  for (const [i, a] of attempts.entries()) {
    await db
      .insertInto("webhook_attempts")
      .values({
        delivery_id: id,
        attempt_no: i + 1,
        started_at: new Date(createdAt.getTime() + i * 1000),
        status_code: a.statusCode,
        latency_ms: a.latencyMs,
        error: a.error,
        response_excerpt: a.excerpt ?? null,
      })
      .execute();
  }
  return id;
}
