import type { FastifyInstance } from "fastify";
import { appliedSchema, authorityPatchBodySchema, defaultsViewSchema, writeAcceptedSchema } from "@layers/contracts";
import type { RouteContext } from "../../context.ts";
import { parseBody } from "../../http/parse.ts";
import { assertActive, layerFor, platformOf, projectFor } from "../../http/tenancy.ts";
import { defaultsView } from "../../repositories/layers.repository.ts";
import { answerPolicyWrite } from "../../writes/answer.ts";
import { submitLayerWrite } from "../../writes/submit-layer-write.ts";
import { requireSomeAxis } from "../authority/require-some-axis.ts";
import { routeDoc } from "../../openapi/route-doc.ts";

/** PATCH …/ads/:platform/defaults — the layer's fallback authority, gated like any policy write. */
export function registerPatchDefaults(app: FastifyInstance, ctx: RouteContext): void {
  app.patch<{ Params: { projectId: string; platform: string } }>(
    "/v1/projects/:projectId/ads/:platform/defaults",
    { config: { auth: { anyOf: ["ads:write:policy"] }, idempotent: true, doc: routeDoc({ operationId: "updateDefaults", tag: "Policy", summary: "Change the layer's default authority", body: authorityPatchBodySchema, responses: { 200: appliedSchema(defaultsViewSchema), 202: writeAcceptedSchema }, problems: [409] }) } },
    async (req, reply) => {
      const project = await projectFor(ctx, req, req.params.projectId);
      const platform = platformOf(req.params.platform);
      const layer = await layerFor(ctx, project, platform);
      const body = parseBody(authorityPatchBodySchema, req.body);
      requireSomeAxis(body.authority);
      assertActive(project);
      const outcome = await submitLayerWrite(ctx, req, { project, layer, platform }, "update_defaults", { authority: body.authority });
      return answerPolicyWrite(reply, outcome, async () => defaultsView(await layerFor(ctx, project, platform)));
    },
  );
}
