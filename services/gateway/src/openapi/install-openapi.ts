import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { FastifyInstance, HTTPMethods } from "fastify";
import { z } from "zod";
import { pathParamKinds } from "../plugins/input-rules.ts";
import { buildOpenApiDocument, type DocumentedRoute, type JsonObject } from "./document.ts";
import { DOCS_ASSETS, DOCS_START_JS, docsPageHtml, type DocsAsset } from "./docs-page.ts";
import { routeDoc } from "./route-doc.ts";

declare module "fastify" {
  interface FastifyInstance {
    /** Every route as registered with its declaration: the OpenAPI document is built from it. */
    documentedRoutes: DocumentedRoute[];
  }
}

export interface OpenApiOptions {
  /** Absolute base for `servers[0]`; relative when unset. */
  publicBaseUrl?: string | undefined;
}

const TITLE = "Layers Ads API";
const VERSION = "1.0.0";

/**
 * The OpenAPI document of a built gateway (the same one `GET /openapi.json` serves). Built once,
 * on first use after every route is registered.
 */
export function openApiDocument(app: FastifyInstance): JsonObject {
  return cached.get(app) ?? build(app);
}

const cached = new WeakMap<FastifyInstance, JsonObject>();
const serverUrls = new WeakMap<FastifyInstance, string | undefined>();

function build(app: FastifyInstance): JsonObject {
  const doc = buildOpenApiDocument(app.documentedRoutes, {
    title: TITLE,
    version: VERSION,
    description: "The partner ads write API. Errors are RFC 9457 problems (`application/problem+json`) with a stable `code` and the `requestId`.",
    serverUrl: serverUrls.get(app),
  });
  cached.set(app, doc);
  return doc;
}

const swaggerDir = () => dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));

const text = (contentType: string) => ({ schema: z.string(), contentType });

/**
 * Collects every route's declaration (an onRoute hook, so it must be installed before the routes)
 * and serves the document at `GET /openapi.json` and the interactive reference at `GET /docs`.
 * Both are public and not rate counted (no principal, nothing to count against).
 */
export function installOpenApi(app: FastifyInstance, opts: OpenApiOptions = {}): void {
  serverUrls.set(app, opts.publicBaseUrl);
  app.decorate("documentedRoutes", [] as DocumentedRoute[]);
  app.addHook("onRoute", (route) => {
    const url = route.url ?? route.path;
    const methods = (Array.isArray(route.method) ? route.method : [route.method]) as HTTPMethods[];
    for (const method of methods) {
      app.documentedRoutes.push({
        method,
        url,
        auth: route.config?.auth,
        idempotent: route.config?.idempotent,
        takesQuery: route.config?.takesQuery,
        pathParams: pathParamKinds(url),
        doc: route.config?.doc,
      });
    }
  });

  const open = (doc: ReturnType<typeof routeDoc>) => ({ config: { auth: false as const, doc } });
  app.get(
    "/openapi.json",
    open(routeDoc({ operationId: "getOpenApiDocument", tag: "Reference", summary: "This OpenAPI 3.1 document", responses: { 200: { schema: z.record(z.string(), z.unknown()) } } })),
    async (_req, reply) => reply.type("application/json; charset=utf-8").send(openApiDocument(app)),
  );
  app.get(
    "/docs",
    open(routeDoc({ operationId: "getDocs", tag: "Reference", summary: "The interactive API reference (works offline)", responses: { 200: text("text/html") } })),
    async (_req, reply) => reply.type("text/html; charset=utf-8").send(docsPageHtml(`${TITLE} reference`)),
  );
  app.get(
    "/docs/start.js",
    open(routeDoc({ operationId: "getDocsScript", tag: "Reference", summary: "Script of the reference page", responses: { 200: text("text/javascript") } })),
    async (_req, reply) => reply.type("text/javascript; charset=utf-8").send(DOCS_START_JS),
  );
  const assets = new Map<DocsAsset, Promise<Buffer>>();
  for (const [file, contentType] of Object.entries(DOCS_ASSETS) as Array<[DocsAsset, string]>) {
    const operationId = file === "swagger-ui.css" ? "getDocsStyles" : "getDocsBundle";
    app.get(`/docs/${file}`, open(routeDoc({ operationId, tag: "Reference", summary: `Asset of the reference page (${file})`, responses: { 200: text(contentType.split(";")[0]!) } })), async (_req, reply) => {
      let body = assets.get(file);
      if (!body) {
        body = readFile(join(swaggerDir(), file));
        assets.set(file, body);
      }
      return reply.type(contentType).header("cache-control", "public, max-age=3600").send(await body);
    });
  }
}
