import { natsNames } from "@layers/contracts";
import { createDb, poolStats } from "@layers/db";
import { connectNats, createLogger, createMetricsRegistry, ensureStreams, observePool, onShutdown, startTracing } from "@layers/runtime";
import { loadConfig } from "./config.ts";
import { startGateway } from "./app.ts";

const config = loadConfig();
const log = createLogger({ service: "gateway", level: config.LOG_LEVEL });

async function main(): Promise<void> {
  const tracing = await startTracing("gateway");
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
    webhooks: { allowedHosts: config.WEBHOOK_ALLOWED_HOSTS, tokenEncryptionKey: config.TOKEN_ENCRYPTION_KEY },
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
