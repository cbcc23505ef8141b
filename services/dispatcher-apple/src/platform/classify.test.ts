import { describe, expect, it } from "vitest";
import { AppleRequestError, AppleThrottledError, AppleTokenError, AppleTransientError } from "../apple/index.ts";
import { classifyPlatformFailure } from "./classify.ts";
import { platformErrorOf, readPlatformResult } from "./envelope.ts";
import { z } from "zod";

const body = { error: { code: "VALIDATION_ERROR", message: "bad budget", details: [{ code: "INVALID_VALUE", message: "too low", info: { field: "dailyBudget.value" } }] } };

describe("Platform API errors", () => {
  it("reads the documented error shape and the two variants Apple's pages and clients show", () => {
    expect(platformErrorOf(body)).toEqual({ code: "INVALID_VALUE", message: "bad budget", field: "dailyBudget.value" });
    expect(platformErrorOf({ error: { errors: [{ code: "CAMPAIGN_NOT_FOUND", message: "no such campaign" }] } })).toEqual({ code: "CAMPAIGN_NOT_FOUND", message: "no such campaign" });
    expect(platformErrorOf({ code: "UNAUTHORIZED", message: "expired" })).toEqual({ code: "UNAUTHORIZED", message: "expired" });
    expect(platformErrorOf({ result: { id: 1 } })).toBeUndefined();
    expect(platformErrorOf({ result: [], error: null })).toBeUndefined();
    expect(platformErrorOf({})).toBeUndefined();
  });

  it("classifies by HTTP status: 429 waits Retry-After, else RateLimit-Reset; 401 token; 5xx and 2xx-with-error transient; other 4xx refusals", () => {
    const t = classifyPlatformFailure({ httpStatus: 429, body: {}, retryAfter: "7", rateLimitReset: "30" });
    expect(t).toBeInstanceOf(AppleThrottledError);
    expect(t.retryAfterMs).toBe(7000);
    expect(classifyPlatformFailure({ httpStatus: 429, body: {}, rateLimitReset: "30" }).retryAfterMs).toBe(30_000);
    expect(classifyPlatformFailure({ httpStatus: 429, body: {}, rateLimitReset: "0" }).retryAfterMs).toBeUndefined();
    expect(classifyPlatformFailure({ httpStatus: 401, body: { error: { code: "UNAUTHORIZED" } } })).toBeInstanceOf(AppleTokenError);
    expect(classifyPlatformFailure({ httpStatus: 503, body: undefined })).toBeInstanceOf(AppleTransientError);
    expect(classifyPlatformFailure({ httpStatus: 200, body })).toBeInstanceOf(AppleTransientError);
    const refused = classifyPlatformFailure({ httpStatus: 400, body });
    expect(refused).toBeInstanceOf(AppleRequestError);
    expect(refused.message).toBe("bad budget");
    expect(refused.detail).toEqual({ httpStatus: 400, messageCode: "INVALID_VALUE", field: "dailyBudget.value" });
  });

  it("reads result and pagination; another shape is unknown (undefined)", () => {
    expect(readPlatformResult({ result: [1, 2], pagination: { offset: 0, pageSize: 2, totalCount: 9 } }, z.array(z.number()))).toEqual({ result: [1, 2], pagination: { offset: 0, pageSize: 2, totalCount: 9 } });
    expect(readPlatformResult({ data: [1] }, z.array(z.number()))).toBeUndefined();
  });
});
