import { describe, expect, it } from "vitest";
import { ApiError } from "../../errors.ts";
import { actorOf, credentialOrgOf, orgWriteRefusal } from "../../domain/principal.ts";
import { childScopeRefusal, childTier } from "./api-keys.ts";
import { mergeMetadata } from "./metadata.ts";

describe("child key scopes", () => {
  it.each([
    [["ads:read"], ["ads:read"], null],
    [["projects:write"], ["projects:*"], null],
    [["ads:write:*"], ["ads:*"], null],
    [["*"], ["*", "org:admin"], null],
    [["ads:write"], ["ads:write:*"], null],
    [["ads:write:connect"], ["ads:write"], "INSUFFICIENT_SCOPE"],
    [["ads:*"], ["ads:read"], "INSUFFICIENT_SCOPE"],
    [["*"], ["ads:*", "projects:*", "webhooks:*", "audit:read", "org:admin"], null],
    [["*"], ["ads:*", "org:admin"], "INSUFFICIENT_SCOPE"],
    [["org:admin"], ["*", "org:admin"], "VALIDATION"],
    [["ads:read", "org:admin"], ["org:admin", "ads:read"], "VALIDATION"],
  ] as const)("%j from a key holding %j → %s", (requested, parent, want) => {
    expect(childScopeRefusal(requested, parent)?.code ?? null).toBe(want);
  });
});

describe("child key tier", () => {
  it.each([
    [undefined, "standard", "standard"],
    [undefined, "scale", "scale"],
    [undefined, "internal", "enterprise"],
    ["scale", "enterprise", "scale"],
    ["enterprise", "scale", null],
    ["internal", "internal", null],
  ] as const)("%s under a %s key → %s", (requested, parent, want) => {
    expect(childTier(requested, parent)).toBe(want);
  });
});

describe("metadata merge", () => {
  it("merges key by key, \"\" unsets, null clears, absent keeps", () => {
    expect(mergeMetadata({ a: "1", b: "2" }, { b: "", c: "3" })).toEqual({ a: "1", c: "3" });
    expect(mergeMetadata({ a: "1" }, null)).toEqual({});
    expect(mergeMetadata({ a: "1" }, undefined)).toEqual({ a: "1" });
    expect(mergeMetadata({}, { a: "" })).toEqual({});
  });

  it("more than 50 keys after the merge is a VALIDATION error on /metadata; exactly 50 is fine", () => {
    const fifty = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, "v"]));
    expect(Object.keys(mergeMetadata({}, fifty))).toHaveLength(50);
    expect(Object.keys(mergeMetadata(fifty, { k0: "", extra: "v" }))).toHaveLength(50);
    try {
      mergeMetadata(fifty, { extra: "v" });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).code).toBe("VALIDATION");
    }
  });
});

describe("org state and acting principals", () => {
  it.each([
    ["active", "POST", null],
    ["suspended", "GET", null],
    ["suspended", "HEAD", null],
    ["suspended", "PATCH", "ORG_SUSPENDED"],
    ["archived", "GET", null],
    ["archived", "DELETE", "ORG_ARCHIVED"],
    [undefined, "POST", null],
  ] as const)("%s org, %s → %s", (status, method, want) => {
    expect(orgWriteRefusal(status, method)).toBe(want);
  });

  it("a parent acting inside a child is recorded as the parent's org and key, on behalf of the child", () => {
    const p = { kind: "api_key" as const, organizationId: "org_child", apiKeyId: "key_p", scopes: ["*"], rateTier: "standard", actingOrganizationId: "org_parent" };
    expect(actorOf(p)).toEqual({ type: "partner", organizationId: "org_parent", apiKeyId: "key_p", onBehalfOf: "org_child" });
    expect(credentialOrgOf(p)).toBe("org_parent");
    const own = { ...p, actingOrganizationId: undefined, organizationId: "org_parent" };
    expect(actorOf(own)).toEqual({ type: "partner", organizationId: "org_parent", apiKeyId: "key_p" });
  });
});
