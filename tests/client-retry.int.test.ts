import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLayersClient } from "@layers/client";
import { createHarness, type Harness } from "@layers/gateway/testing";

/**
 * The client's 429 handling against the gateway's real rate limiter (a tier of 2 reads a second):
 * a third read in a second is refused with `Retry-After`, the client waits that long and the retry gets
 * through; a caller that allows no retry sees the 429 as a `LayersApiError`.
 */
describe("@layers/client retries against the gateway's rate limiter", () => {
  let h: Harness;
  let baseUrl: string;
  let key: string;
  const tiny = { read: { quota: 2, windowSeconds: 1 }, write: { quota: 2, windowSeconds: 1 } };

  beforeAll(async () => {
    h = await createHarness({ rateLimits: { tiers: { standard: tiny, internal: tiny }, flushEveryMs: 20 } });
    await h.app.listen({ port: 0, host: "127.0.0.1" });
    baseUrl = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
    key = (await h.mintKey(await h.seedOrg(), ["projects:read"])).secret;
  });
  afterAll(async () => h?.close());

  it("waits out Retry-After on a 429 and then succeeds", async () => {
    const seen: Array<{ status: number; retryAfter: string | null; at: number }> = [];
    const recording: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      seen.push({ status: res.status, retryAfter: res.headers.get("retry-after"), at: Date.now() });
      return res;
    };
    const layers = createLayersClient({ baseUrl, apiKey: key, fetch: recording, retry: { maxAttempts: 5, maxDelayMs: 5_000 } });
    // Six quick reads cannot all fit in two 1 s windows of 2: at least one is refused.
    for (let i = 0; i < 6; i++) expect((await layers.get("/v1/whoami")).scopes).toEqual(["projects:read"]);

    const refused = seen.filter((s) => s.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    expect(seen.filter((s) => s.status === 200)).toHaveLength(6);
    for (const r of refused) {
      expect(r.retryAfter).toMatch(/^\d+$/);
      // The next attempt came no earlier than the gateway asked.
      const next = seen[seen.indexOf(r) + 1]!;
      expect(next.at - r.at).toBeGreaterThanOrEqual(Number(r.retryAfter) * 1000);
    }
  });

  it("with retries off, the 429 is thrown as a retryable LayersApiError", async () => {
    const layers = createLayersClient({ baseUrl, apiKey: key, retry: { maxAttempts: 1 } });
    const errors: unknown[] = [];
    for (let i = 0; i < 10; i++) await layers.get("/v1/whoami").catch((e: unknown) => errors.push(e));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatchObject({ name: "LayersApiError", status: 429, code: "RATE_LIMITED", retryable: true, requestId: expect.stringMatching(/^req_/) });
  });
});
