import { money, type AppleMoney } from "./money.ts";
import type { AppleAdGroup, AppleCampaign, AppleKeyword } from "./apple-types.ts";

/** `displayStatus` as Apple derives it (no spend or schedule here, so never ON_HOLD). */
function displayStatus(o: { status: string; deleted: boolean }): string {
  if (o.deleted) return "DELETED";
  return o.status === "ENABLED" || o.status === "ACTIVE" ? "RUNNING" : "PAUSED";
}

function servingStatus(o: { status: string; deleted: boolean }): "RUNNING" | "NOT_RUNNING" {
  return displayStatus(o) === "RUNNING" ? "RUNNING" : "NOT_RUNNING";
}

export function campaignView(c: AppleCampaign, currency: string): Record<string, unknown> {
  const serving = servingStatus(c);
  return {
    id: c.id,
    orgId: c.orgId,
    name: c.name,
    adamId: c.adamId,
    budgetAmount: c.budgetCents === undefined ? null : money(c.budgetCents, currency),
    dailyBudgetAmount: money(c.dailyBudgetCents, currency) satisfies AppleMoney,
    budgetOrders: [],
    paymentModel: "PAYG",
    locInvoiceDetails: null,
    countriesOrRegions: c.countriesOrRegions,
    countryOrRegionServingStateReasons: {},
    supplySources: c.supplySources,
    adChannelType: c.adChannelType,
    billingEvent: c.billingEvent,
    biddingStrategy: c.biddingStrategy,
    status: c.status,
    servingStatus: serving,
    servingStateReasons: c.deleted ? null : serving === "RUNNING" ? null : ["PAUSED_BY_USER"],
    displayStatus: displayStatus(c),
    startTime: c.startTime,
    endTime: c.endTime ?? null,
    deleted: c.deleted,
    creationTime: c.creationTime,
    modificationTime: c.modificationTime,
  };
}

export function adGroupView(g: AppleAdGroup, currency: string): Record<string, unknown> {
  const serving = servingStatus(g);
  return {
    id: g.id,
    campaignId: g.campaignId,
    orgId: g.orgId,
    name: g.name,
    pricingModel: g.pricingModel,
    defaultBidAmount: money(g.defaultBidCents, currency),
    cpaGoal: g.cpaGoalCents === undefined ? null : money(g.cpaGoalCents, currency),
    automatedKeywordsOptIn: g.automatedKeywordsOptIn,
    targetingDimensions: g.targetingDimensions ?? null,
    startTime: g.startTime,
    endTime: g.endTime ?? null,
    status: g.status,
    servingStatus: serving,
    servingStateReasons: g.deleted ? null : serving === "RUNNING" ? null : ["PAUSED_BY_USER"],
    displayStatus: displayStatus(g),
    deleted: g.deleted,
    creationTime: g.creationTime,
    modificationTime: g.modificationTime,
  };
}

export function keywordView(k: AppleKeyword, currency: string): Record<string, unknown> {
  return {
    id: k.id,
    campaignId: k.campaignId,
    adGroupId: k.adGroupId,
    text: k.text,
    matchType: k.matchType,
    status: k.status,
    bidAmount: k.bidCents === undefined ? null : money(k.bidCents, currency),
    deleted: k.deleted,
    creationTime: k.creationTime,
    modificationTime: k.modificationTime,
  };
}
