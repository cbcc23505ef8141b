import type { FastifyRequest } from "fastify";
import type { JobRow } from "@layers/db";
import type { RouteContext } from "../../context.ts";
import { notFound } from "../../errors.ts";
import { principalOf } from "../../plugins/auth.ts";
import { findJob } from "../../repositories/jobs.repository.ts";

/**
 * Tenancy of every `/v1/jobs/:jobId…` route: any principal of the job's org; a customer only for
 * jobs of their project. Another org's job is exactly like a missing one (404).
 */
export async function jobFor(ctx: RouteContext, req: FastifyRequest, jobId: string): Promise<JobRow> {
  const p = principalOf(req);
  const job = await findJob(ctx.db, jobId);
  if (!job || job.organization_id !== p.organizationId) throw notFound("job");
  if (p.kind === "customer" && job.project_id !== p.projectId) throw notFound("job");
  return job;
}
