import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { ERROR_CODES, HEADERS, problemType, type ErrorCode, type Problem } from "@layers/contracts";
import { ApiError } from "../errors.ts";
import { fieldErrorsOf } from "../domain/json-pointer.ts";
import { CanonicalJsonTooDeepError } from "../domain/canonical-json.ts";

declare module "fastify" {
  interface FastifyRequest {
    /** The problem code this request ended with, if any (the idempotency plugin reads it). */
    problemCode: ErrorCode | null;
  }
}

export const PROBLEM_CONTENT_TYPE = "application/problem+json; charset=utf-8";

export function problemBody(req: FastifyRequest, err: ApiError): Problem {
  const body: Problem = {
    type: problemType(err.code),
    title: ERROR_CODES[err.code].title,
    status: err.status,
    detail: err.message,
    code: err.code,
    requestId: req.id,
  };
  if (err.extras.reason !== undefined) body.reason = err.extras.reason;
  if (err.extras.verdictId !== undefined) body.verdictId = err.extras.verdictId;
  if (err.extras.runId !== undefined) body.runId = err.extras.runId;
  if (err.extras.errors !== undefined) body.errors = err.extras.errors;
  if (err.extras.jobStatus !== undefined) body.jobStatus = err.extras.jobStatus;
  return body;
}

export function sendProblem(req: FastifyRequest, reply: FastifyReply, err: ApiError): FastifyReply {
  req.problemCode = err.code;
  // Set here as well: framework errors can be answered before the onRequest hook ran.
  reply.header(HEADERS.requestId, req.id);
  for (const [k, v] of Object.entries(err.extras.headers ?? {})) reply.header(k, v);
  return reply.code(err.status).type(PROBLEM_CONTENT_TYPE).send(problemBody(req, err));
}

/** Turns what Fastify and zod throw for bad input into our vocabulary; null means "a bug or an outage". */
export function asApiError(err: unknown): ApiError | null {
  if (err instanceof ApiError) return err;
  if (err instanceof z.ZodError) {
    return new ApiError("VALIDATION", "the request body is not valid", { errors: fieldErrorsOf(err.issues) });
  }
  // The body limits refuse such bodies first; should a route ever walk one, it is still the caller's input.
  if (err instanceof CanonicalJsonTooDeepError) {
    return new ApiError("VALIDATION", "the request body is nested too deeply", { errors: [{ pointer: "", detail: err.message }] });
  }
  const fe = err as Partial<FastifyError>;
  switch (fe.code) {
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return new ApiError("VALIDATION", "the request body is not valid JSON", { errors: [{ pointer: "", detail: "not valid JSON" }] });
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return new ApiError("VALIDATION", "the request body is too large", { status: 413 });
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return new ApiError("VALIDATION", "request bodies must be sent as Content-Type: application/json", { status: 415 });
  }
  const status = typeof fe.statusCode === "number" ? fe.statusCode : 500;
  if (status === 404) return new ApiError("NOT_FOUND", "not found");
  if (status >= 400 && status < 500) return new ApiError("VALIDATION", "the request is malformed", { status });
  return null;
}

/**
 * The one error handler: known errors become problems with their own text; anything else is
 * logged with its stack and answered as a bare INTERNAL (or UNAVAILABLE when a dependency is down)
 * so no internals leak.
 */
export function installProblemErrors(app: FastifyInstance): void {
  app.decorateRequest("problemCode", null);
  app.setErrorHandler((err, req, reply) => {
    const known = asApiError(err);
    if (known) return sendProblem(req, reply, known);
    const unavailable = isDependencyDown(err);
    req.log.error({ err, method: req.method, url: req.url }, "request failed");
    return sendProblem(
      req,
      reply,
      unavailable
        ? new ApiError("UNAVAILABLE", "a dependency is temporarily unavailable; retry shortly", { headers: { "Retry-After": "1" } })
        : new ApiError("INTERNAL", "an internal error occurred; quote the requestId to support"),
    );
  });
  app.setNotFoundHandler((req, reply) => sendProblem(req, reply, new ApiError("NOT_FOUND", `no route ${req.method} ${req.url.split("?")[0]!.slice(0, 200)}`)));
}

/** Connection-level failures of Postgres or NATS: the caller should retry, not report a bug. */
function isDependencyDown(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  // Postgres class 08 is "connection exception"; 57P01–57P03: shut down by an admin, crashed, starting up.
  if (typeof code === "string" && (["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "57P01", "57P02", "57P03", "53300"].includes(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  // "not queryable": pg's answer on a client whose connection already broke (e.g. the ROLLBACK after a terminated query).
  return /Connection terminated|timeout exceeded when trying to connect|is not queryable/i.test(String((err as Error)?.message ?? ""));
}
