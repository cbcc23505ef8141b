import type { FastifyInstance } from "fastify";
import { policyPatchBodySchema } from "@layers/contracts";
import type { RouteContext } from "../../context.ts";
import { parseBody } from "../../http/parse.ts";
import { assertActive, layerFor, platformOf, projectFor, requestContext } from "../../http/tenancy.ts";
import { actorOf } from "../../domain/principal.ts";
import { principalOf } from "../../plugins/auth.ts";
import { policyView } from "../../repositories/layers.repository.ts";
import { answerPolicyWrite } from "../../writes/answer.ts";
import { entityKeyOfLayer, submitWrite } from "../../writes/submit-write.ts";

/** PATCH …/ads/:platform/policy — customer only: ceiling, partner consent, budget cap, Apple writer preset. */
export function registerPatchPolicy(app: FastifyInstance, ctx: RouteContext): void {
  app.patch<{ Params: { projectId: string; platform: string } }>(
    "/v1/projects/:projectId/ads/:platform/policy",
    { config: { auth: { customerOnly: true }, idempotent: true } },
    async (req, reply) => {
      const project = await projectFor(ctx, req, req.params.projectId);
      const platform = platformOf(req.params.platform);
      const layer = await layerFor(ctx, project, platform);
      const body = parseBody(policyPatchBodySchema, req.body);
      assertActive(project);
      const outcome = await submitWrite(
        ctx.writes,
        {
          organizationId: project.organization_id,
          projectId: project.id,
          layerId: layer.id,
          platform,
          operation: "update_policy",
          entityKey: entityKeyOfLayer(layer.id),
          params: body,
          actor: actorOf(principalOf(req)),
        },
        requestContext(req),
      );
      return answerPolicyWrite(reply, outcome, async () => policyView(await layerFor(ctx, project, platform)));
    },
  );
}
