import type { z } from "zod";
import type { webhookEndpointSchema } from "@layers/contracts";
import type { WebhookEndpointRow } from "@layers/db";

export type WebhookEndpointBody = z.infer<typeof webhookEndpointSchema>;

/** The API view of an endpoint: never the sealed secrets. An overlap that has ended shows as null. */
export function rowToWebhookEndpoint(r: WebhookEndpointRow, now = Date.now()): WebhookEndpointBody {
  const previousLive = r.previous_secret_enc !== null && r.previous_secret_expires_at !== null && r.previous_secret_expires_at.getTime() > now;
  return {
    id: r.id,
    url: r.url,
    events: r.events,
    description: r.description,
    scope: r.scope,
    enabled: r.enabled,
    disabledReason: r.disabled_reason,
    disabledAt: r.disabled_at?.toISOString() ?? null,
    failingSince: r.failing_since?.toISOString() ?? null,
    previousSecretExpiresAt: previousLive ? r.previous_secret_expires_at!.toISOString() : null,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}
