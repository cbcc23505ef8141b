import { randomBytes } from "node:crypto";
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from "fastify";
import type { NatsConnection } from "@nats-io/transport-node";
import type { JetStreamClient } from "@nats-io/jetstream";
import type { NatsNames, RateTierTable } from "@layers/contracts";
import type { Db } from "@layers/db";
import { createMetricsRegistry, httpMetrics, type Logger, type Registry } from "@layers/runtime";
import { requestIdFrom } from "./domain/request-id.ts";
import { installOtel } from "./plugins/otel.ts";
import { cursorCodec, deriveCursorSecret } from "./domain/cursor.ts";
import { installRequestId } from "./plugins/request-id.ts";
import { installProblemErrors } from "./plugins/problem-errors.ts";
import { clientErrorHandler, frameworkErrorHandler, refuseConnect } from "./plugins/protocol-errors.ts";
import { installJsonBody } from "./plugins/json-body.ts";
import { installInputRules } from "./plugins/input-rules.ts";
import { installAuth } from "./plugins/auth.ts";
import { installIdempotency } from "./plugins/idempotency.ts";
import { installRateLimit } from "./plugins/rate-limit.ts";
import { startGatewayCaches } from "./http/caches.ts";
import type { KeyCacheOptions } from "./http/key-cache.ts";
import { registerRoutes } from "./routes/index.ts";
import { startJobEventsHub } from "./http/job-events-hub.ts";
import { installOpenApi } from "./openapi/install-openapi.ts";
import { routeDoc } from "./openapi/route-doc.ts";
import { z } from "zod";
import { createVerdictWaiter } from "./writes/verdict-waiter.ts";
import type { RouteContext } from "./context.ts";
import { webhookSettings, type WebhookSettingsInput } from "./http/webhooks.ts";
import { connectSettings, type ConnectSettingsInput } from "./routes/oauth/connect-settings.ts";
import { redactUrl } from "./routes/oauth/redact-url.ts";

export interface GatewayDeps {
  db: Db;
  /** The same database as `db`: one dedicated connection LISTENs for cache invalidations. */
  databaseUrl: string;
  nats: { nc: NatsConnection; js: JetStreamClient };
  names: NatsNames;
  log: Logger;
  /** HS256 secret that signs customer JWTs. */
  customerJwtSecret: string;
  /** Signs pagination cursors; every gateway of a deployment needs the same one. Default: derived from `customerJwtSecret`. */
  cursorSecret?: string | undefined;
  /** How long a write waits for its verdict before answering 202 accepted (default 2500 ms). */
  verdictTimeoutMs?: number;
  /** How long a campaign list waits for account syncs (default 1500 ms). */
  syncTimeoutMs?: number;
  /** Absolute base for Location headers; relative when unset. */
  publicBaseUrl?: string | undefined;
  /** Largest accepted body in bytes (default 64 KiB). */
  bodyLimitBytes?: number;
  /** Names this instance's verdict inbox; random by default (one per process). */
  instanceId?: string;
  /** Sweep interval for expired idempotency keys (default 10 min; 0 disables). */
  idempotencyPruneEveryMs?: number;
  /** Webhook endpoint URL rules and secret sealing (defaults: no allowlisted host, the dev key). */
  webhooks?: WebhookSettingsInput;
  /**
   * Rate tiers (default `RATE_TIERS`); how often the API kill switches are re-read while the
   * invalidation channel is down (default 500 ms; changes are pushed while it is up); how often
   * local rate counts are flushed to the shared windows (default 100 ms).
   */
  rateLimits?: { tiers?: RateTierTable; killSwitchRefreshMs?: number; flushEveryMs?: number };
  /** How long a rotated-out API key secret still authenticates (default 24 h). */
  keyRotationGraceMs?: number;
  /** Authenticated-key cache bounds and the invalidation heartbeat (defaults in `http/key-cache.ts`, `http/cache-invalidation.ts`). */
  caches?: KeyCacheOptions & { heartbeatMs?: number };
  /** The connect flow's platform endpoints and app credentials (defaults: the real platforms, dev app ids). */
  connect?: ConnectSettingsInput;
  /** Job event streams: heartbeat comment period (default 15 s) and the longest life of one stream before the client resumes (default 15 min). */
  jobStreams?: { heartbeatMs?: number; maxStreamMs?: number };
  /** Prometheus registry served at GET /metrics (main.ts adds the pool gauges to it); a fresh one by default. */
  registry?: Registry;
  /** Called with the built app before it answers anything (tests add their response checks here). */
  onBuilt?: (app: FastifyInstance) => void;
}

/**
 * Builds the gateway without listening (tests `inject` into it). The verdict subscription is made
 * here and closed by `app.close()`; the NATS and Postgres handles stay the caller's to close.
 */
