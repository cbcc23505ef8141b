import type { FastifyInstance } from "fastify";
import { ApiError } from "../errors.ts";

/**
 * JSON is the only body type. An empty body counts as absent (body-less POSTs such as pause or
 * approve may still carry `Content-Type: application/json`); unparsable JSON is a 422 problem.
 */
export function installJsonBody(app: FastifyInstance, bodyLimit: number): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("application/json", { parseAs: "string", bodyLimit }, (_req, body, done) => {
    const text = typeof body === "string" ? body : body.toString("utf8");
    if (text.trim() === "") return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      done(new ApiError("VALIDATION", "the request body is not valid JSON", { errors: [{ pointer: "", detail: "not valid JSON" }] }), undefined);
    }
  });
}
