import { describe, expect, it } from "vitest";
import type { Operation } from "@layers/contracts";
import { readIntentParams } from "./intent-params.ts";

const CMP = "cmp_0000000000000000000000000a";
const AA = "aa_0000000000000000000000000a";
const CREATE = {
  campaignId: CMP,
  adAccountId: AA,
  name: "Q3",
  outcome: "conversions",
  dailyBudgetCents: 5_000,
  authority: { creative: "auto", tactical: "draft", structural: "off" },
  status: "PAUSED",
  specialAdCategories: [],
};

describe("readIntentParams - valid params", () => {
  const cases: Array<{ op: Operation; raw: Record<string, unknown>; expected: Record<string, unknown> }> = [
    { op: "update_budget", raw: { campaignId: CMP, dailyBudgetCents: 7_500 }, expected: { campaignId: CMP, dailyBudgetCents: 7_500, lifetimeBudgetCents: undefined } },
    { op: "update_budget", raw: { campaignId: CMP, lifetimeBudgetCents: 90_000 }, expected: { dailyBudgetCents: undefined, lifetimeBudgetCents: 90_000 } },
    { op: "pause_campaign", raw: { campaignId: CMP }, expected: { campaignId: CMP, dailyBudgetCents: undefined } },
    { op: "pause_campaign", raw: { campaignId: CMP, rationale: "CPA doubled" }, expected: { campaignId: CMP, rationale: "CPA doubled" } },
    { op: "create_campaign", raw: CREATE, expected: { campaignId: CMP, create: CREATE, dailyBudgetCents: 5_000 } },
    { op: "update_authority", raw: { campaignId: CMP, authority: { tactical: "auto" } }, expected: { campaignId: CMP, authorityPatch: { tactical: "auto" } } },
    { op: "update_defaults", raw: { authority: {} }, expected: { campaignId: undefined, authorityPatch: {} } },
    { op: "set_kill_switch", raw: { active: true, reason: "r" }, expected: { killSwitch: { active: true, reason: "r" } } },
    { op: "update_policy", raw: { maxDailyBudgetCents: null }, expected: { policy: { maxDailyBudgetCents: null } } },
    { op: "update_bid", raw: { campaignId: CMP, entityKind: "adset", entityId: "as_1", bidCents: 120 }, expected: { campaignId: CMP, dailyBudgetCents: undefined } },
    {
      op: "create_adset",
      raw: { campaignId: CMP, entityId: "as_1", name: "Broad", status: "PAUSED", dailyBudgetCents: 2_500 },
      expected: { campaignId: CMP, dailyBudgetCents: 2_500, createChild: { kind: "adset", entityId: "as_1", parentId: null, name: "Broad", status: "PAUSED" } },
    },
    {
      op: "create_keyword",
      raw: { campaignId: CMP, entityId: "kw_1", parentId: "ag_1", text: "running shoes", matchType: "EXACT", status: "ACTIVE" },
      expected: { createChild: { kind: "keyword", entityId: "kw_1", parentId: "ag_1", name: "running shoes" } },
    },
    {
      op: "push_creative",
      raw: { campaignId: CMP, entityId: "ad_1", parentId: "as_1", name: "New hook", status: "ACTIVE", creative: { primaryText: "Hi", linkUrl: "https://x.test" } },
      expected: { createChild: { kind: "ad", entityId: "ad_1", parentId: "as_1" } },
    },
  ];
  it.each(cases)("$op $raw", ({ op, raw, expected }) => {
    const r = readIntentParams(op, raw);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.params).toMatchObject(expected);
  });
});

describe("readIntentParams - params that break the operation's contract", () => {
  const cases: Array<{ op: Operation; raw: Record<string, unknown>; error: string }> = [
    { op: "update_budget", raw: { campaignId: CMP, dailyBudgetCents: -5 }, error: "params do not match update_budget" },
    { op: "update_budget", raw: { dailyBudgetCents: 5 }, error: "params do not match update_budget" },
    { op: "pause_campaign", raw: { campaignId: "nope" }, error: "params do not match pause_campaign" },
    { op: "pause_campaign", raw: { campaignId: CMP, extra: 1 }, error: "params do not match pause_campaign" },
    { op: "create_campaign", raw: { ...CREATE, authority: { creative: "max" } }, error: "params do not match create_campaign" },
    { op: "update_authority", raw: { authority: { tactical: "auto" } }, error: "params do not match update_authority" },
    { op: "set_kill_switch", raw: { active: "yes" }, error: "params do not match set_kill_switch" },
    { op: "pause_campaign", raw: { campaignId: CMP, rationale: 42 }, error: "params.rationale must be a string" },
    { op: "update_bid", raw: { campaignId: 7 }, error: "params do not match update_bid" },
    { op: "update_bid", raw: { campaignId: CMP, bidAmountCents: 120 }, error: "params do not match update_bid" },
    { op: "push_creative", raw: { creativeUrl: "https://x" }, error: "params do not match push_creative" },
    { op: "create_adset", raw: { campaignId: CMP, entityId: "as_1", name: "x", status: "LIVE" }, error: "params do not match create_adset" },
  ];
  it.each(cases)("$op $raw → $error", ({ op, raw, error }) => {
    const r = readIntentParams(op, raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(error);
  });
});
