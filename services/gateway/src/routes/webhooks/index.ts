import type { FastifyInstance } from "fastify";
import type { RouteContext } from "../../context.ts";
import { registerCreateWebhookEndpoint } from "./create-endpoint.ts";
import { registerListWebhookEndpoints } from "./list-endpoints.ts";
import { registerGetWebhookEndpoint } from "./get-endpoint.ts";
import { registerPatchWebhookEndpoint } from "./patch-endpoint.ts";
import { registerDeleteWebhookEndpoint } from "./delete-endpoint.ts";
import { registerRotateWebhookSecret } from "./rotate-secret.ts";
import { registerTestWebhookEndpoint } from "./test-endpoint.ts";
import { registerListWebhookDeliveries } from "./list-deliveries.ts";
import { registerResendWebhookDelivery } from "./resend-delivery.ts";
import { registerReplayWebhookEndpoint } from "./replay-endpoint.ts";

/** `/v1/webhooks/endpoints…` (SPEC §5): partner keys only; `webhooks:read` for GETs, `webhooks:write` for the rest. */
export function registerWebhookRoutes(app: FastifyInstance, ctx: RouteContext): void {
  registerCreateWebhookEndpoint(app, ctx);
  registerListWebhookEndpoints(app, ctx);
  registerGetWebhookEndpoint(app, ctx);
  registerPatchWebhookEndpoint(app, ctx);
  registerDeleteWebhookEndpoint(app, ctx);
  registerRotateWebhookSecret(app, ctx);
  registerTestWebhookEndpoint(app, ctx);
  registerListWebhookDeliveries(app, ctx);
  registerResendWebhookDelivery(app, ctx);
  registerReplayWebhookEndpoint(app, ctx);
}
