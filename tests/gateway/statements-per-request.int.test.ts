import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { FastifyInstance } from "fastify";
import type { Database } from "@layers/db";
import type { RunningGate } from "@layers/gate";
import { createHarness, type Harness, type Tenant } from "@layers/gateway/testing";
import { startTestGate } from "../support/gate.ts";

/** Every statement a pool's clients send, as SQL text (BEGIN and COMMIT included). */
function countingDb(connectionString: string): { db: Kysely<Database>; statements: string[] } {
  const statements: string[] = [];
  const pool = new pg.Pool({ connectionString, max: 10 });
  // The test database is dropped with these connections open: their FATAL is expected, not a failure.
  pool.on("error", () => undefined);
  pool.on("connect", (client) => {
    client.on("error", () => undefined);
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const q = args[0];
      statements.push(typeof q === "string" ? q : String((q as { text?: string }).text ?? q));
      return query(...args);
    };
  });
  return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), statements };
}

/**
 * Issue 8: the gateway's per-request Postgres work is what durability needs. Authentication, the
 * API kill switch and rate-limit counting cost no statement per request once a key is warm; the
 * rate-limit flush is one statement per flush interval, whatever the number of requests.
 */
describe("Postgres statements per gateway request", () => {
  let h: Harness;
  let gate: RunningGate;
  let t: Tenant;
  let counted: ReturnType<typeof countingDb>;
  let gw: FastifyInstance;

  beforeAll(async () => {
    h = await createHarness({ verdictTimeoutMs: 3000 });
    gate = await startTestGate(h.env);
    t = await h.seedTenant({ consent: true });
    counted = countingDb(h.env.databaseUrl);
    // This gateway's own pool is the counted one; the gate keeps the harness pool (not counted).
    gw = await h.another({ db: counted.db, rateLimits: { flushEveryMs: 100, killSwitchRefreshMs: 500 } });
  });
  afterAll(async () => {
    await gate?.stop();
    await h?.close();
    await counted?.db.destroy();
  });

  const hot = (sql: string) => /\bapi_keys\b|\brate_limit_windows\b|\bapi_kill_switches\b/.test(sql);
  const rateFlush = (sql: string) => /^\s*with input as .*insert into rate_limit_windows/s.test(sql);

  it("authentication, kill switch and rate limit cost no statement per request once the key is warm", async () => {
    const whoami = () => gw.inject({ method: "GET", url: "/v1/whoami", headers: { authorization: `Bearer ${t.partner}` } });
    expect((await whoami()).statusCode).toBe(200); // warms the key and the read window
    const before = counted.statements.length;
    const t0 = performance.now();
    for (let i = 0; i < 200; i++) expect((await whoami()).statusCode).toBe(200);
    const elapsed = performance.now() - t0;
    const during = counted.statements.slice(before);
    // Only rate-limit flushes, paced by the clock (one per 100 ms at most, plus the one a waiting
    // request may trigger), not by the requests: no key read, no switch read.
    expect(during.every(rateFlush)).toBe(true);
    expect(during.length).toBeLessThanOrEqual(Math.ceil(elapsed / 100) + 2);
  });

  it("a gated budget write: the statements it costs the gateway, none of them for auth, switches or rate limits", async () => {
    const campaignId = await h.seedCampaign(t.projectId, { authority: { creative: "auto", tactical: "auto", structural: "auto" } });
    const write = (cents: number) =>
      gw.inject({
        method: "PATCH",
        url: `/v1/projects/${t.projectId}/ads/meta/campaigns/${campaignId}/budget`,
        headers: { authorization: `Bearer ${t.partner}`, "content-type": "application/json" },
        payload: JSON.stringify({ dailyBudgetCents: cents }),
      });
    expect((await write(6000)).statusCode).toBe(202); // warm: key, write window
    const n = 20;
    const perWrite: number[] = [];
    let hotStatements = 0;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      const before = counted.statements.length;
      const res = await write(6001 + i);
      expect(res.statusCode, res.body).toBe(202);
      const during = counted.statements.slice(before);
      expect(during.filter(hot).every(rateFlush)).toBe(true);
      hotStatements += during.filter(hot).length;
      perWrite.push(during.length);
    }
    // Flushes land inside some requests' spans, paced by the clock, not by the writes.
    expect(hotStatements).toBeLessThanOrEqual(Math.ceil((performance.now() - t0) / 100) + 2);
    const mean = perWrite.reduce((a, b) => a + b, 0) / n;
    // Before this change authentication and rate-limit counting added two statements to every write.
    console.info(`gateway statements per gated budget write: mean ${mean.toFixed(2)}, min ${Math.min(...perWrite)}, max ${Math.max(...perWrite)}; auth/switch/rate statements over ${n} writes: ${hotStatements}`);
    expect(Math.min(...perWrite)).toBeGreaterThan(0);
  });
});
