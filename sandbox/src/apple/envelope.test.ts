import { describe, expect, it } from "vitest";
import { invalidInput, rateLimited, success, unauthorized } from "./apple-error.ts";
import { bearerToken, contextOrgId } from "./auth.ts";

describe("apple envelope", () => {
  it("wraps successes with null pagination and error", () => {
    expect(success({ id: 1 })).toEqual({ data: { id: 1 }, pagination: null, error: null });
    expect(success([], { totalResults: 0, startIndex: 0, itemsPerPage: 0 }).pagination).toEqual({ totalResults: 0, startIndex: 0, itemsPerPage: 0 });
  });

  it("renders errors as {data:null, pagination:null, error:{errors:[…]}} with the HTTP status", () => {
    const e = invalidInput("name", "bad");
    expect(e.status).toBe(400);
    expect(e.toBody()).toEqual({ data: null, pagination: null, error: { errors: [{ messageCode: "INVALID_ATTRIBUTE_TYPE", message: "bad", field: "name" }] } });
    expect(unauthorized().status).toBe(401);
  });

  it("sends Retry-After on a 429 only when a wait is known", () => {
    expect(rateLimited(120).headers).toEqual({ "retry-after": "120" });
    expect(rateLimited(0).headers).toEqual({});
    expect(rateLimited(0).status).toBe(429);
  });
});

describe("apple auth headers", () => {
  it("reads Bearer tokens only", () => {
    expect(bearerToken("Bearer abc.def")).toBe("abc.def");
    expect(bearerToken("bearer abc")).toBe("abc");
    expect(bearerToken("OAuth abc")).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });

  it("reads orgId from X-AP-Context", () => {
    expect(contextOrgId("orgId=12345")).toBe(12345);
    expect(contextOrgId(" orgId = 7 ")).toBe(7);
    expect(contextOrgId("orgId=abc")).toBeUndefined();
    expect(contextOrgId("org=1")).toBeUndefined();
    expect(contextOrgId(undefined)).toBeUndefined();
  });
});
