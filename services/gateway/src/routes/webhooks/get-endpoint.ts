import type { FastifyInstance } from "fastify";
import { webhookEndpointSchema } from "@layers/contracts";
import type { RouteContext } from "../../context.ts";
import { rowToWebhookEndpoint } from "./webhook-endpoint-body.ts";
import { endpointFor } from "./endpoint-for.ts";
import { routeDoc } from "../../openapi/route-doc.ts";

/** GET /v1/webhooks/endpoints/:endpointId — never the secret (rotate to get a new one). */
export function registerGetWebhookEndpoint(app: FastifyInstance, ctx: RouteContext): void {
  app.get<{ Params: { endpointId: string } }>(
    "/v1/webhooks/endpoints/:endpointId",
    { config: { auth: { anyOf: ["webhooks:read"], partnerOnly: true }, doc: routeDoc({ operationId: "getWebhookEndpoint", tag: "Webhooks", summary: "Get a webhook endpoint", responses: { 200: webhookEndpointSchema } }) } },
    async (req) => rowToWebhookEndpoint(await endpointFor(ctx, req, req.params.endpointId)),
  );
}
