import { createRequire } from "node:module";

/**
 * Counts the SQL statements a process sends to PostgreSQL, by patching `pg`'s `Client.prototype.query`
 * (every pool query, transaction BEGIN/COMMIT and kysely statement goes through it). PostgreSQL's
 * pg_stat_statements would do this server-side, but it needs `shared_preload_libraries` and a
 * restart, which a shared dev server cannot have. Counting costs one increment per statement.
 */

export interface StatementCounts {
  total: number;
  /** By leading keyword: select, insert, update, delete, with, begin, commit, rollback, other. */
  byKind: Record<string, number>;
  /** By the client's application_name (gateway, gate, …), so one process can attribute its pools. */
  byApp: Record<string, number>;
}

const KINDS = new Set(["select", "insert", "update", "delete", "with", "begin", "commit", "rollback", "savepoint", "release", "set", "listen", "notify"]);

/** The leading SQL keyword of a statement (comments and whitespace skipped), lower-cased. */
export function statementKind(text: string): string {
  const m = /^(?:\s|--[^\n]*\n|\/\*[\s\S]*?\*\/)*([a-zA-Z]+)/.exec(text);
  const k = m?.[1]?.toLowerCase() ?? "other";
  return KINDS.has(k) ? k : "other";
}

export function emptyCounts(): StatementCounts {
  return { total: 0, byKind: {}, byApp: {} };
}

/** after − before, per field (for a measured window). */
export function diffCounts(after: StatementCounts, before: StatementCounts): StatementCounts {
  const sub = (a: Record<string, number>, b: Record<string, number>) => Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v - (b[k] ?? 0)]).filter(([, v]) => (v as number) !== 0));
  return { total: after.total - before.total, byKind: sub(after.byKind, before.byKind), byApp: sub(after.byApp, before.byApp) };
}

/** "select 3.0, insert 1.0, …" per unit of work. */
export function describePerUnit(c: StatementCounts, units: number): string {
  if (units <= 0) return "—";
  const per = (n: number) => (n / units).toFixed(2);
  return `${per(c.total)} (${Object.entries(c.byKind)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${per(v)}`)
    .join(", ")})`;
}

let installed: StatementCounts | undefined;

/**
 * Patches the `pg` that `@layers/db` uses (resolved from packages/db, so the service's own copy)
 * and returns the live counters. Idempotent.
 */
export function installPgCounter(repoRoot: string): StatementCounts {
  if (installed) return installed;
  const require = createRequire(`${repoRoot}/packages/db/package.json`);
  const pg = require("pg") as { Client: { prototype: { query: (...args: unknown[]) => unknown; connectionParameters?: { application_name?: string } } } };
  const counts = emptyCounts();
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: { connectionParameters?: { application_name?: string } }, ...args: unknown[]) {
    const first = args[0];
    const text = typeof first === "string" ? first : typeof first === "object" && first !== null && typeof (first as { text?: unknown }).text === "string" ? (first as { text: string }).text : "";
    const kind = statementKind(text);
    const app = this.connectionParameters?.application_name ?? "?";
    counts.total++;
    counts.byKind[kind] = (counts.byKind[kind] ?? 0) + 1;
    counts.byApp[app] = (counts.byApp[app] ?? 0) + 1;
    return original.apply(this, args);
  };
  installed = counts;
  return counts;
}
