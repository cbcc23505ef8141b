import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { testkitConfig } from "./config.ts";
import { natsNames, type NatsNames } from "@layers/contracts";
import { createDb, dropDatabase, ensureDatabase, migrateToLatest, type Db } from "@layers/db";
import { connectNats, createLogger, deleteStreams, ensureStreams, type Logger, type NatsHandles } from "@layers/runtime";

export interface TestEnv {
  /** Unique per test file: database name suffix and NATS prefix. */
  id: string;
  databaseUrl: string;
  natsUrl: string;
  names: NatsNames;
  db: Db;
  nats: NatsHandles;
  log: Logger;
  /** Env vars that point a service process at this test's database and namespace. */
  env: Record<string, string>;
  cleanup(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export interface TestEnvOptions {
  /** Another NATS server than the shared one (e.g. a private server a test restarts). */
  natsUrl?: string;
  /** Stream replicas (3 on a `startNatsCluster` cluster); the services get it as NATS_STREAM_REPLICAS. */
  streamReplicas?: number;
}

/** A fresh database (migrated) and NATS namespace (streams created) for one test file. */
export async function createTestEnv(opts: TestEnvOptions = {}): Promise<TestEnv> {
  const id = `t${randomBytes(5).toString("hex")}`;
  const databaseUrl = withDatabase(inject("databaseUrl"), `layers_${id}`);
  const natsUrl = opts.natsUrl ?? inject("natsUrl");
  await ensureDatabase(databaseUrl);
  const db = createDb({ connectionString: databaseUrl, max: 10, applicationName: `test-${id}` });
  await migrateToLatest(db);
  const nats = await connectNats(natsUrl, `test-${id}`);
  const names = natsNames(id);
  await ensureStreams(nats.jsm, names, { replicas: opts.streamReplicas ?? 1 });
  const log = createLogger({ service: `test-${id}`, level: testkitConfig().TEST_LOG_LEVEL });
  return {
    id,
    databaseUrl,
    natsUrl,
    names,
    db,
    nats,
    log,
    env: { DATABASE_URL: databaseUrl, NATS_URL: natsUrl, NATS_PREFIX: id, LOG_LEVEL: testkitConfig().TEST_LOG_LEVEL, NATS_STREAM_REPLICAS: String(opts.streamReplicas ?? 1) },
    async cleanup() {
      await deleteStreams(nats.jsm, names).catch(() => undefined);
      await nats.nc.close().catch(() => undefined);
      await db.destroy().catch(() => undefined);
      await dropDatabase(databaseUrl).catch(() => undefined);
    },
  };
}
