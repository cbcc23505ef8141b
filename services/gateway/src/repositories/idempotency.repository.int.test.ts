import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "@layers/contracts";
import { createTestEnv, type TestEnv } from "@layers/testkit";
import { claimKey, completeKey, findKey, holdAnswer, releaseKey, type IdemScope } from "./idempotency.repository.ts";

describe("idempotency keys", () => {
  let env: TestEnv;
  let org: string;
  const request = { method: "POST", path: "/v1/x", fingerprint: "fp-1" };
  const answer = (n: number) => ({ statusCode: 202, body: JSON.stringify({ n }), headers: { location: `/v1/jobs/${n}` } });
  const scope = (key: string): IdemScope => ({ organizationId: org, principal: "key:key_test", key });
  const age = (key: string) =>
    env.db.updateTable("idempotency_keys").set({ created_at: sql<Date>`now() - interval '3 minutes'` }).where("idem_key", "=", key).execute();

  beforeAll(async () => {
    env = await createTestEnv();
    org = newId("organization");
    await env.db.insertInto("organizations").values({ id: org, name: "org", parent_id: null }).execute();
  });
  afterAll(async () => env?.cleanup());

  it("keys - a held answer survives a failed request: release settles it instead of freeing the key", async () => {
    const claim = (await claimKey(env.db, scope("held"), request))!;
    expect(await env.db.transaction().execute((trx) => holdAnswer(trx, claim, answer(1)))).toBe(true);
    expect(await findKey(env.db, scope("held"))).toMatchObject({ state: "in_flight", held: true, leaseExpired: false, statusCode: 202 });
    await releaseKey(env.db, claim);
    expect(await findKey(env.db, scope("held"))).toMatchObject({ state: "done", held: false, body: JSON.stringify({ n: 1 }), headers: { location: "/v1/jobs/1" } });
    expect(await claimKey(env.db, scope("held"), request)).toBeNull();
  });

  it("keys - release frees a key whose request stored nothing", async () => {
    const claim = (await claimKey(env.db, scope("free"), request))!;
    await releaseKey(env.db, claim);
    expect(await findKey(env.db, scope("free"))).toBeNull();
    expect(await claimKey(env.db, scope("free"), request)).not.toBeNull();
  });

  it("keys - a dead claim holding an answer is never taken over; one holding none is, and the stale owner can no longer write", async () => {
    const held = (await claimKey(env.db, scope("dead-held"), request))!;
    await env.db.transaction().execute((trx) => holdAnswer(trx, held, answer(2)));
    await age("dead-held");
    expect(await claimKey(env.db, scope("dead-held"), request)).toBeNull();
    expect(await findKey(env.db, scope("dead-held"))).toMatchObject({ held: true, leaseExpired: true });

    const stale = (await claimKey(env.db, scope("dead-empty"), request))!;
    await age("dead-empty");
    const owner = (await claimKey(env.db, scope("dead-empty"), request))!;
    expect(owner.token).not.toBe(stale.token);
    expect(await env.db.transaction().execute((trx) => holdAnswer(trx, stale, answer(3)))).toBe(false);
    await completeKey(env.db, stale, answer(3));
    await releaseKey(env.db, stale);
    expect(await findKey(env.db, scope("dead-empty"))).toMatchObject({ state: "in_flight", held: false });
    await completeKey(env.db, owner, answer(4));
    expect(await findKey(env.db, scope("dead-empty"))).toMatchObject({ state: "done", body: JSON.stringify({ n: 4 }) });
  });
});
