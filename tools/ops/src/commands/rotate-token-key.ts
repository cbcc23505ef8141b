import { sql } from "kysely";
import type { Db } from "@layers/db";
import { currentKeyId, openToken, sealedKeyId, sealToken } from "@layers/runtime";

/**
 * Every column that holds a sealed value, with the primary key that addresses its row. Idempotency
 * answers are jsonb strings `"sealed:<envelope>"` (only answers that showed a secret are sealed).
 */
interface SealedColumn {
  table: string;
  keys: readonly string[];
  column: string;
  /** The stored value → the envelope, or undefined when the row holds nothing sealed. */
  kind: "text" | "idempotency";
}

const SEALED_COLUMNS: readonly SealedColumn[] = [
  { table: "ad_accounts", keys: ["id"], column: "access_token_enc", kind: "text" },
  { table: "ad_accounts", keys: ["id"], column: "credentials_enc", kind: "text" },
  { table: "oauth_states", keys: ["id"], column: "pkce_verifier_enc", kind: "text" },
  { table: "oauth_states", keys: ["id"], column: "apple_private_key_enc", kind: "text" },
  { table: "webhook_endpoints", keys: ["id"], column: "secret_enc", kind: "text" },
  { table: "webhook_endpoints", keys: ["id"], column: "previous_secret_enc", kind: "text" },
  { table: "idempotency_keys", keys: ["organization_id", "principal", "idem_key"], column: "response_body", kind: "idempotency" },
];

const IDEM_PREFIX = "sealed:";

export interface RotateTokenKeyResult {
  /** The key every value is now sealed under (the first of TOKEN_ENCRYPTION_KEY). */
  keyId: string;
  dryRun: boolean;
  /** `table.column` → values re-sealed (or, with dryRun, that would be). */
  resealed: Record<string, number>;
  /** Values no key of the ring opens (their key was dropped too early): left as they are. */
  unreadable: Array<{ table: string; column: string; row: string; keyId: string | null }>;
}

/**
 * `ops rotate-token-key`: re-seals every stored secret under the current key of the ring. Runs
 * beside live services (no downtime): rows are read in key order, batch by batch, and each update
 * only applies if the row still holds the value that was read (a service that re-sealed or
 * replaced it meanwhile wins). Safe to run again: values already under the current key are skipped.
 */
export async function rotateTokenKey(db: Db, keyRing: string, opts: { dryRun?: boolean; batchSize?: number } = {}): Promise<RotateTokenKeyResult> {
  const keyId = currentKeyId(keyRing);
  const batch = opts.batchSize ?? 500;
  const out: RotateTokenKeyResult = { keyId, dryRun: opts.dryRun ?? false, resealed: {}, unreadable: [] };
  const current = `v2.${keyId}.%`;
  for (const c of SEALED_COLUMNS) {
    const name = `${c.table}.${c.column}`;
    out.resealed[name] = 0;
    const keyCols = sql.join(c.keys.map((k) => sql.ref(k)));
    const value = c.kind === "idempotency" ? sql<string>`(${sql.ref(c.column)} #>> '{}')` : sql<string>`${sql.ref(c.column)}`;
    const stale =
      c.kind === "idempotency"
        ? sql`jsonb_typeof(${sql.ref(c.column)}) = 'string' and ${value} like ${IDEM_PREFIX + "%"} and ${value} not like ${IDEM_PREFIX + current}`
        : sql`${value} is not null and ${value} <> '' and ${value} not like ${current}`;
    let after: string[] | undefined;
    for (;;) {
      const page = sql<{ k: string[]; v: string }>`
        select array[${keyCols}]::text[] as k, ${value} as v from ${sql.table(c.table)}
        where ${stale} ${after ? sql`and (${keyCols}) > (${sql.join(after)})` : sql``}
        order by ${keyCols} limit ${batch}`;
      const { rows } = await page.execute(db);
      if (rows.length === 0) break;
      for (const r of rows) {
        const envelope = c.kind === "idempotency" ? r.v.slice(IDEM_PREFIX.length) : r.v;
        let resealed: string;
        try {
          resealed = sealToken(openToken(envelope, keyRing), keyRing);
        } catch {
          out.unreadable.push({ table: c.table, column: c.column, row: r.k.join("/"), keyId: sealedKeyId(envelope) ?? null });
          continue;
        }
        if (out.dryRun) {
          out.resealed[name]!++;
          continue;
        }
        const where = sql.join(c.keys.map((k, i) => sql`${sql.ref(k)} = ${r.k[i]}`), sql` and `);
        const next = c.kind === "idempotency" ? sql`to_jsonb(${IDEM_PREFIX + resealed}::text)` : sql`${resealed}`;
        const res = await sql`update ${sql.table(c.table)} set ${sql.ref(c.column)} = ${next} where ${where} and ${value} = ${r.v}`.execute(db);
        if (Number(res.numAffectedRows ?? 0) > 0) out.resealed[name]!++;
      }
      after = rows[rows.length - 1]!.k;
    }
  }
  return out;
}
