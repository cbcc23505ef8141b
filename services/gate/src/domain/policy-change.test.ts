import { describe, expect, it } from "vitest";
import type { AuthorityBlock, Operation } from "@layers/contracts";
import type { LayerPolicy } from "./decide.ts";
import { readIntentParams } from "./intent-params.ts";
import { policyChange, type PolicyChange } from "./policy-change.ts";

const DRAFT: AuthorityBlock = { creative: "draft", tactical: "draft", structural: "draft" };
const CMP = "cmp_0000000000000000000000000a";
const layer: LayerPolicy & { killSwitchReason: string | null } = {
  platform: "apple",
  killSwitchActive: true,
  killSwitchReason: "old",
  partnerWritesEnabled: false,
  ceiling: { creative: "auto", tactical: "auto", structural: "draft" },
  defaults: DRAFT,
  maxDailyBudgetCents: 9_000,
  writerPreset: null,
};

function params(op: Operation, raw: Record<string, unknown>) {
  const r = readIntentParams(op, raw);
  if (!r.ok) throw new Error(r.error);
  return r.params;
}

describe("policyChange - what an allowed policy operation changes", () => {
  const cases: Array<{ name: string; op: Operation; raw: Record<string, unknown>; campaign: AuthorityBlock | null; expected: PolicyChange }> = [
    {
      name: "campaign authority patch over its own block",
      op: "update_authority",
      raw: { campaignId: CMP, authority: { tactical: "auto" } },
      campaign: { creative: "off", tactical: "off", structural: "auto" },
      expected: {
        layer: null,
        campaignAuthority: { creative: "off", tactical: "auto", structural: "auto" },
        result: { campaignId: CMP, authority: { creative: "off", tactical: "auto", structural: "auto" }, authoritySource: "campaign" },
      },
    },
    {
      name: "campaign authority patch over inherited defaults",
      op: "update_authority",
      raw: { campaignId: CMP, authority: { creative: "off" } },
      campaign: null,
      expected: {
        layer: null,
        campaignAuthority: { creative: "off", tactical: "draft", structural: "draft" },
        result: { campaignId: CMP, authority: { creative: "off", tactical: "draft", structural: "draft" }, authoritySource: "campaign" },
      },
    },
    {
      name: "defaults patch",
      op: "update_defaults",
      raw: { authority: { structural: "off", creative: "auto" } },
      campaign: null,
      expected: {
        layer: { defaults: { creative: "auto", tactical: "draft", structural: "off" } },
        campaignAuthority: null,
        result: { authority: { creative: "auto", tactical: "draft", structural: "off" }, killSwitchActive: true },
      },
    },
    {
      name: "kill switch release clears the reason",
      op: "set_kill_switch",
      raw: { active: false },
      campaign: null,
      expected: { layer: { killSwitchActive: false, killSwitchReason: null }, campaignAuthority: null, result: { killSwitchActive: false, reason: null } },
    },
    {
      name: "kill switch trip with a reason",
      op: "set_kill_switch",
      raw: { active: true, reason: "billing issue" },
      campaign: null,
      expected: { layer: { killSwitchActive: true, killSwitchReason: "billing issue" }, campaignAuthority: null, result: { killSwitchActive: true, reason: "billing issue" } },
    },
    {
      name: "policy: omitted fields keep their value",
      op: "update_policy",
      raw: { writerPreset: "END_TO_END" },
      campaign: null,
      expected: {
        layer: { ceiling: layer.ceiling, partnerWritesEnabled: false, maxDailyBudgetCents: 9_000, writerPreset: "END_TO_END" },
        campaignAuthority: null,
        result: { ceiling: layer.ceiling, partnerWritesEnabled: false, maxDailyBudgetCents: 9_000, writerPreset: "END_TO_END" },
      },
    },
    {
      name: "policy: null clears the cap, the ceiling merges",
      op: "update_policy",
      raw: { maxDailyBudgetCents: null, ceiling: { structural: "auto" }, partnerWritesEnabled: true },
      campaign: null,
      expected: {
        layer: { ceiling: { creative: "auto", tactical: "auto", structural: "auto" }, partnerWritesEnabled: true, maxDailyBudgetCents: null },
        campaignAuthority: null,
        result: { ceiling: { creative: "auto", tactical: "auto", structural: "auto" }, partnerWritesEnabled: true, maxDailyBudgetCents: null, writerPreset: null },
      },
    },
  ];
  it.each(cases)("$op: $name", ({ op, raw, campaign, expected }) => {
    expect(policyChange(op, params(op, raw), layer, campaign)).toEqual(expected);
  });

  it("refuses a platform operation", () => {
    expect(() => policyChange("update_budget", params("update_budget", { campaignId: CMP, dailyBudgetCents: 1 }), layer, null)).toThrow(RangeError);
  });
});
