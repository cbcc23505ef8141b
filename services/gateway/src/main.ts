import { natsNames } from "@layers/contracts";
import { createDb, poolStats } from "@layers/db";
import { connectNats, createLogger, createMetricsRegistry, ensureStreams, observePool, onShutdown, startTracing, inheritedEnvironment } from "@layers/runtime";
import { loadConfig } from "./config.ts";
import { startGateway } from "./app.ts";

const config = loadConfig();
const log = createLogger({ service: "gateway", level: config.LOG_LEVEL });

async function main(): Promise<void> {
  const tracing = await startTracing("gateway", inheritedEnvironment());
  const db = createDb({ connectionString: config.DATABASE_URL, applicationName: "gateway", max: 20 });
  const nats = await connectNats(config.NATS_URL, "gateway");
  const names = natsNames(config.NATS_PREFIX);
  await ensureStreams(nats.jsm, names, { replicas: config.NATS_STREAM_REPLICAS });
  const registry = createMetricsRegistry("gateway");
  observePool(registry, () => poolStats(db));
  const { app, url } = await startGateway({
    db,
    databaseUrl: config.DATABASE_URL,
    nats,
    names,
    log,
    customerJwtSecret: config.CUSTOMER_JWT_SECRET,
    cursorSecret: config.CURSOR_SECRET,
    verdictTimeoutMs: config.VERDICT_TIMEOUT_MS,
    syncTimeoutMs: config.SYNC_TIMEOUT_MS,
    publicBaseUrl: config.PUBLIC_BASE_URL,
    bodyLimitBytes: config.BODY_LIMIT_BYTES,
    keyRotationGraceMs: config.KEY_ROTATION_GRACE_SECONDS * 1000,
    jobStreams: { heartbeatMs: config.JOB_EVENTS_HEARTBEAT_MS, maxStreamMs: config.JOB_EVENTS_MAX_STREAM_MS },
    webhooks: { allowedHosts: config.WEBHOOK_ALLOWED_HOSTS, tokenEncryptionKey: config.TOKEN_ENCRYPTION_KEY },
    connect: {
      allowLoopbackHttp: config.OAUTH_ALLOW_LOOPBACK_RETURN_URLS,
      publicBaseUrl: config.PUBLIC_BASE_URL,
      tokenKey: config.TOKEN_ENCRYPTION_KEY,
      ...(config.PLATFORM_OAUTH_BASE_URL ? { sandboxUrl: config.PLATFORM_OAUTH_BASE_URL } : {}),
      meta: {
        appId: config.META_APP_ID,
        appSecret: config.META_APP_SECRET,
        apiVersion: config.META_API_VERSION,
        ...(config.META_OAUTH_DIALOG_URL ? { dialogUrl: config.META_OAUTH_DIALOG_URL } : {}),
        ...(config.META_GRAPH_URL ? { graphUrl: config.META_GRAPH_URL } : {}),
      },
      tiktok: {
        appId: config.TIKTOK_APP_ID,
        appSecret: config.TIKTOK_APP_SECRET,
        ...(config.TIKTOK_AUTH_URL ? { authUrl: config.TIKTOK_AUTH_URL } : {}),
        ...(config.TIKTOK_API_URL ? { apiUrl: config.TIKTOK_API_URL } : {}),
      },
      apple: {
        api: config.APPLE_API,
        ...(config.APPLE_TOKEN_URL ? { tokenUrl: config.APPLE_TOKEN_URL } : {}),
        ...(config.APPLE_API_URL ? { apiUrl: config.APPLE_API_URL } : {}),
      },
    },
    registry,
    port: config.PORT,
    host: config.HOST,
  });
  log.info({ url }, "gateway listening");
  onShutdown(log, async () => {
    await app.close(); // stop accepting, finish in-flight requests, unsubscribe the verdict inbox
    await nats.nc.drain();
    await db.destroy();
    await tracing.shutdown();
  });
}

main().catch((err: unknown) => {
  log.fatal({ err }, "gateway failed to start");
  process.exit(1);
});
