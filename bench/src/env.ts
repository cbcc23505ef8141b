import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { sql } from "kysely";
import { natsNames, type NatsNames } from "@layers/contracts";
import { createDb, dropDatabase, ensureDatabase, migrateToLatest, type Db } from "@layers/db";
import { connectNats, deleteStreams, ensureStreams, type NatsHandles } from "@layers/runtime";
import pino, { type Logger } from "pino";

export const DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/postgres";
export const DEFAULT_NATS_URL = "nats://127.0.0.1:4222";

/** Where the bench's Postgres and NATS live (only 127.0.0.1 by default; override with BENCH_DATABASE_URL / BENCH_NATS_URL). */
export function serverUrls(env: Record<string, string | undefined> = process.env): { databaseUrl: string; natsUrl: string } {
  return { databaseUrl: env.BENCH_DATABASE_URL ?? DEFAULT_DATABASE_URL, natsUrl: env.BENCH_NATS_URL ?? DEFAULT_NATS_URL };
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A fresh id for one run: `b` + 10 hex chars (valid as NATS prefix and database name suffix). */
export function runId(): string {
  return `b${randomBytes(5).toString("hex")}`;
}

/**
 * A logger shaped like the services' own (`createLogger`) but writing to /dev/null: the services pay
 * the cost of formatting every line at the chosen level, and the bench output stays readable.
 */
export function sinkLogger(service: string, level: string): Logger {
  return pino(
    {
      name: service,
      level,
      redact: { paths: ["req.headers.authorization", "authorization", "apiKey", "accessToken", "access_token", "secret", "*.secret"], censor: "[redacted]" },
      base: { service },
    },
    pino.destination({ dest: "/dev/null", sync: true }),
  );
}

export interface BenchDatabase {
  name: string;
  url: string;
  /** A small pool for the harness itself (seeding, verification). */
  db: Db;
  drop(): Promise<void>;
}

/** A new, migrated database `layers_bench_<id>`; `drop()` closes the pool and removes it. */
export async function createBenchDatabase(id: string, baseUrl = serverUrls().databaseUrl): Promise<BenchDatabase> {
  const name = `layers_bench_${id}`;
  const url = withDatabase(baseUrl, name);
  await ensureDatabase(url);
  const db = createDb({ connectionString: url, max: 4, applicationName: `bench-${id}` });
  try {
    await migrateToLatest(db);
  } catch (err) {
    await db.destroy().catch(() => undefined);
    await dropDatabase(url).catch(() => undefined);
    throw err;
  }
  return {
    name,
    url,
    db,
    async drop() {
      await db.destroy().catch(() => undefined);
      await dropDatabase(url);
    },
  };
}

export interface BenchNamespace {
  prefix: string;
  names: NatsNames;
  /** The harness's own connection (publishing, stream inspection). */
  nats: NatsHandles;
  /** Opens another connection, closed with the namespace (one per in-process service, as in tests). */
  connect(name: string): Promise<NatsHandles>;
  delete(): Promise<void>;
}

/** A NATS namespace (own prefix, its three streams created); `delete()` removes the streams and closes every connection. */
export async function createNamespace(prefix: string, natsUrl = serverUrls().natsUrl): Promise<BenchNamespace> {
  const nats = await connectNats(natsUrl, `bench-${prefix}`);
  const names = natsNames(prefix);
  const conns: NatsHandles[] = [nats];
  try {
    await ensureStreams(nats.jsm, names);
  } catch (err) {
    await nats.nc.close().catch(() => undefined);
    throw err;
  }
  return {
    prefix,
    names,
    nats,
    async connect(name) {
      const h = await connectNats(natsUrl, `bench-${prefix}-${name}`);
      conns.push(h);
      return h;
    },
    async delete() {
      await deleteStreams(nats.jsm, names).catch(() => undefined);
      for (const c of conns.splice(0).reverse()) await c.nc.close().catch(() => undefined);
    },
  };
}

/** A free TCP port on 127.0.0.1 (for child processes that need to be told their port). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Runs cleanups in reverse order, never throwing; used in `finally` blocks. */
export class Cleanup {
  readonly #steps: Array<{ what: string; fn: () => Promise<unknown> | unknown }> = [];
  add(what: string, fn: () => Promise<unknown> | unknown): void {
    this.#steps.push({ what, fn });
  }
  async run(log: (line: string) => void = () => undefined): Promise<void> {
    for (const s of this.#steps.splice(0).reverse()) {
      try {
        await s.fn();
      } catch (err) {
        log(`cleanup ${s.what} failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }
}

/**
 * Updates per table and how many were HOT (heap-only: no index entries written). Cumulative stats
 * are flushed by backends about once a second, so read this a moment after the work.
 */
export async function updateStats(db: Db, tables: readonly string[]): Promise<string> {
  const r = await sql<{ relname: string; upd: number; hot: number }>`
    select relname, n_tup_upd::int as upd, n_tup_hot_upd::int as hot from pg_stat_user_tables where relname = any(${[...tables]})`.execute(db);
  return r.rows
    .sort((a, b) => a.relname.localeCompare(b.relname))
    .map((x) => `${x.relname} ${x.upd} updates, ${x.upd ? Math.round((100 * x.hot) / x.upd) : 0} % HOT`)
    .join("; ");
}
