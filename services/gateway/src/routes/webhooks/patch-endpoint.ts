import type { FastifyInstance } from "fastify";
import { patchWebhookEndpointBodySchema, webhookEndpointSchema } from "@layers/contracts";
import type { RouteContext } from "../../context.ts";
import { notFound } from "../../errors.ts";
import { parseBody } from "../../http/parse.ts";
import { deliverableUrl } from "../../http/webhooks.ts";
import { updateWebhookEndpoint } from "@layers/webhook-store";
import { rowToWebhookEndpoint } from "./webhook-endpoint-body.ts";
import { endpointFor } from "./endpoint-for.ts";
import { eventFilterOf } from "./event-filter.ts";
import { routeDoc } from "../../openapi/route-doc.ts";

/**
 * PATCH /v1/webhooks/endpoints/:endpointId — `url` (checked again), `events` (null = every
 * event), `description`, `enabled` (true re-enables an auto-disabled endpoint and restarts its
 * failure clock).
 */
export function registerPatchWebhookEndpoint(app: FastifyInstance, ctx: RouteContext): void {
  app.patch<{ Params: { endpointId: string } }>(
    "/v1/webhooks/endpoints/:endpointId",
    { config: { auth: { anyOf: ["webhooks:write"], partnerOnly: true }, idempotent: true, doc: routeDoc({ operationId: "updateWebhookEndpoint", tag: "Webhooks", summary: "Change a webhook endpoint (URL, events, enabled)", body: patchWebhookEndpointBodySchema, responses: { 200: webhookEndpointSchema } }) } },
    async (req) => {
      const endpoint = await endpointFor(ctx, req, req.params.endpointId);
      const body = parseBody(patchWebhookEndpointBodySchema, req.body);
      const url = body.url !== undefined ? await deliverableUrl(ctx.webhooks, body.url) : undefined;
      const row = await updateWebhookEndpoint(ctx.db, endpoint.id, {
        url,
        events: body.events === undefined ? undefined : eventFilterOf(body.events),
        description: body.description,
        enabled: body.enabled,
      });
      if (!row) throw notFound("webhook endpoint"); // deleted meanwhile
      return rowToWebhookEndpoint(row);
    },
  );
}
