import type { AppleAdGroup, AppleCampaign, AppleKeyword } from "../apple/apple-types.ts";
import { platformMoney } from "./money.ts";
import { adGroupTargetingView, placementToV1 } from "./targeting.ts";

/** Objects of the shared store as the Platform API renders them. */

const GOAL: Record<string, string> = { MANUAL_CPT: "TAP", MAX_CONVERSIONS: "INSTALL" };
const PRICING: Record<string, string> = { CPC: "CPT" };

function statusBlock(o: { status: string; deleted: boolean }, pausedParent = false) {
  const running = !o.deleted && !pausedParent && (o.status === "ENABLED" || o.status === "ACTIVE");
  return {
    systemStatus: running ? "RUNNING" : "NOT_RUNNING",
    systemStatusReasons: o.deleted ? ["DELETED_BY_USER"] : running ? [] : ["PAUSED_BY_USER"],
    systemStatusLimitingReasons: [],
    displayStatus: o.deleted ? "DELETED" : running ? "RUNNING" : "PAUSED",
  };
}

export function campaignViewV1(c: AppleCampaign, currency: string): Record<string, unknown> {
  return {
    id: c.id,
    adAccountId: c.orgId,
    name: c.name,
    billingEvent: c.billingEvent,
    promotedObjectType: "APPSTORE_APP",
    promotedObjectId: String(c.adamId),
    dailyBudget: { value: platformMoney(c.dailyBudgetCents, currency) },
    targeting: {
      supplySource: { include: ["APPSTORE"] },
      supplyPlacement: { include: c.supplySources.map(placementToV1) },
      countryOrRegion: { include: c.countriesOrRegions },
    },
    bidStrategy: {
      bidStrategyType: c.biddingStrategy,
      bidStrategyGoal: GOAL[c.biddingStrategy] ?? "TAP",
      ...(c.bidCeilingCents === undefined ? {} : { bid: platformMoney(c.bidCeilingCents, currency) }),
    },
    sharedBudgets: [],
    paymentModel: "PAYG",
    status: c.status,
    ...statusBlock(c),
    startTime: c.startTime,
    endTime: c.endTime ?? null,
    deleted: c.deleted,
    creationTime: c.creationTime,
    modificationTime: c.modificationTime,
  };
}

export function adGroupViewV1(g: AppleAdGroup, c: AppleCampaign, currency: string): Record<string, unknown> {
  return {
    id: g.id,
    adAccountId: g.orgId,
    campaignId: g.campaignId,
    name: g.name,
    pricingModel: PRICING[g.pricingModel] ?? g.pricingModel,
    bidStrategy: { bidStrategyType: c.biddingStrategy, bidStrategyGoal: GOAL[c.biddingStrategy] ?? "TAP", bid: platformMoney(g.defaultBidCents, currency) },
    automatedKeywordsOptIn: g.automatedKeywordsOptIn,
    targeting: adGroupTargetingView(g.targetingDimensions),
    status: g.status,
    ...statusBlock(g),
    startTime: g.startTime,
    endTime: g.endTime ?? null,
    deleted: g.deleted,
    creationTime: g.creationTime,
    modificationTime: g.modificationTime,
  };
}

/** A keyword without a bid of its own reads back with its ad group's bid (Apple's documented answer). */
export function keywordViewV1(k: AppleKeyword, g: AppleAdGroup, currency: string): Record<string, unknown> {
  return {
    id: k.id,
    adAccountId: k.orgId,
    campaignId: k.campaignId,
    adGroupId: k.adGroupId,
    text: k.text,
    matchType: k.matchType,
    status: k.status === "ACTIVE" ? "ENABLED" : k.status,
    bid: platformMoney(k.bidCents ?? g.defaultBidCents, currency),
    displayStatus: k.deleted ? "DELETED" : k.status === "ACTIVE" ? "RUNNING" : "PAUSED",
    deleted: k.deleted,
    creationTime: k.creationTime,
    modificationTime: k.modificationTime,
  };
}