export async function buildGateway(deps: GatewayDeps): Promise<FastifyInstance> {
  const instanceId = deps.instanceId ?? `gw-${randomBytes(6).toString("hex")}`;
  const bodyLimit = deps.bodyLimitBytes ?? 64 * 1024;
  const app = Fastify({
    loggerInstance: deps.log.child({ instanceId }) as FastifyBaseLogger,
    // One access line per request comes from the onResponse hook below instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: "requestId" }),
    requestIdHeader: false,
    genReqId: (req) => requestIdFrom(req.headers["x-request-id"]),
    bodyLimit,
    // Errors Fastify raises before routing (bad URL encoding, overlong segments) and requests Node's
    // parser refuses (bad bytes, oversized headers, CL + TE, unknown methods) still get a problem
    // body with a code and a request id.
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler: clientErrorHandler(deps.log),
  });

  // Before every hook and route, so the instrumentation wraps them all.
  await installOtel(app);
  const waiter = createVerdictWaiter(deps.nats.nc, deps.names.subjects.verdict(instanceId), deps.log);
  // The server must know the subscription before the first intent names it as its reply inbox.
  await deps.nats.nc.flush();
  app.addHook("onClose", async () => waiter.close());

  const caches = await startGatewayCaches({
    db: deps.db,
    databaseUrl: deps.databaseUrl,
    log: deps.log,
    caches: deps.caches,
    killSwitchPollMs: deps.rateLimits?.killSwitchRefreshMs ?? 500,
    rateFlushEveryMs: deps.rateLimits?.flushEveryMs,
  });
  app.addHook("onClose", async () => caches.close());
  const jobEvents = await startJobEventsHub({ db: deps.db, databaseUrl: deps.databaseUrl, log: deps.log, ...(deps.caches?.heartbeatMs ? { heartbeatMs: deps.caches.heartbeatMs } : {}) });
  // Open streams end before the server waits for its connections to close.
  app.addHook("preClose", async () => jobEvents.close());

  const ctx: RouteContext = {
    db: deps.db,
    projects: caches.projects,
    orgs: caches.orgs,
    keys: caches.keys,
    nc: deps.nats.nc,
    js: deps.nats.js,
    names: deps.names,
    log: deps.log,
    writes: {
      db: deps.db,
      js: deps.nats.js,
      names: deps.names,
      waiter,
      verdictTimeoutMs: deps.verdictTimeoutMs ?? 2500,
      log: deps.log,
      publicBaseUrl: deps.publicBaseUrl,
    },
    syncTimeoutMs: deps.syncTimeoutMs ?? 1500,
    publicBaseUrl: deps.publicBaseUrl,
    webhooks: webhookSettings(deps.webhooks),
    keyRotationGraceMs: deps.keyRotationGraceMs ?? 24 * 3600 * 1000,
    cursors: cursorCodec(deps.cursorSecret ?? deriveCursorSecret(deps.customerJwtSecret)),
    connect: connectSettings({ publicBaseUrl: deps.publicBaseUrl, ...deps.connect }),
    jobStreams: { hub: jobEvents, heartbeatMs: deps.jobStreams?.heartbeatMs ?? 15_000, maxStreamMs: deps.jobStreams?.maxStreamMs ?? 15 * 60_000 },
  };

  app.server.on("connect", refuseConnect(deps.log));
  installRequestId(app);
  installProblemErrors(app);
  installJsonBody(app, bodyLimit);
  installInputRules(app);
  // Before any route: its onRoute hook collects every declaration for GET /openapi.json.
  installOpenApi(app, { publicBaseUrl: deps.publicBaseUrl });
  installAuth(app, { db: deps.db, keys: caches.keys, orgs: caches.orgs, customerJwtSecret: deps.customerJwtSecret });
  installRateLimit(app, {
    db: deps.db,
    killSwitches: caches.killSwitches,
    counter: caches.rateCounter,
    pruneEveryMs: deps.idempotencyPruneEveryMs ?? 10 * 60_000,
    ...(deps.rateLimits?.tiers ? { tiers: deps.rateLimits.tiers } : {}),
  });
  installIdempotency(app, { db: deps.db, pruneEveryMs: deps.idempotencyPruneEveryMs ?? 10 * 60_000, sealKey: ctx.webhooks.tokenEncryptionKey });
  const registry = deps.registry ?? createMetricsRegistry("gateway");
  const http = httpMetrics(registry);
  app.addHook("onResponse", async (req, reply) => {
    // The route template (`/v1/jobs/:jobId`), never the raw URL, keeps the series few.
    http.observe({ method: req.method, route: req.routeOptions.url ?? "unmatched", status: reply.statusCode, seconds: reply.elapsedTime / 1000 });
    req.log.info({ method: req.method, url: redactUrl(req.url), route: req.routeOptions.url ?? null, status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, "request");
  });
  registerRoutes(app, ctx);
  // Public like /healthz: Prometheus scrapes it unauthenticated (keep the port off the internet's path in production).
  const metricsDoc = routeDoc({ operationId: "getMetrics", tag: "Health", summary: "Prometheus metrics", responses: { 200: { schema: z.string(), contentType: "text/plain" } } });
  app.get("/metrics", { config: { auth: false as const, doc: metricsDoc } }, async (_req, reply) => reply.type(registry.contentType).send(await registry.metrics()));
  deps.onBuilt?.(app);
  return app;
}

export { openApiDocument } from "./openapi/install-openapi.ts";

export interface StartedGateway {
  app: FastifyInstance;
  /** The address it listens on, e.g. http://127.0.0.1:8080. */
  url: string;
}

/** Builds and listens. `app.close()` stops accepting, lets in-flight requests finish, then unsubscribes. */
export async function startGateway(deps: GatewayDeps & { port: number; host: string }): Promise<StartedGateway> {
  const app = await buildGateway(deps);
  const url = await app.listen({ port: deps.port, host: deps.host });
  return { app, url };
}
