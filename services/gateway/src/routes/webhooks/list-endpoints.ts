import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { pageSchema, webhookEndpointSchema } from "@layers/contracts";
import type { RouteContext } from "../../context.ts";
import { pageQuery, parseQuery } from "../../http/parse.ts";
import { principalOf } from "../../plugins/auth.ts";
import { toPage } from "../../repositories/pagination.ts";
import { listWebhookEndpoints } from "@layers/webhook-store";
import { rowToWebhookEndpoint } from "./webhook-endpoint-body.ts";
import { ENDPOINT_ID_RE } from "./endpoint-for.ts";
import { routeDoc } from "../../openapi/route-doc.ts";

/** GET /v1/webhooks/endpoints — newest first, `?limit=&cursor=` → `{data, nextCursor}`; no secrets. */
export function registerListWebhookEndpoints(app: FastifyInstance, ctx: RouteContext): void {
  const querySchema = z.strictObject({ ...pageQuery(ctx.cursors, ENDPOINT_ID_RE) });
  app.get("/v1/webhooks/endpoints", { config: { auth: { anyOf: ["webhooks:read"], partnerOnly: true }, takesQuery: true, doc: routeDoc({ operationId: "listWebhookEndpoints", tag: "Webhooks", summary: "List webhook endpoints, newest first", query: querySchema, responses: { 200: pageSchema(webhookEndpointSchema) } }) } }, async (req) => {
    const q = parseQuery(querySchema, req.query);
    const rows = await listWebhookEndpoints(ctx.db, { organizationId: principalOf(req).organizationId, limit: q.limit, cursor: q.cursor });
    const now = Date.now();
    return toPage(ctx.cursors, rows, q.limit, (r) => rowToWebhookEndpoint(r, now));
  });
}
