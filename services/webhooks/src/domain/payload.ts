import { webhookSignatureHeader } from "@layers/runtime";

export const USER_AGENT = "Layers-Webhooks/1";

/** A stored `events` row, as far as the body needs it. `payload` is the envelope as published. */
export interface StoredEvent {
  id: string;
  type: string;
  organizationId: string;
  createdAt: Date;
  payload: unknown;
}

/**
 * The exact bytes POSTed: `{id, type, createdAt, data}` in that order, `data.organizationId`
 * always set (from the row when an old payload lacks it). The same bytes on every attempt of the
 * same event, so a receiver comparing bodies across retries sees no difference.
 */
export function deliveryBody(e: StoredEvent): string {
  const envelope = (e.payload ?? {}) as { createdAt?: unknown; data?: unknown };
  const raw = envelope.data !== null && typeof envelope.data === "object" && !Array.isArray(envelope.data) ? (envelope.data as Record<string, unknown>) : {};
  const data = typeof raw.organizationId === "string" ? raw : { ...raw, organizationId: e.organizationId };
  const createdAt = typeof envelope.createdAt === "string" ? envelope.createdAt : e.createdAt.toISOString();
  return JSON.stringify({ id: e.id, type: e.type, createdAt, data });
}

export interface SigningInput {
  /** The event id: `webhook-id`, the same on every retry, the receiver's dedupe key. */
  eventId: string;
  body: string;
  /** The current secret first, then the previous one while its overlap lasts. */
  secrets: readonly string[];
  /** This attempt's Unix time in seconds. */
  timestampSeconds: number;
}

export interface DeliveryHeaders {
  "content-type": string;
  "user-agent": string;
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
  [name: string]: string;
}

/** Standard Webhooks headers for one attempt. */
export function deliveryHeaders(s: SigningInput): DeliveryHeaders {
  return {
    "content-type": "application/json",
    "user-agent": USER_AGENT,
    "webhook-id": s.eventId,
    "webhook-timestamp": String(s.timestampSeconds),
    "webhook-signature": webhookSignatureHeader(s.secrets, s.eventId, s.timestampSeconds, s.body),
  };
}
