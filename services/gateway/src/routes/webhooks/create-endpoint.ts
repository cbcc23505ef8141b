import type { FastifyInstance } from "fastify";
import { createWebhookEndpointBodySchema, newId, webhookEndpointWithSecretSchema } from "@layers/contracts";
import { newWebhookSecret, sealToken } from "@layers/runtime";
import type { RouteContext } from "../../context.ts";
import { ApiError } from "../../errors.ts";
import { parseBody } from "../../http/parse.ts";
import { deliverableUrl } from "../../http/webhooks.ts";
import { principalOf } from "../../plugins/auth.ts";
import { principalHasScope } from "../../domain/principal.ts";
import { insertWebhookEndpoint } from "@layers/webhook-store";
import { rowToWebhookEndpoint } from "./webhook-endpoint-body.ts";
import { endpointPath } from "./endpoint-for.ts";
import { eventFilterOf } from "./event-filter.ts";
import { routeDoc } from "../../openapi/route-doc.ts";

/** Live endpoints per organization: fan-out cost stays bounded (Stripe allows 16). */
export const MAX_ENDPOINTS_PER_ORG = 50;

/** POST /v1/webhooks/endpoints — the answer is the only time the signing secret is shown. */
export function registerCreateWebhookEndpoint(app: FastifyInstance, ctx: RouteContext): void {
  app.post(
    "/v1/webhooks/endpoints",
    { config: { auth: { anyOf: ["webhooks:write"], partnerOnly: true }, idempotent: true, sealAnswer: true, doc: routeDoc({ operationId: "createWebhookEndpoint", tag: "Webhooks", summary: "Register a webhook endpoint (its signing secret is shown once)", body: createWebhookEndpointBodySchema, responses: { 201: webhookEndpointWithSecretSchema } }) } },
    async (req, reply) => {
      const body = parseBody(createWebhookEndpointBodySchema, req.body);
      const p = principalOf(req);
      const scope = body.scope ?? "own";
      if (scope === "all_children") {
        // The firehose reads every child's events: the same power as acting inside them.
        if (!principalHasScope(p, "org:admin")) throw new ApiError("INSUFFICIENT_SCOPE", 'scope "all_children" needs the scope org:admin');
        if (p.parentOrganizationId !== null && p.parentOrganizationId !== undefined) {
          throw new ApiError("VALIDATION", "a child organization has no children to receive events from", {
            errors: [{ pointer: "/scope", detail: 'only a top-level organization, as itself, can register an "all_children" endpoint' }],
          });
        }
      }
      const url = await deliverableUrl(ctx.webhooks, body.url);
      const secret = newWebhookSecret();
      const row = await insertWebhookEndpoint(
        ctx.db,
        {
          id: newId("webhookEndpoint"),
          organizationId: p.organizationId,
          url,
          events: eventFilterOf(body.events),
          description: body.description ?? null,
          scope,
          secretEnc: sealToken(secret, ctx.webhooks.tokenEncryptionKey),
        },
        MAX_ENDPOINTS_PER_ORG,
      );
      if (!row) throw new ApiError("CONFLICT", `an organization has at most ${MAX_ENDPOINTS_PER_ORG} webhook endpoints; delete one first`);
      reply.code(201).header("Location", endpointPath(row.id));
      return { ...rowToWebhookEndpoint(row), secret };
    },
  );
}
