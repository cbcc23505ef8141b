import type { FastifyInstance } from "fastify";
import { putReturnUrlsBodySchema, returnUrlsSchema, type ReturnUrls } from "@layers/contracts";
import type { RouteContext } from "../../context.ts";
import { ApiError, type FieldError } from "../../errors.ts";
import { parseBody } from "../../http/parse.ts";
import { principalOf } from "../../plugins/auth.ts";
import { listReturnUrls, replaceReturnUrls } from "../../repositories/connect.repository.ts";
import { normalizePrefix } from "./return-url.ts";
import { routeDoc } from "../../openapi/route-doc.ts";

/** GET/PUT /v1/oauth/return-urls — the org's allowlist of return URL prefixes (stored normalized). */
export function registerReturnUrls(app: FastifyInstance, ctx: RouteContext): void {
  const auth = { anyOf: ["ads:write:connect"] as const, partnerOnly: true };
  app.get("/v1/oauth/return-urls", { config: { auth, doc: routeDoc({ operationId: "getReturnUrls", tag: "Ad accounts", summary: "The organization's allowed connect return URL prefixes", responses: { 200: returnUrlsSchema } }) } }, async (req): Promise<ReturnUrls> => {
    return { urls: await listReturnUrls(ctx.db, principalOf(req).organizationId) };
  });

  app.put(
    "/v1/oauth/return-urls",
    {
      config: {
        auth,
        doc: routeDoc({ operationId: "setReturnUrls", tag: "Ad accounts", summary: "Replace the allowed connect return URL prefixes", body: putReturnUrlsBodySchema, responses: { 200: returnUrlsSchema } }),
      },
    }, async (req): Promise<ReturnUrls> => {
    const body = parseBody(putReturnUrlsBodySchema, req.body);
    const errors: FieldError[] = [];
    const prefixes = new Set<string>();
    body.urls.forEach((raw, i) => {
      const n = normalizePrefix(raw, { allowLoopbackHttp: ctx.connect.allowLoopbackHttp });
      if (n.ok) prefixes.add(n.prefix);
      else errors.push({ pointer: `/urls/${i}`, detail: n.detail });
    });
    if (errors.length > 0) throw new ApiError("VALIDATION", "the request body is not valid", { errors });
    await replaceReturnUrls(ctx.db, principalOf(req).organizationId, [...prefixes]);
    return { urls: [...prefixes].sort() };
  });
}
