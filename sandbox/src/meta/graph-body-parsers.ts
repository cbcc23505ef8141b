import type { FastifyInstance, FastifyRequest } from "fastify";
import { invalidParam } from "./graph-errors.ts";

/**
 * Body parsers for the Graph scope. Meta takes form-encoded bodies (the Python/PHP SDKs and curl),
 * JSON (the official Node SDK posts JSON via axios) and multipart (curl -F); all become one flat
 * record of parameters. Unknown content types are ignored, as Graph ignores them.
 */
export function registerGraphBodyParsers(scope: FastifyInstance): void {
  scope.removeAllContentTypeParsers();

  scope.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  scope.addContentTypeParser("application/json", { parseAs: "string" }, (_req, body, done) => {
    const text = (body as string).trim();
    if (text === "") return done(null, {});
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return done(invalidParam("body", "The request body is not valid JSON"), undefined);
    }
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
      return done(invalidParam("body", "The request body must be a JSON object of parameters"), undefined);
    }
    done(null, parsed);
  });

  scope.addContentTypeParser("multipart/form-data", { parseAs: "buffer" }, async (req: FastifyRequest, body: Buffer) => {
    // undici's multipart parser, via the Fetch API, saves a dependency for a rarely used encoding.
    const contentType = req.headers["content-type"] ?? "multipart/form-data";
    let form: FormData;
    try {
      form = await new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData();
    } catch {
      throw invalidParam("body", "The multipart request body could not be parsed");
    }
    const params: Record<string, string> = {};
    for (const [k, v] of form) if (typeof v === "string") params[k] = v;
    return params;
  });

  scope.addContentTypeParser("*", { parseAs: "buffer" }, (_req, _body, done) => done(null, {}));
}
