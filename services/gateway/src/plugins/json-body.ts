import type { FastifyInstance } from "fastify";
import { ApiError } from "../errors.ts";
import { BODY_LIMITS, checkBody } from "../domain/body-rules.ts";

/**
 * JSON is the only body type, and this parser is the one place that decides what a body may hold:
 * an empty body counts as absent (body-less POSTs such as pause or approve may still carry
 * `Content-Type: application/json`); unparsable JSON, a body nested deeper than
 * `BODY_LIMITS.maxDepth` or holding more than `maxNodes` values, and any string or member name
 * that is not acceptable text (NUL, other control characters, lone surrogates) are 422 problems
 * pointing at the field — before any schema, fingerprint or query sees the body.
 */
export function installJsonBody(app: FastifyInstance, bodyLimit: number): void {
  app.removeAllContentTypeParsers();
  const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  app.addContentTypeParser("application/json", { parseAs: "buffer", bodyLimit }, (req, body, done) => {
    const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(String(req.headers["content-type"] ?? ""))?.[1];
    if (charset !== undefined && !/^utf-?8$/i.test(charset)) {
      return done(new ApiError("VALIDATION", "request bodies must be UTF-8 JSON (charset=utf-8 or none)", { status: 415 }), undefined);
    }
    let text: string;
    try {
      // Bytes that are not UTF-8 would silently become U+FFFD: refuse them instead.
      text = utf8.decode(typeof body === "string" ? Buffer.from(body, "utf8") : body);
    } catch {
      return done(new ApiError("VALIDATION", "the request body is not valid UTF-8", { errors: [{ pointer: "", detail: "not valid UTF-8" }] }), undefined);
    }
    if (text.trim() === "") return done(null, undefined);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return done(new ApiError("VALIDATION", "the request body is not valid JSON", { errors: [{ pointer: "", detail: "not valid JSON" }] }), undefined);
    }
    const verdict = checkBody(parsed, BODY_LIMITS);
    if (verdict.ok) return done(null, parsed);
    const detail =
      verdict.kind === "unsafe_text" ? "the request body holds text the API does not accept" : "the request body is nested too deeply or holds too many values";
    done(new ApiError("VALIDATION", detail, { errors: verdict.errors }), undefined);
  });
}
