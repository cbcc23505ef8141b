import type { FastifyInstance } from "fastify";
import type { RouteContext } from "../../context.ts";
import { rowToJob } from "../../repositories/jobs.repository.ts";
import { jobFor } from "./job-for.ts";

/** GET /v1/jobs/:jobId — any principal of the job's org; a customer only for jobs of their project. */
export function registerGetJob(app: FastifyInstance, ctx: RouteContext): void {
  app.get<{ Params: { jobId: string } }>("/v1/jobs/:jobId", async (req) => rowToJob(await jobFor(ctx, req, req.params.jobId)));
}
