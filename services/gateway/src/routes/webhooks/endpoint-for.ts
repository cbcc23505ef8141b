import type { FastifyRequest } from "fastify";
import type { WebhookEndpointRow } from "@layers/db";
import type { RouteContext } from "../../context.ts";
import { ApiError, notFound } from "../../errors.ts";
import { principalOf } from "../../plugins/auth.ts";
import { findWebhookEndpoint } from "@layers/webhook-store";

export const ENDPOINT_ID_RE = /^ep_[0-9a-z]{26}$/;
export const DELIVERY_ID_RE = /^dlv_[0-9a-z]{26}$/;

/** A live endpoint of the caller's org, or 404: another org's id, a deleted one and a made-up one look alike. */
export async function endpointFor(ctx: RouteContext, req: FastifyRequest, id: string): Promise<WebhookEndpointRow> {
  if (!ENDPOINT_ID_RE.test(id)) throw notFound("webhook endpoint");
  const row = await findWebhookEndpoint(ctx.db, principalOf(req).organizationId, id);
  if (!row) throw notFound("webhook endpoint");
  return row;
}

/**
 * Sending to a disabled endpoint is refused up front: the delivery service would fail the delivery
 * at once (`the endpoint is disabled`), so the caller learns it here and can re-enable first.
 */
export function assertEnabled(endpoint: WebhookEndpointRow): void {
  if (!endpoint.enabled) {
    const why = endpoint.disabled_reason ? ` (${endpoint.disabled_reason})` : "";
    throw new ApiError("CONFLICT", `the endpoint is disabled${why}; re-enable it with PATCH {"enabled": true} first`);
  }
}

export const endpointPath = (id: string) => `/v1/webhooks/endpoints/${id}`;
