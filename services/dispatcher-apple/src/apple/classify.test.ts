import { describe, expect, it } from "vitest";
import { classifyAppleFailure, classifyNetworkError, retryAfterMs } from "./classify.ts";
import { AppleRequestError, AppleThrottledError, AppleTokenError, AppleTransientError } from "./errors.ts";

const body = (...errors: Array<{ messageCode: string; message: string; field?: string | null }>) => ({
  data: null,
  pagination: null,
  error: { errors: errors.map((e) => ({ field: null, ...e })) },
});
const NOW = Date.parse("2026-03-01T12:00:00Z");

describe("classifyAppleFailure", () => {
  it.each([
    ["throttle", 429, body({ messageCode: "REQUEST_LIMIT_EXCEEDED", message: "Too many requests" }), AppleThrottledError],
    ["bare 429", 429, undefined, AppleThrottledError],
    ["expired token", 401, body({ messageCode: "UNAUTHORIZED", message: "The token is invalid or expired" }), AppleTokenError],
    ["bare 401", 401, undefined, AppleTokenError],
    ["server error", 500, body({ messageCode: "INTERNAL_ERROR", message: "Internal server error" }), AppleTransientError],
    ["html 502", 502, undefined, AppleTransientError],
    ["503", 503, undefined, AppleTransientError],
    ["2xx that still carries errors", 200, body({ messageCode: "INTERNAL_ERROR", message: "x" }), AppleTransientError],
    ["invalid input", 400, body({ messageCode: "INVALID_ATTRIBUTE_TYPE", message: "bad", field: "name" }), AppleRequestError],
    ["duplicate name", 400, body({ messageCode: "DUPLICATE_NAME", message: "exists", field: "name" }), AppleRequestError],
    ["wrong org context", 403, body({ messageCode: "FORBIDDEN", message: "no access", field: "X-AP-Context" }), AppleRequestError],
    ["not found", 404, body({ messageCode: "NOT_FOUND", message: "Campaign 9 was not found" }), AppleRequestError],
    ["other 4xx", 409, undefined, AppleRequestError],
  ])("%s → %s", (_name, httpStatus, b, kind) => {
    const err = classifyAppleFailure({ httpStatus, body: b });
    expect(err).toBeInstanceOf(kind);
    expect(err.retryable).toBe(kind === AppleThrottledError || kind === AppleTransientError);
    expect(err.detail.httpStatus).toBe(httpStatus);
  });

  it("keeps the first item's messageCode, message and field, and names the failure for the job", () => {
    const err = classifyAppleFailure({
      httpStatus: 400,
      body: body(
        { messageCode: "INVALID_ATTRIBUTE_TYPE", message: "dailyBudgetAmount must be greater than zero", field: "dailyBudgetAmount.amount" },
        { messageCode: "MISSING_REQUIRED_FIELD", message: "adamId is a required field", field: "adamId" },
      ),
    });
    expect(err).toBeInstanceOf(AppleRequestError);
    expect((err as AppleRequestError).code).toBe("platform_rejected");
    expect(err.detail).toEqual({ httpStatus: 400, messageCode: "INVALID_ATTRIBUTE_TYPE", field: "dailyBudgetAmount.amount" });
    expect(err.message).toBe("dailyBudgetAmount must be greater than zero (and 1 more)");
  });

  it("gives a token failure the token_expired code", () => {
    const err = classifyAppleFailure({ httpStatus: 401, body: body({ messageCode: "UNAUTHORIZED", message: "The token is invalid or expired" }) });
    expect((err as AppleTokenError).code).toBe("token_expired");
    expect(err.detail).toEqual({ httpStatus: 401, messageCode: "UNAUTHORIZED" });
  });

  it("names the status when the body says nothing", () => {
    expect(classifyAppleFailure({ httpStatus: 404, body: "<html/>" }).message).toBe("Apple answered HTTP 404");
  });

  it("takes a throttle's delay from Retry-After, in seconds or as a date", () => {
    expect(classifyAppleFailure({ httpStatus: 429, body: undefined, retryAfter: "60" }).retryAfterMs).toBe(60_000);
    const at = new Date(NOW + 5_000).toUTCString();
    expect(classifyAppleFailure({ httpStatus: 429, body: undefined, retryAfter: at, nowMs: NOW }).retryAfterMs).toBe(5_000);
    expect(classifyAppleFailure({ httpStatus: 429, body: undefined }).retryAfterMs).toBeUndefined();
  });

  it("does not read a delay into non-throttle errors", () => {
    expect(classifyAppleFailure({ httpStatus: 503, body: undefined, retryAfter: "30" }).retryAfterMs).toBeUndefined();
  });
});

describe("retryAfterMs", () => {
  it.each([[null], [""], ["0"], ["-5"], ["1.5"], ["soon"], [new Date(NOW - 1000).toUTCString()]])("leaves %j to the caller's backoff", (h) => {
    expect(retryAfterMs(h, NOW)).toBeUndefined();
  });
});

describe("classifyNetworkError", () => {
  it("treats timeouts and dropped connections as transient, keeping the cause", () => {
    const timeout = new DOMException("The operation was aborted due to timeout", "TimeoutError");
    const t = classifyNetworkError(timeout);
    expect(t).toBeInstanceOf(AppleTransientError);
    expect(t.message).toMatch(/timed out/);
    expect(t.cause).toBe(timeout);

    const refused = new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED 127.0.0.1:1") });
    const r = classifyNetworkError(refused);
    expect(r.retryable).toBe(true);
    expect(r.message).toMatch(/ECONNREFUSED/);
  });
});
