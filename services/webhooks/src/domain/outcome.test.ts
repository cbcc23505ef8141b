import { describe, expect, it } from "vitest";
import { classify } from "./outcome.ts";

const now = Date.parse("2026-11-22T10:00:00Z");
const response = (status: number, retryAfter: string | null = null) => ({ kind: "response" as const, status, retryAfter });

describe("attempt outcome", () => {
  it("counts every 2xx as success", () => {
    for (const s of [200, 201, 202, 204, 299]) expect(classify(response(s), now)).toEqual({ outcome: "succeeded" });
  });

  it("fails redirects, saying they are not followed", () => {
    for (const s of [301, 302, 307, 308]) {
      const v = classify(response(s), now);
      expect(v.outcome).toBe("failed");
      expect(v).toMatchObject({ error: expect.stringContaining("redirects are not followed") });
    }
  });

  it("turns 410 into gone (the endpoint is disabled)", () => {
    expect(classify(response(410), now)).toEqual({ outcome: "gone", error: "the endpoint answered 410 Gone" });
  });

  it("fails other 4xx and 5xx with the status in the error", () => {
    expect(classify(response(400), now)).toEqual({ outcome: "failed", error: "the endpoint answered 400" });
    expect(classify(response(500), now)).toEqual({ outcome: "failed", error: "the endpoint answered 500" });
    expect(classify(response(100), now)).toEqual({ outcome: "failed", error: "the endpoint answered 100" });
  });

  it("carries Retry-After from 429 and 503, in seconds or as a date", () => {
    expect(classify(response(429, "30"), now)).toEqual({ outcome: "failed", error: "the endpoint answered 429 (Retry-After: 30)", retryAfterMs: 30_000 });
    expect(classify(response(503, "Sun, 22 Nov 2026 10:02:00 GMT"), now)).toMatchObject({ outcome: "failed", retryAfterMs: 120_000 });
  });

  it("ignores Retry-After on other statuses and when unreadable", () => {
    expect(classify(response(500, "30"), now)).toEqual({ outcome: "failed", error: "the endpoint answered 500" });
    expect(classify(response(429, "later"), now)).toEqual({ outcome: "failed", error: "the endpoint answered 429" });
    expect(classify(response(429), now)).toEqual({ outcome: "failed", error: "the endpoint answered 429" });
  });

  it("fails timeouts, network errors and unsent attempts with a clear error", () => {
    expect(classify({ kind: "timeout", timeoutMs: 15_000 }, now)).toEqual({ outcome: "failed", error: "no answer within 15000 ms" });
    expect(classify({ kind: "network", detail: "ECONNREFUSED" }, now)).toEqual({ outcome: "failed", error: "connection failed: ECONNREFUSED" });
    expect(classify({ kind: "not_sent", reason: "the endpoint URL was refused: 10.0.0.1 is not a public address" }, now)).toEqual({
      outcome: "failed",
      error: "the endpoint URL was refused: 10.0.0.1 is not a public address",
    });
  });
});
