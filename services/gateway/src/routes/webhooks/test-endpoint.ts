import type { FastifyInstance } from "fastify";
import { eventSchema, newId, testWebhookBodySchema, testWebhookResponseSchema } from "@layers/contracts";
import type { RouteContext } from "../../context.ts";
import { parseBody } from "../../http/parse.ts";
import { insertTestDelivery } from "@layers/webhook-store";
import { assertEnabled, endpointFor } from "./endpoint-for.ts";
import { routeDoc } from "../../openapi/route-doc.ts";

/**
 * POST /v1/webhooks/endpoints/:endpointId/test — a `webhook.test` event delivered to this endpoint
 * only, signed and retried like any other → 202 `{eventId, deliveryId}` (follow it in the log).
 */
export function registerTestWebhookEndpoint(app: FastifyInstance, ctx: RouteContext): void {
  app.post<{ Params: { endpointId: string } }>(
    "/v1/webhooks/endpoints/:endpointId/test",
    { config: { auth: { anyOf: ["webhooks:write"], partnerOnly: true }, idempotent: true, doc: routeDoc({ operationId: "testWebhookEndpoint", tag: "Webhooks", summary: "Send a test event to the endpoint", body: testWebhookBodySchema, responses: { 202: testWebhookResponseSchema } }) } },
    async (req, reply) => {
      const endpoint = await endpointFor(ctx, req, req.params.endpointId);
      parseBody(testWebhookBodySchema, req.body);
      assertEnabled(endpoint);
      const event = eventSchema.parse({
        id: newId("event"),
        type: "webhook.test",
        createdAt: new Date().toISOString(),
        data: { organizationId: endpoint.organization_id, endpointId: endpoint.id, message: "This is a test event from Layers. It needs no action." },
      });
      const delivery = await insertTestDelivery(ctx.db, endpoint, event);
      reply.code(202);
      return { eventId: event.id, deliveryId: delivery.id };
    },
  );
}
