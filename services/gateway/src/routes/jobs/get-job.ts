import type { FastifyInstance } from "fastify";
import { jobSchema } from "@layers/contracts";
import type { RouteContext } from "../../context.ts";
import { notFound } from "../../errors.ts";
import { principalOf } from "../../plugins/auth.ts";
import { findJob, rowToJob } from "../../repositories/jobs.repository.ts";
import { routeDoc } from "../../openapi/route-doc.ts";

/** GET /v1/jobs/:jobId — any principal of the job's org; a customer only for jobs of their project. */
export function registerGetJob(app: FastifyInstance, ctx: RouteContext): void {
  app.get<{ Params: { jobId: string } }>("/v1/jobs/:jobId", { config: { doc: routeDoc({ operationId: "getJob", tag: "Jobs", summary: "Follow a write: its job", responses: { 200: jobSchema } }) } }, async (req) => {
    const p = principalOf(req);
    if (!/^job_[0-9a-z]{26}$/.test(req.params.jobId)) throw notFound("job");
    const job = await findJob(ctx.db, req.params.jobId);
    if (!job || job.organization_id !== p.organizationId) throw notFound("job");
    if (p.kind === "customer" && job.project_id !== p.projectId) throw notFound("job");
    return rowToJob(job);
  });
}
