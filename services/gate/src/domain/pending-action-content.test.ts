import { describe, expect, it } from "vitest";
import type { Actor, Operation } from "@layers/contracts";
import { readIntentParams } from "./intent-params.ts";
import { pendingActionContent, type CampaignFacts, type EntityFacts } from "./pending-action-content.ts";
import { testIntent } from "../testing/test-intent.ts";

const CMP = "cmp_0000000000000000000000000a";
const campaign: CampaignFacts = { id: CMP, name: "Spring sale", status: "ACTIVE", platformCampaignId: "2385001", dailyBudgetCents: 5_000, lifetimeBudgetCents: null };
const ORG = "org_0000000000000000000000000a";

function content(op: Operation, raw: Record<string, unknown>, opts: { campaign?: CampaignFacts | null; currency?: string; actor?: Actor } = {}) {
  const read = readIntentParams(op, raw);
  if (!read.ok) throw new Error(read.error);
  const intent = testIntent(op, raw, opts.actor ? { actor: opts.actor } : {});
  return pendingActionContent({ intent, params: read.params, campaign: opts.campaign === undefined ? campaign : opts.campaign, currency: opts.currency ?? "USD" });
}

describe("pendingActionContent - current and new values", () => {
  const cases: Array<{ name: string; op: Operation; raw: Record<string, unknown>; campaign?: CampaignFacts | null; current: unknown; next: unknown; entityName: string | null }> = [
    { name: "daily budget", op: "update_budget", raw: { campaignId: CMP, dailyBudgetCents: 7_500 }, current: { dailyBudgetCents: 5_000 }, next: { dailyBudgetCents: 7_500 }, entityName: "Spring sale" },
    { name: "lifetime budget never set", op: "update_budget", raw: { campaignId: CMP, lifetimeBudgetCents: 90_000 }, current: { lifetimeBudgetCents: null }, next: { lifetimeBudgetCents: 90_000 }, entityName: "Spring sale" },
    { name: "pause", op: "pause_campaign", raw: { campaignId: CMP }, current: { status: "ACTIVE" }, next: { status: "PAUSED" }, entityName: "Spring sale" },
    { name: "resume", op: "resume_campaign", raw: { campaignId: CMP }, current: { status: "ACTIVE" }, next: { status: "ACTIVE" }, entityName: "Spring sale" },
    { name: "archive", op: "archive_campaign", raw: { campaignId: CMP }, current: { status: "ACTIVE" }, next: { status: "ARCHIVED" }, entityName: "Spring sale" },
    { name: "delete", op: "delete_campaign", raw: { campaignId: CMP }, current: { status: "ACTIVE" }, next: { status: "DELETED" }, entityName: "Spring sale" },
    { name: "pause an ad set (its own status is not known here)", op: "pause_adset", raw: { campaignId: CMP, entityKind: "adset", entityId: "as1" }, current: null, next: { status: "PAUSED" }, entityName: null },
    { name: "bid on an ad set", op: "update_bid", raw: { campaignId: CMP, entityKind: "adset", entityId: "as1", bidCents: 150 }, current: null, next: { entityKind: "adset", entityId: "as1", bidCents: 150 }, entityName: null },
    { name: "bid strategy of the campaign", op: "update_bid", raw: { campaignId: CMP, bidStrategy: "COST_CAP" }, current: null, next: { bidStrategy: "COST_CAP" }, entityName: "Spring sale" },
    {
      name: "push a creative (a new ad)",
      op: "push_creative",
      raw: { campaignId: CMP, entityId: "ad_1", parentId: "as1", name: "Hook B", status: "ACTIVE", creative: { primaryText: "New", linkUrl: "https://x.test" } },
      current: null,
      next: { entityId: "ad_1", parentId: "as1", name: "Hook B", status: "ACTIVE", creative: { primaryText: "New", linkUrl: "https://x.test" } },
      entityName: "Hook B",
    },
  ];
  it.each(cases)("$name", ({ op, raw, campaign: c, current, next, entityName }) => {
    const r = content(op, raw, { campaign: c });
    expect(r.currentValue).toEqual(current);
    expect(r.newValue).toEqual(next);
    expect(r.entityName).toBe(entityName);
  });

  it("a create shows the new campaign and no current value", () => {
    const raw = {
      campaignId: CMP,
      adAccountId: "aa_0000000000000000000000000a",
      name: "Q3 prospecting",
      outcome: "traffic",
      lifetimeBudgetCents: 100_000,
      authority: { creative: "auto", tactical: "draft", structural: "draft" },
      status: "PAUSED",
      specialAdCategories: [],
    };
    const r = content("create_campaign", raw, { campaign: null });
    expect(r).toMatchObject({
      campaignId: CMP,
      entityName: "Q3 prospecting",
      currentValue: null,
      newValue: { name: "Q3 prospecting", outcome: "traffic", lifetimeBudgetCents: 100_000, status: "PAUSED", authority: raw.authority },
      rationale: `Partner ${ORG} (key key_0000000000000000000000000a) asked to create the campaign "Q3 prospecting" (traffic, lifetime budget 1000.00 USD).`,
    });
    expect(r.proposedAction.detail).toMatchObject({ operation: "create_campaign", amounts: { lifetimeBudget: "1000.00" }, platformCampaignId: null });
  });
});

