import { natsNames } from "@layers/contracts";
import { createDb } from "@layers/db";
import { connectNats, createLogger, ensureStreams, onShutdown } from "@layers/runtime";
import { startWebhooks } from "./app.ts";
import { loadConfig } from "./config.ts";

const config = loadConfig();
const log = createLogger({ service: "webhooks", level: config.LOG_LEVEL });
const db = createDb({ connectionString: config.DATABASE_URL, max: config.DB_POOL_MAX, applicationName: "webhooks" });
const nats = await connectNats(config.NATS_URL, "webhooks");
const names = natsNames(config.NATS_PREFIX);
await ensureStreams(nats.jsm, names);
const app = await startWebhooks({ db, nats, names, log, config });
log.info("ready");

let draining = false;
// Attempts in flight finish (each is bounded by WEBHOOK_TIMEOUT_MS) and are recorded before exit.
onShutdown(
  log,
  async () => {
    draining = true;
    await app.stop();
    await nats.nc.drain();
    await db.destroy();
  },
  config.WEBHOOK_TIMEOUT_MS + 10_000,
);
// The connection never gives up reconnecting; if it closes anyway, let the supervisor restart us.
void nats.nc.closed().then((err) => {
  if (draining) return;
  log.error({ err }, "NATS connection closed");
  process.exit(1);
});
