import { randomBytes } from "node:crypto";
import { natsNames } from "@layers/contracts";
import { createDb, dropDatabase, ensureDatabase, migrateToLatest } from "@layers/db";
import { buildGateway } from "@layers/gateway";
import { connectNats, createLogger, deleteStreams, ensureStreams } from "@layers/runtime";

export interface LiveDocumentOptions {
  /** A Postgres URL; the gateway runs on a throwaway database next to it (dropped afterwards). */
  databaseUrl: string;
  natsUrl: string;
}

/**
 * `GET /openapi.json` as a gateway built from this checkout serves it, or null when the route
 * does not exist (answers 404). The gateway runs in process on a throwaway database and NATS
 * namespace: it needs both to start, not to answer this route.
 */
export async function fetchLiveOpenApiDocument(opts: LiveDocumentOptions): Promise<object | null> {
  const id = `oas${randomBytes(4).toString("hex")}`;
  const url = new URL(opts.databaseUrl);
  url.pathname = `/layers_${id}`;
  const databaseUrl = url.toString();
  await ensureDatabase(databaseUrl);
  const db = createDb({ connectionString: databaseUrl, max: 4, applicationName: `openapi-${id}` });
  const nats = await connectNats(opts.natsUrl, `openapi-${id}`);
  const names = natsNames(id);
  try {
    await migrateToLatest(db);
    await ensureStreams(nats.jsm, names, { replicas: 1 });
    const app = await buildGateway({
      db,
      databaseUrl,
      nats,
      names,
      log: createLogger({ service: "openapi-emit", level: "warn" }),
      customerJwtSecret: randomBytes(24).toString("hex"),
      idempotencyPruneEveryMs: 0,
    });
    try {
      const res = await app.inject({ method: "GET", url: "/openapi.json" });
      if (res.statusCode === 404) return null;
      if (res.statusCode !== 200) throw new Error(`GET /openapi.json answered ${res.statusCode}: ${res.body}`);
      return res.json() as object;
    } finally {
      await app.close();
    }
  } finally {
    await deleteStreams(nats.jsm, names).catch(() => undefined);
    await nats.nc.close().catch(() => undefined);
    await db.destroy().catch(() => undefined);
    await dropDatabase(databaseUrl).catch(() => undefined);
  }
}
