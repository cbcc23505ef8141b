import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "kysely";
import { buildGateway } from "@layers/gateway";
import { hashApiKey, mintApiKeySecret } from "@layers/runtime";
import { newId } from "@layers/contracts";
import { createTestEnv, type TestEnv } from "@layers/testkit";
import { createOrganization, mintApiKey, revokeApiKey } from "./orgs.ts";
import { setApiKillSwitch } from "./api-kill-switch.ts";

const JWT_SECRET = "test-customer-jwt-secret-0123456789";
type FastifyInstance = Awaited<ReturnType<typeof buildGateway>>;

const ROOMY = { read: { quota: 1_000_000, windowSeconds: 60 }, write: { quota: 1_000_000, windowSeconds: 60 } };

/**
 * SPEC §10 / issue 8: gateways cache authenticated keys and the API kill switches in memory; a
 * revoke or a switch made through ops reaches every gateway within a second. The caches' own
 * timers are set far beyond a second (TTL 10 min, no switch polling), so only the pushed
 * invalidation can make these pass.
 */
describe("ops changes reach every gateway's caches within a second", () => {
  let env: TestEnv;
  let gateways: FastifyInstance[];

  beforeAll(async () => {
    env = await createTestEnv();
    const build = () =>
      buildGateway({
        db: env.db,
        databaseUrl: env.databaseUrl,
        nats: env.nats,
        names: env.names,
        log: env.log,
        customerJwtSecret: JWT_SECRET,
        idempotencyPruneEveryMs: 0,
        rateLimits: { tiers: { standard: ROOMY }, killSwitchRefreshMs: 0 },
        caches: { ttlMs: 600_000, negativeTtlMs: 600_000 },
      });
    gateways = [await build(), await build()];
  });
  afterAll(async () => {
    for (const g of gateways ?? []) await g.close();
    await env?.cleanup();
  });

  const whoami = (g: FastifyInstance, secret: string) => g.inject({ method: "GET", url: "/v1/whoami", headers: { authorization: `Bearer ${secret}` } });
  const createProject = (g: FastifyInstance, secret: string) =>
    g.inject({ method: "POST", url: "/v1/projects", headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" }, payload: JSON.stringify({ name: "p" }) });

  /** Polls every gateway until `done` holds for each; answers how long that took (ms), or fails after `withinMs`. */
  async function everyGatewayWithin(withinMs: number, done: (g: FastifyInstance) => Promise<boolean>): Promise<number> {
    const t0 = performance.now();
    const pending = new Set(gateways);
    while (pending.size > 0) {
      for (const g of [...pending]) if (await done(g)) pending.delete(g);
      if (pending.size === 0) break;
      if (performance.now() - t0 > withinMs) throw new Error(`${pending.size} gateway(s) still serve the old state after ${withinMs} ms`);
      await sleep(10);
    }
    return performance.now() - t0;
  }

  it("a key revoked with ops revoke-key stops working on both gateways within a second", async () => {
    const { orgId } = await createOrganization(env.db, "Acme");
    const key = await mintApiKey(env.db, { orgId, scopes: ["*"] });
    // Both gateways authenticate it (and now hold it in memory).
    for (const g of gateways) for (let i = 0; i < 3; i++) expect((await whoami(g, key.secret)).statusCode).toBe(200);

    expect(await revokeApiKey(env.db, key.apiKeyId)).toEqual({ apiKeyId: key.apiKeyId, revoked: true });
    const ms = await everyGatewayWithin(1000, async (g) => (await whoami(g, key.secret)).statusCode === 401);
    expect(ms).toBeLessThan(1000);
    // And it stays refused (no stale entry comes back).
    for (const g of gateways) expect((await whoami(g, key.secret)).statusCode).toBe(401);
  });

  it("a key revoked while the invalidation connections are cut still stops within a second (caches are bypassed until LISTEN is back)", async () => {
    const { orgId } = await createOrganization(env.db, "Cut");
    const key = await mintApiKey(env.db, { orgId, scopes: ["*"] });
    for (const g of gateways) expect((await whoami(g, key.secret)).statusCode).toBe(200);

    // Cut every gateway's LISTEN connection, then revoke before they reconnect: the notification is lost.
    const cut = await sql<{ n: number }>`
      select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
      where application_name = 'gateway-listener-gateway_cache' and datname = current_database()`.execute(env.db);
    expect(cut.rows[0]!.n).toBe(2);
    await revokeApiKey(env.db, key.apiKeyId);
    const ms = await everyGatewayWithin(1000, async (g) => (await whoami(g, key.secret)).statusCode === 401);
    expect(ms).toBeLessThan(1000);
    // The gateways listen again (and serve from memory again) soon after.
    await expect.poll(async () => (await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where application_name = 'gateway-listener-gateway_cache' and datname = current_database()`.execute(env.db)).rows[0]!.n, { timeout: 5000 }).toBe(2);
  });

  it("an unknown key is remembered as unknown, yet works on both gateways as soon as it is minted", async () => {
    const { orgId } = await createOrganization(env.db, "Late");
    const secret = mintApiKeySecret("test");
    for (const g of gateways) expect((await whoami(g, secret)).statusCode).toBe(401);
    await env.db
      .insertInto("api_keys")
      .values({ id: newId("apiKey"), organization_id: orgId, name: "late", secret_hash: hashApiKey(secret), last4: secret.slice(-4), scopes: ["*"] })
      .execute();
    const ms = await everyGatewayWithin(1000, async (g) => (await whoami(g, secret)).statusCode === 200);
    expect(ms).toBeLessThan(1000);
  });

  it("ops api-kill-switch stops and releases a key's writes on both gateways within a second, without polling", async () => {
    const { orgId } = await createOrganization(env.db, "Switch");
    const key = await mintApiKey(env.db, { orgId, scopes: ["*"] });
    for (const g of gateways) expect((await createProject(g, key.secret)).statusCode).toBe(201);

    await setApiKillSwitch(env.db, { scope: "key", target: key.apiKeyId, active: true, reason: "runaway" });
    expect(await everyGatewayWithin(1000, async (g) => (await createProject(g, key.secret)).statusCode === 403)).toBeLessThan(1000);
    for (const g of gateways) expect((await createProject(g, key.secret)).json()).toMatchObject({ code: "KILL_SWITCH" });

    await setApiKillSwitch(env.db, { scope: "key", target: key.apiKeyId, active: false });
    expect(await everyGatewayWithin(1000, async (g) => (await createProject(g, key.secret)).statusCode === 201)).toBeLessThan(1000);
  });
});
