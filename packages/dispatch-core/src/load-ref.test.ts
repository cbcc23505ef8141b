import { describe, expect, it } from "vitest";
import { PermanentError } from "@layers/runtime";
import { loadRefOf } from "./load-ref.ts";

describe("loadRefOf", () => {
  it.each([
    ["meta", "create_campaign", { adAccountId: "aa_1", campaignId: "cmp_1" }, { adAccountId: "aa_1" }],
    ["meta", "create_adset", { campaignId: "cmp_1", entityId: "as_1" }, { entity: { kind: "campaign", id: "cmp_1" } }],
    ["meta", "push_creative", { campaignId: "cmp_1", entityId: "ad_1", parentId: "as_1" }, { entity: { kind: "adset", id: "as_1" } }],
    ["tiktok", "create_ad", { campaignId: "cmp_1", entityId: "ad_1", parentId: "ag_1" }, { entity: { kind: "adgroup", id: "ag_1" } }],
    ["apple", "create_keyword", { campaignId: "cmp_1", entityId: "kw_1", parentId: "ag_1" }, { entity: { kind: "adgroup", id: "ag_1" } }],
    ["tiktok", "update_bid", { campaignId: "cmp_1", entityKind: "adgroup", entityId: "ag_1" }, { entity: { kind: "adgroup", id: "ag_1" } }],
    ["apple", "pause_campaign", { campaignId: "cmp_1" }, { entity: { kind: "campaign", id: "cmp_1" } }],
  ] as const)("%s %s → %j", (platform, operation, params, expected) => {
    expect(loadRefOf(platform, { operation, params })).toEqual(expected);
  });

  it.each([
    ["meta", "create_adset", { entityId: "as_1" }, "invalid_params"],
    ["meta", "create_ad", { campaignId: "cmp_1", entityId: "ad_1" }, "invalid_params"],
    ["apple", "create_adset", { campaignId: "cmp_1", entityId: "as_1" }, "unsupported_operation"],
    ["tiktok", "pause_ad", {}, "invalid_params"],
  ] as const)("%s %s %j is refused (%s) before any read", (platform, operation, params, code) => {
    const err = (() => {
      try {
        loadRefOf(platform, { operation, params });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(PermanentError);
    expect((err as PermanentError).code).toBe(code);
  });
});
