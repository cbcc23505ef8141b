import { createDb } from "@layers/db";

type AdminDb = ReturnType<typeof adminDb>;

function adminDb(databaseUrl: string) {
  const u = new URL(databaseUrl);
  u.pathname = "/postgres";
  return createDb({ connectionString: u.toString(), max: 1, applicationName: "testkit-admin" }).withTables<{
    pg_stat_activity: { pid: number; datname: string | null; application_name: string };
  }>();
}

function databaseOf(databaseUrl: string): string {
  return decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
}

/** Terminates the database's backends; returns the `application_name` of each one terminated. */
async function terminateWith(admin: AdminDb, database: string): Promise<string[]> {
  const rows = await admin
    .selectFrom("pg_stat_activity")
    .select((eb) => ["application_name", eb.fn<boolean>("pg_terminate_backend", ["pid"]).as("terminated")])
    .where("datname", "=", database)
    .where((eb) => eb("pid", "<>", eb.fn<number>("pg_backend_pid", [])))
    .execute();
  return rows.filter((r) => r.terminated).map((r) => r.application_name);
}

/**
 * What a Postgres restart does to one database's clients, without restarting a server other test
 * files share: every backend connected to the database is terminated (from an admin connection to
 * `postgres`). Returns the number of backends terminated.
 */
export async function terminateBackends(databaseUrl: string): Promise<number> {
  const admin = adminDb(databaseUrl);
  try {
    return (await terminateWith(admin, databaseOf(databaseUrl))).length;
  } finally {
    await admin.destroy();
  }
}

/**
 * A restart that takes a while: terminates every backend of the database every `everyMs` for
 * `durationMs`, so clients that reconnect at once are cut again. Resolves with the rounds run, the
 * backends terminated in all, and the distinct `application_name`s whose connections were cut.
 */
export async function terminateBackendsFor(
  databaseUrl: string,
  opts: { durationMs: number; everyMs: number },
): Promise<{ rounds: number; terminated: number; applications: string[] }> {
  const admin = adminDb(databaseUrl);
  const database = databaseOf(databaseUrl);
  const until = Date.now() + opts.durationMs;
  let rounds = 0;
  let terminated = 0;
  const applications = new Set<string>();
  try {
    while (Date.now() < until) {
      const cut = await terminateWith(admin, database);
      terminated += cut.length;
      for (const a of cut) applications.add(a);
      rounds++;
      await new Promise((r) => setTimeout(r, opts.everyMs));
    }
  } finally {
    await admin.destroy();
  }
  return { rounds, terminated, applications: [...applications].sort() };
}
