import type { FastifyInstance } from "fastify";
import { policyPatchBodySchema } from "@layers/contracts";
import type { RouteContext } from "../../context.ts";
import { parseBody } from "../../http/parse.ts";
import { assertActive, layerFor, platformOf, projectFor } from "../../http/tenancy.ts";
import { policyView } from "../../repositories/layers.repository.ts";
import { answerPolicyWrite } from "../../writes/answer.ts";
import { submitLayerWrite } from "../../writes/submit-layer-write.ts";

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
      const outcome = await submitLayerWrite(ctx, req, { project, layer, platform }, "update_policy", body);
      return answerPolicyWrite(reply, outcome, async () => policyView(await layerFor(ctx, project, platform)));
    },
  );
}
