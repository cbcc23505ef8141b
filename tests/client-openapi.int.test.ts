import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "@layers/gateway/testing";

/**
 * The client's committed OpenAPI document (packages/client/openapi.json, the input of its generated
 * types) is the one the gateway serves: a route or schema change without `pnpm client:generate`
 * fails here.
 */
describe("packages/client/openapi.json", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => h?.close());

  it("equals GET /openapi.json of the gateway", async () => {
    const committed = JSON.parse(await readFile(new URL("../packages/client/openapi.json", import.meta.url), "utf8")) as unknown;
    const res = await h.send("GET", "/openapi.json");
    expect(res.statusCode).toBe(200);
    expect(committed).toEqual(res.json());
  });
});
