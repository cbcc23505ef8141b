import type { z } from "zod";
import type { webhookDeliverySchema } from "@layers/contracts";
import type { WebhookDeliveryRow } from "@layers/db";
import type { AttemptView } from "@layers/webhook-store";

export type WebhookDeliveryBody = z.infer<typeof webhookDeliverySchema>;

export function rowToWebhookDelivery(r: WebhookDeliveryRow, attempts: readonly AttemptView[]): WebhookDeliveryBody {
  return {
    id: r.id,
    endpointId: r.endpoint_id,
    eventId: r.event_id,
    eventType: r.event_type,
    origin: r.origin,
    status: r.status,
    attemptCount: r.attempt_count,
    nextAttemptAt: r.status === "pending" ? (r.next_attempt_at?.toISOString() ?? null) : null,
    lastStatusCode: r.last_status_code,
    lastError: r.last_error,
    createdAt: r.created_at.toISOString(),
    attempts: attempts.map((a) => ({
      attempt: a.attempt_no,
      at: a.started_at.toISOString(),
      statusCode: a.status_code,
      latencyMs: a.latency_ms,
      error: a.error,
      responseExcerpt: a.response_excerpt,
    })),
  };
}
