import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import type { Database } from "./schema.ts";

// bigint (int8) columns hold money and sequences far below 2^53: parse them as numbers.
pg.types.setTypeParser(20, (v) => Number(v));

export type Db = Kysely<Database>;

export interface DbOptions {
  connectionString: string;
  /** Pool size; each service sizes it for its own concurrency. */
  max?: number;
  applicationName?: string;
}

export function createDb(opts: DbOptions): Db {
  const pool = new pg.Pool({
    connectionString: opts.connectionString,
    max: opts.max ?? 10,
    application_name: opts.applicationName ?? "layers",
    // A restarted Postgres drops every connection: idle clients error, and the pool replaces them.
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 5_000,
  });
  pool.on("error", () => {
    /* an idle client died (e.g. Postgres restarted); the pool discards it and the next query reconnects */
  });
  // A checked-out client whose server goes away also emits 'error'; unheard, that would crash the
  // process. The query in flight still rejects (and its caller retries), so listening is enough.
  pool.on("connect", (client) => {
    client.on("error", () => undefined);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  pools.set(db, pool);
  return db;
}

/** The pg pool behind each Db made here, for metrics (Kysely does not expose its dialect's pool). */
const pools = new WeakMap<Db, pg.Pool>();

/** Pool use of a Db made by `createDb`: connections open, idle, callers waiting, and the pool size. */
export function poolStats(db: Db): { total: number; idle: number; waiting: number; max: number } {
  const pool = pools.get(db);
  if (!pool) return { total: 0, idle: 0, waiting: 0, max: 0 };
  return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options.max ?? 0 };
}

/** Seconds since the oldest unpublished event outbox row was written; 0 when none waits. */
export async function oldestOutboxAgeSeconds(db: Db): Promise<number> {
  const row = await db
    .selectFrom("event_outbox")
    .select((eb) => eb.fn.min("created_at").as("oldest"))
    .where("published_at", "is", null)
    .executeTakeFirst();
  const oldest = row?.oldest as Date | string | null | undefined;
  if (!oldest) return 0;
  return Math.max(0, (Date.now() - new Date(oldest).getTime()) / 1000);
}

/** JSON columns are written as strings so the driver never guesses (arrays would become Postgres arrays). */
export function json(value: unknown): string {
  return JSON.stringify(value);
}

/** Readiness: Postgres answers a trivial query. */
export async function pgReady(db: Db): Promise<boolean> {
  await sql`select 1`.execute(db);
  return true;
}
