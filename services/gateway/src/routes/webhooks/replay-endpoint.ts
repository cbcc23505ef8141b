import type { FastifyInstance } from "fastify";
import { replayWebhookBodySchema, replayWebhookResponseSchema, WEBHOOK_REPLAY_MAX_EVENTS, WEBHOOK_REPLAY_MAX_RANGE_DAYS } from "@layers/contracts";
import type { RouteContext } from "../../context.ts";
import { ApiError } from "../../errors.ts";
import { parseBody } from "../../http/parse.ts";
import { findReplayEvents, insertReplayDeliveries } from "@layers/webhook-store";
import { assertEnabled, endpointFor } from "./endpoint-for.ts";
import { routeDoc } from "../../openapi/route-doc.ts";

const DAY_MS = 86_400_000;
const invalid = (pointer: string, detail: string) => new ApiError("VALIDATION", detail, { errors: [{ pointer, detail }] });

/**
 * POST /v1/webhooks/endpoints/:endpointId/replay `{since, until?}` — every event of the org in
 * [since, until) (until defaults to now) that passes the endpoint's filter is delivered again as a
 * new delivery (origin `replay`) → 202 `{deliveries}`. At most 30 days and 10 000 events per call.
 */
export function registerReplayWebhookEndpoint(app: FastifyInstance, ctx: RouteContext): void {
  app.post<{ Params: { endpointId: string } }>(
    "/v1/webhooks/endpoints/:endpointId/replay",
    { config: { auth: { anyOf: ["webhooks:write"], partnerOnly: true }, idempotent: true, doc: routeDoc({ operationId: "replayWebhookEvents", tag: "Webhooks", summary: "Deliver the events of a time range again", body: replayWebhookBodySchema, responses: { 202: replayWebhookResponseSchema } }) } },
    async (req, reply) => {
      const endpoint = await endpointFor(ctx, req, req.params.endpointId);
      const body = parseBody(replayWebhookBodySchema, req.body);
      assertEnabled(endpoint);
      const now = Date.now();
      const since = Date.parse(body.since);
      const until = Math.min(body.until === undefined ? now : Date.parse(body.until), now);
      if (since >= now) throw invalid("/since", "since must be in the past");
      if (until - since > WEBHOOK_REPLAY_MAX_RANGE_DAYS * DAY_MS) {
        throw invalid("/since", `a replay covers at most ${WEBHOOK_REPLAY_MAX_RANGE_DAYS} days; split the range`);
      }
      const events = await findReplayEvents(ctx.db, {
        organizationId: endpoint.organization_id,
        withChildren: endpoint.scope === "all_children",
        since: new Date(since),
        until: new Date(until),
        filter: endpoint.events,
        limit: WEBHOOK_REPLAY_MAX_EVENTS,
      });
      if (events.length > WEBHOOK_REPLAY_MAX_EVENTS) {
        throw invalid("/until", `the range holds more than ${WEBHOOK_REPLAY_MAX_EVENTS} events for this endpoint; split it`);
      }
      const deliveries = await insertReplayDeliveries(ctx.db, endpoint, events);
      req.log.info({ endpointId: endpoint.id, deliveries }, "webhook replay queued");
      reply.code(202);
      return { deliveries };
    },
  );
}
