import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./test-support/harness.ts";
import { fakeResolve } from "./test-support/webhooks.ts";

const BASE = "/v1/webhooks/endpoints";

describe("webhook secrets and Idempotency-Key", () => {
  let h: Harness;
  let key: string;
  beforeAll(async () => {
    h = await createHarness({ webhooks: { allowedHosts: [], resolveHost: fakeResolve } });
    key = (await h.mintKey(await h.seedOrg(), ["webhooks:read", "webhooks:write"])).secret;
  });
  afterAll(async () => h?.close());

  const stored = async (idemKey: string) =>
    h.env.db.selectFrom("idempotency_keys").select(["state", "response_body"]).where("idem_key", "=", idemKey).executeTakeFirstOrThrow();

  it("a replayed create shows the same secret, which is never stored in plaintext", async () => {
    const send = () => h.send("POST", BASE, { auth: key, body: { url: "https://hooks.partner.example/a" }, headers: { "idempotency-key": "ep-create-1" } });
    const first = await send();
    expect(first.statusCode).toBe(201);
    const secret = first.json().secret as string;
    expect(secret).toMatch(/^whsec_/);
    const row = await stored("ep-create-1");
    expect(row.state).toBe("done");
    expect(JSON.stringify(row.response_body)).not.toContain(secret.slice(6));
    expect(JSON.stringify(row.response_body)).toContain("sealed:");

    const again = await send();
    expect(again.statusCode).toBe(201);
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(again.json()).toEqual(first.json());
  });

  it("a replayed rotation shows the same new secret, sealed at rest", async () => {
    const ep = (await h.send("POST", BASE, { auth: key, body: { url: "https://hooks.partner.example/b" } })).json();
    const rotate = () => h.send("POST", `${BASE}/${ep.id}/rotate-secret`, { auth: key, body: { overlapSeconds: 60 }, headers: { "idempotency-key": "ep-rotate-1" } });
    const first = await rotate();
    expect(first.statusCode).toBe(200);
    const secret = first.json().secret as string;
    expect(secret).not.toBe(ep.secret);
    expect(JSON.stringify((await stored("ep-rotate-1")).response_body)).not.toContain(secret.slice(6));
    const again = await rotate();
    expect(again.json().secret).toBe(secret);
  });

  it("answers without a secret stay readable as they were", async () => {
    const ep = (await h.send("POST", BASE, { auth: key, body: { url: "https://hooks.partner.example/c" } })).json();
    const res = await h.send("POST", `${BASE}/${ep.id}/test`, { auth: key, body: {}, headers: { "idempotency-key": "ep-test-1" } });
    expect(res.statusCode).toBe(202);
    expect(JSON.stringify((await stored("ep-test-1")).response_body)).toContain(res.json().deliveryId);
  });
});
