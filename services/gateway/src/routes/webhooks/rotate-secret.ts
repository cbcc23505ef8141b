import type { FastifyInstance } from "fastify";
import { rotateWebhookSecretBodySchema, WEBHOOK_MAX_OVERLAP_SECONDS, webhookEndpointWithSecretSchema } from "@layers/contracts";
import { newWebhookSecret, sealToken } from "@layers/runtime";
import type { RouteContext } from "../../context.ts";
import { notFound } from "../../errors.ts";
import { parseBody } from "../../http/parse.ts";
import { rotateWebhookSecret } from "@layers/webhook-store";
import { rowToWebhookEndpoint } from "./webhook-endpoint-body.ts";
import { endpointFor } from "./endpoint-for.ts";
import { routeDoc } from "../../openapi/route-doc.ts";

/**
 * POST /v1/webhooks/endpoints/:endpointId/rotate-secret `{overlapSeconds?}` (0–86400, default
 * 86400) — a new secret, shown this once; the old one keeps signing beside it for the overlap.
 */
export function registerRotateWebhookSecret(app: FastifyInstance, ctx: RouteContext): void {
  app.post<{ Params: { endpointId: string } }>(
    "/v1/webhooks/endpoints/:endpointId/rotate-secret",
    { config: { auth: { anyOf: ["webhooks:write"], partnerOnly: true }, idempotent: true, sealAnswer: true, doc: routeDoc({ operationId: "rotateWebhookSecret", tag: "Webhooks", summary: "Rotate the signing secret (the old one is honoured for an overlap)", body: rotateWebhookSecretBodySchema, responses: { 200: webhookEndpointWithSecretSchema } }) } },
    async (req) => {
      const endpoint = await endpointFor(ctx, req, req.params.endpointId);
      const body = parseBody(rotateWebhookSecretBodySchema, req.body);
      const secret = newWebhookSecret();
      const row = await rotateWebhookSecret(ctx.db, endpoint.id, sealToken(secret, ctx.webhooks.tokenEncryptionKey), body.overlapSeconds ?? WEBHOOK_MAX_OVERLAP_SECONDS);
      if (!row) throw notFound("webhook endpoint");
      return { ...rowToWebhookEndpoint(row), secret };
    },
  );
}
