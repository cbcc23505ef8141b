import { Kysely, PostgresDialect } from "kysely";
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
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** JSON columns are written as strings so the driver never guesses (arrays would become Postgres arrays). */
export function json(value: unknown): string {
  return JSON.stringify(value);
}
