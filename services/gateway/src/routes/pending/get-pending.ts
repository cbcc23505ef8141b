import type { FastifyInstance } from "fastify";
import { pendingActionSchema } from "@layers/contracts";
import type { RouteContext } from "../../context.ts";
import { platformOf, projectFor } from "../../http/tenancy.ts";
import { pendingFor } from "./pending-for.ts";
import { rowToPending } from "../../repositories/pending.repository.ts";
import { routeDoc } from "../../openapi/route-doc.ts";

export function registerGetPending(app: FastifyInstance, ctx: RouteContext): void {
  app.get<{ Params: { projectId: string; platform: string; pendingActionId: string } }>(
    "/v1/projects/:projectId/ads/:platform/pending/:pendingActionId",
    { config: { auth: { anyOf: ["ads:read"] }, doc: routeDoc({ operationId: "getPendingAction", tag: "Approvals", summary: "Get a pending action", responses: { 200: pendingActionSchema } }) } },
    async (req) => {
      const project = await projectFor(ctx, req, req.params.projectId);
      return rowToPending(await pendingFor(ctx, project, platformOf(req.params.platform), req.params.pendingActionId));
    },
  );
}
