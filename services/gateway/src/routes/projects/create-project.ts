import type { FastifyInstance } from "fastify";
import { createProjectBodySchema } from "@layers/contracts";
import type { RouteContext } from "../../context.ts";
import { parseBody } from "../../http/parse.ts";
import { principalOf } from "../../plugins/auth.ts";
import { insertProjectWithLayers, rowToProject } from "../../repositories/projects.repository.ts";
import { rowToLayer } from "../../repositories/layers.repository.ts";

/** POST /v1/projects — the project and its meta, tiktok and apple layers, conservative from the start. */
export function registerCreateProject(app: FastifyInstance, ctx: RouteContext): void {
  app.post("/v1/projects", { config: { auth: { anyOf: ["projects:write"], partnerOnly: true }, idempotent: true } }, async (req, reply) => {
    const body = parseBody(createProjectBodySchema, req.body);
    const { project, layers } = await insertProjectWithLayers(ctx.db, { organizationId: principalOf(req).organizationId, ...body });
    reply.code(201).header("Location", `/v1/projects/${project.id}`);
    return { ...rowToProject(project), layers: layers.map(rowToLayer) };
  });
}