describe("pendingActionContent - rationale", () => {
  const cases: Array<{ actor: Actor; currency: string; expected: string }> = [
    { actor: { type: "partner", organizationId: ORG, apiKeyId: "key_1" }, currency: "USD", expected: `Partner ${ORG} (key key_1) asked to change the daily budget of "Spring sale" from 50.00 to 75.00 USD.` },
    { actor: { type: "partner", organizationId: ORG }, currency: "USD", expected: `Partner ${ORG} asked to change the daily budget of "Spring sale" from 50.00 to 75.00 USD.` },
    { actor: { type: "customer", organizationId: ORG, userId: "usr_1" }, currency: "EUR", expected: `The customer (user usr_1) asked to change the daily budget of "Spring sale" from 50.00 to 75.00 EUR.` },
    { actor: { type: "optimizer", organizationId: ORG }, currency: "JPY", expected: `The optimizer asked to change the daily budget of "Spring sale" from 5000 to 7500 JPY.` },
    { actor: { type: "system", organizationId: ORG }, currency: "KWD", expected: `Layers asked to change the daily budget of "Spring sale" from 5.000 to 7.500 KWD.` },
  ];
  it.each(cases)("$actor.type in $currency", ({ actor, currency, expected }) => {
    expect(content("update_budget", { campaignId: CMP, dailyBudgetCents: 7_500 }, { actor, currency }).rationale).toBe(expected);
  });

  it("a proposer's own rationale wins and is not part of the change", () => {
    const r = content("update_bid", { campaignId: CMP, entityKind: "adset", entityId: "as1", bidCents: 90, rationale: "CPA is 40% under target" });
    expect(r.rationale).toBe("CPA is 40% under target");
    expect(r.newValue).toEqual({ entityKind: "adset", entityId: "as1", bidCents: 90 });
  });

  it("the proposed detail names the platform target and money in major units", () => {
    expect(content("update_budget", { campaignId: CMP, dailyBudgetCents: 7_500 }, { currency: "JPY" }).proposedAction).toEqual({
      detail: {
        platform: "meta",
        operation: "update_budget",
        campaignId: CMP,
        platformCampaignId: "2385001",
        currency: "JPY",
        changes: { dailyBudgetCents: 7_500 },
        amounts: { dailyBudget: "7500" },
      },
    });
  });
});

describe("pendingActionContent - writes to a named entity and optimizer proposals", () => {
  const ad: EntityFacts = { kind: "ad", id: "ad_1", name: "Summer hook", status: "active", dailyBudgetCents: null, lifetimeBudgetCents: null };
  const adset: EntityFacts = { kind: "adset", id: "as1", name: "Lookalikes", status: "active", dailyBudgetCents: 4_000, lifetimeBudgetCents: null };
  const withEntity = (op: Operation, raw: Record<string, unknown>, entity: EntityFacts, over: Parameters<typeof testIntent>[2] = {}) => {
    const read = readIntentParams(op, raw);
    if (!read.ok) throw new Error(read.error);
    return pendingActionContent({ intent: testIntent(op, raw, over), params: read.params, campaign, entity, currency: "USD" });
  };

  it.each([
    { name: "pause an ad", op: "pause_ad" as const, raw: { campaignId: CMP, entityKind: "ad", entityId: "ad_1" }, entity: ad, current: { status: "active" }, entityName: "Summer hook" },
    { name: "budget of an ad set", op: "update_budget" as const, raw: { campaignId: CMP, entityKind: "adset", entityId: "as1", dailyBudgetCents: 4_800 }, entity: adset, current: { dailyBudgetCents: 4_000 }, entityName: "Lookalikes" },
  ])("$name names the entity and its current value", ({ op, raw, entity, current, entityName }) => {
    const r = withEntity(op, raw, entity);
    expect(r.entityName).toBe(entityName);
    expect(r.currentValue).toEqual(current);
    expect(r.rationale).toContain(`"${entityName}"`);
  });

  it("an entity other than the target is not used", () => {
    const r = withEntity("pause_ad", { campaignId: CMP, entityKind: "ad", entityId: "ad_2" }, ad);
    expect(r.entityName).toBeNull();
  });

  it("an optimizer proposal carries its rationale, values and evidence", () => {
    const proposal = { rationale: "Spent $210.00 over 7 days with 0 conversions; the layer's CPA is $18.40.", evidence: { spendCents: 21_000 }, currentValue: { status: "active" }, newValue: { status: "paused" } };
    const r = withEntity("pause_ad", { campaignId: CMP, entityKind: "ad", entityId: "ad_1" }, ad, { actor: { type: "optimizer", organizationId: ORG }, source: "optimizer", proposal });
    expect(r.rationale).toBe(proposal.rationale);
    expect(r.currentValue).toEqual({ status: "active" });
    expect(r.newValue).toEqual({ status: "paused" });
    expect(r.entityName).toBe("Summer hook");
    expect(r.proposedAction.detail.evidence).toEqual({ spendCents: 21_000 });
  });
});
