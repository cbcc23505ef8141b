import type { FastifyInstance } from "fastify";
import { cancelJobBodySchema, jobSchema, operationSchema, SCOPE_OF_OPERATION, type JobBody, type Operation, type Scope } from "@layers/contracts";
import { cancelJob } from "@layers/lifecycle";
import type { RouteContext } from "../../context.ts";
import { ApiError, notFound } from "../../errors.ts";
import { actorOf, principalHasScope } from "../../domain/principal.ts";
import { parseBody } from "../../http/parse.ts";
import { requestContext } from "../../http/tenancy.ts";
import { principalOf } from "../../plugins/auth.ts";
import { jobOperation, rowToJob } from "../../repositories/jobs.repository.ts";
import { handOn } from "../../writes/hand-on.ts";
import { holdAnswer } from "../../writes/hold-answer.ts";
import { routeDoc } from "../../openapi/route-doc.ts";
import { jobFor } from "./job-for.ts";

/**
 * POST /v1/jobs/:jobId/cancel — a job whose write no dispatcher has taken yet (waiting for the
 * gate, for approval, or for its turn behind an earlier write to the same entity) becomes
 * `canceled`, its pending action `canceled`, and nothing reaches the platform (lifecycle
 * `cancelJob`: it and a dispatcher's claim exclude each other in Postgres). Too late (dispatching,
 * finished) → 409 with the job's status. Needs the scope of the write the job runs. After the
 * commit, the write that waited behind the canceled one on its entity is handed on.
 */
export function registerCancelJob(app: FastifyInstance, ctx: RouteContext): void {
  const doc = routeDoc({
    operationId: "cancelJob",
    tag: "Jobs",
    summary: "Cancel a job whose write has not reached a dispatcher",
    description: "Queued, waiting for approval or for its turn behind an earlier write to the same entity: the job becomes `canceled` and nothing reaches the platform. Dispatching or finished: 409 CONFLICT with `jobStatus`.",
    body: cancelJobBodySchema,
    responses: { 200: jobSchema },
    problems: [403, 409],
  });
  app.post<{ Params: { jobId: string } }>("/v1/jobs/:jobId/cancel", { config: { idempotent: true, doc } }, async (req): Promise<JobBody> => {
    const job = await jobFor(ctx, req, req.params.jobId);
    parseBody(cancelJobBodySchema, req.body);
    const p = principalOf(req);
    const op = operationSchema.safeParse(job.intent_id ? await jobOperation(ctx.db, job.intent_id) : undefined);
    if (op.success && p.kind === "api_key") {
      // Customer-only operations have no scope: no partner key may cancel them.
      const scope = (SCOPE_OF_OPERATION as Partial<Record<Operation, Scope>>)[op.data];
      if (!scope) throw new ApiError("CUSTOMER_ONLY", "only the customer can cancel this job; partner keys never can, whatever their scopes");
      if (!principalHasScope(p, scope)) throw new ApiError("INSUFFICIENT_SCOPE", `canceling this job needs the scope ${scope}`);
    }
    const rc = requestContext(req);
    const r = await cancelJob(ctx.db, {
      jobId: job.id,
      by: actorOf(p),
      requestId: rc.requestId,
      traceparent: rc.traceparent,
      // A retry after a crash replays this answer instead of finding the job canceled (409).
      inTransaction: (trx, canceled) => holdAnswer(trx, rc.idem, { statusCode: 200, body: rowToJob(canceled), headers: {} }),
    });
    if (!r) throw notFound("job");
    if (!r.canceled) throw new ApiError("CONFLICT", `the job is ${r.status}: only a job whose write has not reached a dispatcher can be canceled`, { jobStatus: r.status });
    if (r.next) await handOn({ js: ctx.js, names: ctx.names, log: ctx.log }, r.closedIntentId, r.next);
    return rowToJob(r.job);
  });
}
