import { natsNames } from "@layers/contracts";
import { createDb } from "@layers/db";
import { connectNats, createLogger, ensureStreams, onShutdown } from "@layers/runtime";
import { startDispatcherTiktok } from "./app.ts";
import { loadConfig } from "./config.ts";

const config = loadConfig();
const log = createLogger({ service: "dispatcher-tiktok", level: config.LOG_LEVEL });
// One connection per concurrent handler, plus the lease keeper and sync answers.
const db = createDb({ connectionString: config.DATABASE_URL, max: config.DISPATCH_CONCURRENCY + 4, applicationName: "dispatcher-tiktok" });
const nats = await connectNats(config.NATS_URL, "dispatcher-tiktok");
const names = natsNames(config.NATS_PREFIX);
await ensureStreams(nats.jsm, names);
const app = await startDispatcherTiktok({ db, nats, names, log, config });
log.info("ready");

let draining = false;
onShutdown(log, async () => {
  draining = true;
  await app.stop();
  await nats.nc.drain();
  await db.destroy();
});
// The connection never gives up reconnecting; if it closes anyway, let the supervisor restart us.
void nats.nc.closed().then((err) => {
  if (draining) return;
  log.error({ err }, "NATS connection closed");
  process.exit(1);
});
