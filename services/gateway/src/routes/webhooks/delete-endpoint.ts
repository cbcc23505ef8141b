import type { FastifyInstance } from "fastify";
import { emptyBodySchema } from "@layers/contracts";
import type { RouteContext } from "../../context.ts";
import { notFound } from "../../errors.ts";
import { parseBody } from "../../http/parse.ts";
import { deleteWebhookEndpoint } from "@layers/webhook-store";
import { endpointFor } from "./endpoint-for.ts";
import { routeDoc } from "../../openapi/route-doc.ts";

/** DELETE /v1/webhooks/endpoints/:endpointId — 204; deliveries still waiting for it end as failed. Takes no body (`{}` at most), like every DELETE. */
export function registerDeleteWebhookEndpoint(app: FastifyInstance, ctx: RouteContext): void {
  app.delete<{ Params: { endpointId: string } }>(
    "/v1/webhooks/endpoints/:endpointId",
    { config: { auth: { anyOf: ["webhooks:write"], partnerOnly: true }, doc: routeDoc({ operationId: "deleteWebhookEndpoint", tag: "Webhooks", summary: "Delete a webhook endpoint", responses: { 204: null } }) } },
    async (req, reply) => {
      const endpoint = await endpointFor(ctx, req, req.params.endpointId);
      parseBody(emptyBodySchema, req.body);
      const { deleted, canceledDeliveries } = await deleteWebhookEndpoint(ctx.db, endpoint.id);
      if (!deleted) throw notFound("webhook endpoint");
      req.log.info({ endpointId: endpoint.id, canceledDeliveries }, "webhook endpoint deleted");
      return reply.code(204).send();
    },
  );
}
