import type { FastifyInstance } from "fastify";
import { createProjectBodySchema, projectWithLayersSchema, type ProjectWithLayers } from "@layers/contracts";
import type { RouteContext } from "../../context.ts";
import { parseBody } from "../../http/parse.ts";
import { principalOf } from "../../plugins/auth.ts";
import { insertProjectWithLayers, rowToProject } from "../../repositories/projects.repository.ts";
import { rowToLayer } from "../../repositories/layers.repository.ts";
import { holdAnswer, sendAnswer } from "../../writes/hold-answer.ts";
import { routeDoc } from "../../openapi/route-doc.ts";

/**
 * POST /v1/projects — the project and its meta, tiktok and apple layers, conservative from the start.
 * The answer is held on the idempotency key in the same transaction: a retry after a crash gets this
 * project, never a second one.
 */
export function registerCreateProject(app: FastifyInstance, ctx: RouteContext): void {
  const doc = routeDoc({
    operationId: "createProject",
    tag: "Projects",
    summary: "Create a project with its meta, tiktok and apple layers",
    body: createProjectBodySchema,
    examples: { acme: { value: { name: "Acme" } } },
    responses: { 201: projectWithLayersSchema },
  });
  app.post("/v1/projects", { config: { auth: { anyOf: ["projects:write"], partnerOnly: true }, idempotent: true, doc } }, async (req, reply): Promise<ProjectWithLayers> => {
    const body = parseBody(createProjectBodySchema, req.body);
    const answer = await ctx.db.transaction().execute(async (trx) => {
      const { project, layers } = await insertProjectWithLayers(trx, { organizationId: principalOf(req).organizationId, ...body });
      const created = { statusCode: 201, headers: { location: `/v1/projects/${project.id}` }, body: { ...rowToProject(project), layers: layers.map(rowToLayer) } };
      await holdAnswer(trx, req.idemClaim, created);
      return created;
    });
    return sendAnswer(reply, answer);
  });
}
