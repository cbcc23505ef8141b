import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { healthSchema, readinessSchema } from "@layers/contracts";
import { expectContract } from "./test-support/contract.ts";
import { createHarness, type Harness } from "./test-support/harness.ts";

describe("health", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => h.close());

  it("healthz and readyz answer without credentials when Postgres and NATS are reachable", async () => {
    const live = await h.send("GET", "/healthz");
    expect(live.statusCode).toBe(200);
    expectContract(healthSchema, live.json());
    expect(live.headers["x-request-id"]).toBeTruthy();
    const ready = await h.send("GET", "/readyz");
    expect(ready.statusCode).toBe(200);
    expect(expectContract(readinessSchema, ready.json())).toEqual({ ok: true, checks: { postgres: true, nats: true } });
  });

  it("readyz is 503 once the NATS connection is gone", async () => {
    await h.env.nats.nc.close();
    const ready = await h.send("GET", "/readyz");
    expect(ready.statusCode).toBe(503);
    expect(expectContract(readinessSchema, ready.json()).checks).toEqual({ postgres: true, nats: false });
  });
});
