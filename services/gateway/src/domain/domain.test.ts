import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createCampaignBodySchema } from "@layers/contracts";
import { canonicalJson } from "./canonical-json.ts";
import { parseIdempotencyKey, requestFingerprint } from "./idempotency-key.ts";
import { fieldErrorsOf, toPointer } from "./json-pointer.ts";
import { isSaneRequestId, requestIdFrom } from "./request-id.ts";
import { principalHasScope, principalKey, type Principal } from "./principal.ts";

describe("canonical json", () => {
  it("canonical json - key order and whitespace do not matter, values do", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson(JSON.parse('{ "x": 1, "y": "2" }'))).toBe(canonicalJson({ y: "2", x: 1 }));
    expect(canonicalJson({ x: 1 })).not.toBe(canonicalJson({ x: "1" }));
    expect(canonicalJson({ x: undefined, y: 1 })).toBe('{"y":1}');
  });
});

describe("idempotency key", () => {
  it("idempotency key - accepts 1–255 visible ASCII characters and the quoted form", () => {
    expect(parseIdempotencyKey("a")).toBe("a");
    expect(parseIdempotencyKey('"8e03978e-40d5-43e8-bc93-6894a57f9324"')).toBe("8e03978e-40d5-43e8-bc93-6894a57f9324");
    expect(parseIdempotencyKey("x".repeat(255))).toBe("x".repeat(255));
    expect(parseIdempotencyKey("x".repeat(256))).toBeNull();
    expect(parseIdempotencyKey("")).toBeNull();
    expect(parseIdempotencyKey("has space")).toBeNull();
    expect(parseIdempotencyKey("tab\t")).toBeNull();
    expect(parseIdempotencyKey("ünïcode")).toBeNull();
  });

  it("fingerprint - differs by method, path and body, not by key order", () => {
    const f = requestFingerprint("POST", "/v1/projects", { name: "a", timezone: "UTC" });
    expect(requestFingerprint("post", "/v1/projects", { timezone: "UTC", name: "a" })).toBe(f);
    expect(requestFingerprint("PATCH", "/v1/projects", { name: "a", timezone: "UTC" })).not.toBe(f);
    expect(requestFingerprint("POST", "/v1/projects/x", { name: "a", timezone: "UTC" })).not.toBe(f);
    expect(requestFingerprint("POST", "/v1/projects", { name: "b", timezone: "UTC" })).not.toBe(f);
    expect(requestFingerprint("POST", "/v1/projects", undefined)).not.toBe(requestFingerprint("POST", "/v1/projects", {}));
  });
});

describe("json pointers", () => {
  it("pointers - escape ~ and / and report unknown keys at their own pointer", () => {
    expect(toPointer([])).toBe("");
    expect(toPointer(["a/b", "c~d", 0])).toBe("/a~1b/c~0d/0");
    const r = z.strictObject({ a: z.object({ n: z.number() }) }).safeParse({ a: { n: "x" }, extra: 1 });
    expect(r.success).toBe(false);
    const errors = fieldErrorsOf(r.error!.issues);
    expect(errors).toEqual(expect.arrayContaining([{ pointer: "/extra", detail: "unknown field" }, expect.objectContaining({ pointer: "/a/n" })]));
  });

  it("pointers - the both-budgets refinement points at /dailyBudgetCents", () => {
    const r = createCampaignBodySchema.safeParse({
      adAccountId: "aa_01hxf1aaaaaaaaaaaaaaaaaaaa",
      name: "x",
      outcome: "traffic",
      dailyBudgetCents: 1,
      lifetimeBudgetCents: 2,
      campaignManagementMode: "draft",
      creativeMode: "draft",
    });
    expect(fieldErrorsOf(r.error!.issues).map((e) => e.pointer)).toContain("/dailyBudgetCents");
  });
});

describe("request id", () => {
  it("request id - echoes sane tokens and replaces anything else", () => {
    expect(requestIdFrom("abc-123_x.y:z")).toBe("abc-123_x.y:z");
    expect(isSaneRequestId("x".repeat(129))).toBe(false);
    expect(requestIdFrom("bad id\n")).toMatch(/^req_[0-9a-z]{26}$/);
    expect(requestIdFrom(undefined)).toMatch(/^req_[0-9a-z]{26}$/);
    expect(requestIdFrom(["a", "b"])).toMatch(/^req_/);
  });
});

describe("principal", () => {
  const key: Principal = { kind: "api_key", organizationId: "org_a", apiKeyId: "key_1", scopes: ["ads:write"], rateTier: "standard" };
  const customer: Principal = { kind: "customer", organizationId: "org_a", userId: "u1", projectId: "p1" };
  it("principal - legacy ads:write grants the eight sub-scopes but not connect; customers hold every scope", () => {
    expect(principalHasScope(key, "ads:write:budgets")).toBe(true);
    expect(principalHasScope(key, "ads:write:connect")).toBe(false);
    expect(principalHasScope(customer, "ads:write:connect")).toBe(true);
    expect(principalKey(key)).not.toBe(principalKey(customer));
  });
});
