import { describe, expect, it } from "vitest";
import { expandScopes, hasScope, isGrantableScope, LEGACY_ADS_WRITE, SCOPES } from "./scopes.ts";

describe("scopes", () => {
  it.each([
    [["*"], "org:admin", false],
    [["org:*"], "org:admin", false],
    [["org:admin"], "org:admin", true],
    [["*"], "ads:write:connect", true],
    [["ads:*"], "ads:read", true],
    [["ads:*"], "ads:write:override", true],
    [["ads:*"], "projects:read", false],
    [["ads:write:*"], "ads:write:pending", true],
    [["ads:write:*"], "ads:write:connect", true],
    [["ads:write:*"], "ads:read", false],
    [["ads:write"], "ads:write:campaigns", true],
    [["ads:write"], "ads:write:capi", true],
    [["ads:write"], "ads:write:connect", false],
    [["ads:write"], "ads:write:override", false],
    [["ads:write"], "ads:read", false],
    [["projects:*"], "projects:write", true],
    [["projects:read"], "projects:write", false],
    [[], "ads:read", false],
  ] as const)("%j grants %s: %s", (granted, needed, expected) => {
    expect(hasScope(granted, needed)).toBe(expected);
  });

  it("the legacy ads:write is exactly the eight sub-scopes", () => {
    expect([...expandScopes(["ads:write"])].sort()).toEqual([...LEGACY_ADS_WRITE].sort());
    expect(LEGACY_ADS_WRITE).toHaveLength(8);
  });

  it("* covers every scope but the deny-by-default ones (org:admin), and nothing else", () => {
    expect([...expandScopes(["*"])].sort()).toEqual(SCOPES.filter((s) => s !== "org:admin").sort());
    expect([...expandScopes(["*", "org:admin"])].sort()).toEqual([...SCOPES].sort());
  });

  it.each(["ads:write:kill_switch", "ads", "admin:*", "ads:write:campaign", ""])("refuses to grant %j", (s) => {
    expect(isGrantableScope(s)).toBe(false);
  });
});
