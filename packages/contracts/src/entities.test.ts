import { describe, expect, it } from "vitest";
import { axisOf, OPERATION_AXIS, PLATFORMS, type Operation } from "./authority.ts";
import { appleChannelOf, childKindOf, operationFor, parentKindOf, PLATFORM_SURFACE, SCOPE_OF_OPERATION, type Capability } from "./entities.ts";
import { PLATFORM_OPERATION_PARAMS } from "./operation-params.ts";

describe("platform surface", () => {
  it("every capability a platform level offers maps to a platform operation with a params schema and a scope", () => {
    for (const platform of PLATFORMS) {
      for (const [kind, surface] of Object.entries(PLATFORM_SURFACE[platform])) {
        for (const cap of surface.capabilities) {
          const op = operationFor(kind as never, cap);
          expect(op in PLATFORM_OPERATION_PARAMS, `${platform} ${kind} ${cap} → ${op}`).toBe(true);
          expect(SCOPE_OF_OPERATION[op as keyof typeof SCOPE_OF_OPERATION], op).toBeDefined();
        }
      }
    }
  });

  it.each([
    ["campaign", "create", "create_campaign", "structural"],
    ["adgroup", "rename", "update_adgroup", "structural"],
    ["keyword", "delete", "delete_keyword", "structural"],
    ["adset", "bid", "update_bid", "tactical"],
    ["keyword", "bid", "update_bid", "tactical"],
    ["adgroup", "targeting", "update_targeting", "tactical"],
    ["ad", "replace_creative", "replace_creative", "creative"],
    ["adset", "push_creative", "push_creative", "creative"],
  ] as const)("%s %s → %s (%s)", (kind, cap, op, axis) => {
    expect(operationFor(kind, cap as Capability)).toBe(op);
    expect(axisOf(op)).toBe(axis);
  });

  it("scopes follow SPEC §5: budgets and bids need budgets, lifecycle needs lifecycle, creatives need creative", () => {
    const expected: Partial<Record<Operation, string>> = {
      create_keyword: "ads:write:campaigns",
      update_adset: "ads:write:campaigns",
      update_budget: "ads:write:budgets",
      update_bid: "ads:write:budgets",
      update_schedule: "ads:write:campaigns",
      update_targeting: "ads:write:campaigns",
      archive_ad: "ads:write:lifecycle",
      delete_campaign: "ads:write:lifecycle",
      push_creative: "ads:write:creative",
      prune_creative: "ads:write:creative",
      update_authority: "ads:write:policy",
    };
    for (const [op, scope] of Object.entries(expected)) expect(SCOPE_OF_OPERATION[op as keyof typeof SCOPE_OF_OPERATION], op).toBe(scope);
    // Every operation has a scope except the customer-only ones, which no partner key can make.
    const scoped = Object.keys(SCOPE_OF_OPERATION).sort();
    const all = Object.keys(OPERATION_AXIS).filter((op) => OPERATION_AXIS[op as Operation] !== "customer_only").sort();
    expect(scoped).toEqual(all);
  });

  it("what Apple's Platform API lacks: no lifetime budget at any level, and the channel follows the placements", () => {
    for (const s of Object.values(PLATFORM_SURFACE.apple)) expect(s.budget ?? []).not.toContain("lifetimeBudgetCents");
    const channel = PLATFORM_SURFACE.apple.campaign!.implied!.adChannelType!;
    expect(channel.from).toBe("supplySources");
    expect(channel.valueOf(channel.fromDefault)).toBe("SEARCH");
    expect(appleChannelOf(["APPSTORE_SEARCH_RESULTS"])).toBe("SEARCH");
    expect(appleChannelOf(["APPSTORE_SEARCH_TAB"])).toBe("DISPLAY");
    expect(appleChannelOf(["APPSTORE_SEARCH_RESULTS", "APPSTORE_TODAY_TAB"])).toBe("DISPLAY");
  });

  it("TikTok and Apple have no archive; Apple has keywords and no ads; keywords cannot be renamed", () => {
    for (const [kind, s] of [...Object.entries(PLATFORM_SURFACE.tiktok), ...Object.entries(PLATFORM_SURFACE.apple)]) {
      expect(s.capabilities, kind).not.toContain("archive");
    }
    expect(PLATFORM_SURFACE.apple.ad).toBeUndefined();
    expect(PLATFORM_SURFACE.apple.keyword?.capabilities).not.toContain("rename");
    expect(() => operationFor("keyword", "rename")).toThrow(RangeError);
  });

  it("levels: Meta campaign → adset → ad, TikTok campaign → adgroup → ad, Apple campaign → adgroup → keyword", () => {
    expect([childKindOf("meta", "campaign"), childKindOf("meta", "adset"), childKindOf("meta", "ad")]).toEqual(["adset", "ad", null]);
    expect([childKindOf("tiktok", "campaign"), childKindOf("tiktok", "adgroup")]).toEqual(["adgroup", "ad"]);
    expect([childKindOf("apple", "adgroup"), parentKindOf("apple", "keyword"), parentKindOf("apple", "campaign")]).toEqual(["keyword", "adgroup", null]);
    expect(parentKindOf("tiktok", "adset")).toBeNull();
  });
});
