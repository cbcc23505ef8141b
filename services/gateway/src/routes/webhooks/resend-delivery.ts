import type { FastifyInstance } from "fastify";
import { emptyBodySchema, webhookDeliverySchema } from "@layers/contracts";
import type { RouteContext } from "../../context.ts";
import { ApiError, notFound } from "../../errors.ts";
import { parseBody } from "../../http/parse.ts";
import { attemptsOf, findWebhookDelivery, rearmWebhookDelivery } from "@layers/webhook-store";
import { rowToWebhookDelivery } from "./webhook-delivery-body.ts";
import { assertEnabled, DELIVERY_ID_RE, endpointFor } from "./endpoint-for.ts";
import { routeDoc } from "../../openapi/route-doc.ts";

/**
 * POST /v1/webhooks/endpoints/:endpointId/deliveries/:deliveryId/resend — the delivery is due
 * again now (same event, same `webhook-id`; attempts keep their numbering) → 202 with the delivery.
 */
export function registerResendWebhookDelivery(app: FastifyInstance, ctx: RouteContext): void {
  app.post<{ Params: { endpointId: string; deliveryId: string } }>(
    "/v1/webhooks/endpoints/:endpointId/deliveries/:deliveryId/resend",
    { config: { auth: { anyOf: ["webhooks:write"], partnerOnly: true }, idempotent: true, doc: routeDoc({ operationId: "resendWebhookDelivery", tag: "Webhooks", summary: "Send one delivery again", body: emptyBodySchema, responses: { 202: webhookDeliverySchema } }) } },
    async (req, reply) => {
      const endpoint = await endpointFor(ctx, req, req.params.endpointId);
      if (!DELIVERY_ID_RE.test(req.params.deliveryId)) throw notFound("delivery");
      const found = await findWebhookDelivery(ctx.db, endpoint.organization_id, endpoint.id, req.params.deliveryId);
      if (!found) throw notFound("delivery");
      parseBody(emptyBodySchema, req.body);
      assertEnabled(endpoint);
      const row = await rearmWebhookDelivery(ctx.db, found.id);
      if (!row) throw new ApiError("CONFLICT", "an attempt of this delivery is running right now; retry in a few seconds", { headers: { "Retry-After": "5" } });
      reply.code(202);
      return rowToWebhookDelivery(row, (await attemptsOf(ctx.db, [row.id])).get(row.id) ?? []);
    },
  );
}
