import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { pageSchema, webhookDeliverySchema } from "@layers/contracts";
import type { RouteContext } from "../../context.ts";
import { pageQuery, parseQuery } from "../../http/parse.ts";
import { toPage } from "../../repositories/pagination.ts";
import { attemptsOf, listWebhookDeliveries } from "@layers/webhook-store";
import { rowToWebhookDelivery } from "./webhook-delivery-body.ts";
import { DELIVERY_ID_RE, endpointFor } from "./endpoint-for.ts";
import { routeDoc } from "../../openapi/route-doc.ts";

/** GET /v1/webhooks/endpoints/:endpointId/deliveries?status= — the delivery log, newest first, each with its attempts. */
export function registerListWebhookDeliveries(app: FastifyInstance, ctx: RouteContext): void {
  const querySchema = z.strictObject({ ...pageQuery(ctx.cursors, DELIVERY_ID_RE), status: z.enum(["pending", "succeeded", "failed"]).optional() });
  app.get<{ Params: { endpointId: string } }>(
    "/v1/webhooks/endpoints/:endpointId/deliveries",
    { config: { auth: { anyOf: ["webhooks:read"], partnerOnly: true }, takesQuery: true, doc: routeDoc({ operationId: "listWebhookDeliveries", tag: "Webhooks", summary: "List an endpoint's deliveries, newest first", query: querySchema, responses: { 200: pageSchema(webhookDeliverySchema) } }) } },
    async (req) => {
      const endpoint = await endpointFor(ctx, req, req.params.endpointId);
      const q = parseQuery(querySchema, req.query);
      const rows = await listWebhookDeliveries(ctx.db, { organizationId: endpoint.organization_id, endpointId: endpoint.id, status: q.status, limit: q.limit, cursor: q.cursor });
      const attempts = await attemptsOf(ctx.db, rows.slice(0, q.limit).map((r) => r.id));
      return toPage(ctx.cursors, rows, q.limit, (r) => rowToWebhookDelivery(r, attempts.get(r.id) ?? []));
    },
  );
}
