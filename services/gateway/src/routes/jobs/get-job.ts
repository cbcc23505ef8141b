import type { FastifyInstance } from "fastify";
import { jobSchema } from "@layers/contracts";
import type { RouteContext } from "../../context.ts";
import { rowToJob } from "../../repositories/jobs.repository.ts";
import { routeDoc } from "../../openapi/route-doc.ts";
import { jobFor } from "./job-for.ts";

/** GET /v1/jobs/:jobId — any principal of the job's org; a customer only for jobs of their project. */
export function registerGetJob(app: FastifyInstance, ctx: RouteContext): void {
  app.get<{ Params: { jobId: string } }>("/v1/jobs/:jobId", { config: { doc: routeDoc({ operationId: "getJob", tag: "Jobs", summary: "Follow a write: its job", responses: { 200: jobSchema } }) } }, async (req) =>
    rowToJob(await jobFor(ctx, req, req.params.jobId)),
  );
}
