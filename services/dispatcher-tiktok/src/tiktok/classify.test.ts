import { describe, expect, it } from "vitest";
import { classifyNetworkError, classifyTikTokFailure, retryAfterMs } from "./classify.ts";
import { TikTokRequestError, TikTokThrottledError, TikTokTokenError, TikTokTransientError } from "./errors.ts";

const env = (code: number, message = "m") => ({ code, message, request_id: "20301122170501A1B2C3", data: {} });

describe("classifyTikTokFailure", () => {
  it.each([
    ["QPS limit at HTTP 200", 200, env(40100, "App reaches the QPS limit."), TikTokThrottledError],
    ["bare 429", 429, undefined, TikTokThrottledError],
    ["429 with an envelope", 429, env(40100), TikTokThrottledError],
    ["revoked token", 200, env(40105, "Access token is incorrect or has been revoked."), TikTokTokenError],
    ["empty token", 200, env(40104), TikTokTokenError],
    ["expired token", 200, env(40102), TikTokTokenError],
    ["system error", 200, env(50000, "System error, please try again later."), TikTokTransientError],
    ["service busy", 200, env(50002), TikTokTransientError],
    ["bare 503", 503, undefined, TikTokTransientError],
    ["html 502", 502, "<html>bad gateway</html>", TikTokTransientError],
    ["500 with an invalid-param envelope", 500, env(40002), TikTokTransientError],
    ["unreadable 200", 200, undefined, TikTokTransientError],
    ["200 without a code", 200, { message: "ok", data: {} }, TikTokTransientError],
    ["invalid parameter", 200, env(40002, "budget: must be at least 50 USD"), TikTokRequestError],
    ["permission", 200, env(40001), TikTokRequestError],
    ["not found", 200, env(40007), TikTokRequestError],
    ["unknown path", 404, env(40002, "Unknown path: /open_api/v1.3/x/"), TikTokRequestError],
    ["bare 404", 404, undefined, TikTokRequestError],
    ["40101 (bad app secret) is not a token error", 200, env(40101), TikTokRequestError],
  ])("%s → %s", (_name, httpStatus, body, kind) => {
    const err = classifyTikTokFailure({ httpStatus, body });
    expect(err).toBeInstanceOf(kind);
    expect(err.retryable).toBe(kind === TikTokThrottledError || kind === TikTokTransientError);
    expect(err.detail.httpStatus).toBe(httpStatus);
  });

  it("keeps TikTok's message verbatim with its code and request_id, and names the failure for the job", () => {
    const err = classifyTikTokFailure({ httpStatus: 200, body: env(40002, "campaign_name: Too small: expected string to have >=1 characters") });
    expect(err).toBeInstanceOf(TikTokRequestError);
    expect((err as TikTokRequestError).code).toBe("platform_rejected");
    expect(err.message).toBe("campaign_name: Too small: expected string to have >=1 characters");
    expect(err.detail).toEqual({ httpStatus: 200, code: 40002, requestId: "20301122170501A1B2C3" });
  });

  it("names a token refusal token_expired", () => {
    const err = classifyTikTokFailure({ httpStatus: 200, body: env(40105, "Access token is incorrect or has been revoked.") });
    expect((err as TikTokTokenError).code).toBe("token_expired");
    expect(err.detail.code).toBe(40105);
  });

  it("falls back to the code or status when TikTok gives no message", () => {
    expect(classifyTikTokFailure({ httpStatus: 200, body: { code: 40002, message: "", data: {} } }).message).toBe("TikTok answered code 40002");
    expect(classifyTikTokFailure({ httpStatus: 404, body: undefined }).message).toBe("TikTok answered HTTP 404");
  });

  it("takes a throttle's delay from Retry-After, seconds or a date", () => {
    const now = new Date("2030-01-01T00:00:00Z");
    expect(classifyTikTokFailure({ httpStatus: 429, body: undefined, retryAfter: "7", now }).retryAfterMs).toBe(7000);
    expect(classifyTikTokFailure({ httpStatus: 200, body: env(40100), retryAfter: "Tue, 01 Jan 2030 00:00:30 GMT", now }).retryAfterMs).toBe(30_000);
    expect(classifyTikTokFailure({ httpStatus: 200, body: env(40100) }).retryAfterMs).toBeUndefined();
  });

  it("does not read a delay into non-throttle errors", () => {
    expect(classifyTikTokFailure({ httpStatus: 503, body: undefined, retryAfter: "5" }).retryAfterMs).toBeUndefined();
  });
});

describe("retryAfterMs", () => {
  const now = new Date("2030-01-01T00:00:00Z");
  it.each([
    ["0", undefined],
    ["12", 12_000],
    [" 3 ", 3000],
    ["Tue, 01 Jan 2030 00:01:00 GMT", 60_000],
    ["Mon, 31 Dec 2029 23:59:00 GMT", undefined],
    ["soon", undefined],
    ["1.5", undefined],
    ["", undefined],
    [null, undefined],
  ])("%j → %s", (h, ms) => {
    expect(retryAfterMs(h, now)).toBe(ms);
  });
});

describe("classifyNetworkError", () => {
  it("treats timeouts and dropped connections as transient, keeping the cause", () => {
    const timeout = new DOMException("The operation was aborted due to timeout", "TimeoutError");
    const t = classifyNetworkError(timeout);
    expect(t).toBeInstanceOf(TikTokTransientError);
    expect(t.message).toMatch(/timed out/);
    expect(t.cause).toBe(timeout);

    const refused = new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED 127.0.0.1:1") });
    const r = classifyNetworkError(refused);
    expect(r.retryable).toBe(true);
    expect(r.message).toMatch(/ECONNREFUSED/);
  });
});
