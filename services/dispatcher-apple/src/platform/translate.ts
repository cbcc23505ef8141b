import { PermanentError } from "@layers/runtime";
import {
  appleAdGroupSchema,
  appleCampaignSchema,
  appleKeywordSchema,
  wireId,
  type AppleAdGroup,
  type AppleAdGroupCreate,
  type AppleAdGroupUpdate,
  type AppleCampaign,
  type AppleCampaignCreate,
  type AppleCampaignUpdate,
  type AppleKeyword,
  type AppleKeywordCreate,
  type AppleKeywordUpdate,
} from "../apple/index.ts";
import type { V1AdGroup, V1Campaign, V1Keyword, V1Targeting } from "./schemas.ts";

/**
 * The adapter's Apple vocabulary (the shapes of `AppleClient`, which v5 defined) ↔ the Platform
 * API's wire shapes. Pure. Everything that only renames lives here, so plan, reconcile and sync
 * stay the same on both APIs:
 * `adamId` ↔ `promotedObjectType: APPSTORE_APP` + `promotedObjectId` (string);
 * `dailyBudgetAmount` ↔ `dailyBudget.value`; `countriesOrRegions` / `supplySources` ↔
 * `targeting.countryOrRegion` / `supplyPlacement` (`APPSTORE_PRODUCT_PAGES_BROWSE` ↔
 * `APPSTORE_PRODUCT_PAGES`); `biddingStrategy` ↔ `bidStrategy {bidStrategyType, bidStrategyGoal}`;
 * ad group `pricingModel` CPC ↔ CPT and `defaultBidAmount` ↔ `bidStrategy.bid`;
 * `targetingDimensions` ↔ `targeting` (`minAge: {include: ["25"]}`…); keyword `ACTIVE` ↔
 * `ENABLED`, `bidAmount` ↔ `bid`. `adChannelType` has no Platform API field (the placement says
 * it) and is not sent.
 */

const GOAL: Record<string, string> = { MANUAL_CPT: "TAP", MAX_CONVERSIONS: "INSTALL" };
const PLACEMENT_V1: Record<string, string> = { APPSTORE_PRODUCT_PAGES_BROWSE: "APPSTORE_PRODUCT_PAGES" };
const PLACEMENT_V5: Record<string, string> = { APPSTORE_PRODUCT_PAGES: "APPSTORE_PRODUCT_PAGES_BROWSE" };
const PRICING_V1: Record<string, string> = { CPC: "CPT" };
const PRICING_V5: Record<string, string> = { CPT: "CPC" };
const KEYWORD_STATUS_V1: Record<string, string> = { ACTIVE: "ENABLED" };
const KEYWORD_STATUS_V5: Record<string, string> = { ENABLED: "ACTIVE" };

function strategy(type: string): { bidStrategyType: string; bidStrategyGoal: string } {
  const goal = GOAL[type];
  if (goal === undefined) throw new PermanentError("invalid_params", `the Apple Ads Platform API has no bid strategy ${type} for App Store campaigns`);
  return { bidStrategyType: type, bidStrategyGoal: goal };
}

function noV1Field(what: string): PermanentError {
  return new PermanentError("invalid_params", `the Apple Ads Platform API has no ${what}`);
}

/** v5's channel of a set of placements: search results are SEARCH, the other App Store placements DISPLAY. */
export function channelOfPlacements(placements: readonly string[]): "SEARCH" | "DISPLAY" {
  return placements.every((p) => p === "APPSTORE_SEARCH_RESULTS") ? "SEARCH" : "DISPLAY";
}

const defined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/** Campaign `targeting` for countries and placements (include-only). */
export function campaignTargeting(countries: readonly string[], placements: readonly string[]): V1Targeting {
  return {
    supplySource: { include: ["APPSTORE"] },
    supplyPlacement: { include: placements.map((p) => PLACEMENT_V1[p] ?? p) },
    countryOrRegion: { include: [...countries] },
  };
}

/** `POST /v1/campaigns`: unwrapped; `adAccountId` goes in the body as well as in the header. Bid strategy is required (MANUAL_CPT unless asked). */
export function campaignCreateBody(f: AppleCampaignCreate, adAccountId: string): Record<string, unknown> {
  if (f.targetCpa !== undefined) throw noV1Field("targetCpa");
  // The channel is implied by the placements now; one that contradicts them cannot be honoured.
  const channel = channelOfPlacements(f.supplySources);
  if (f.adChannelType !== channel) {
    throw new PermanentError("invalid_params", `the Apple Ads Platform API has no adChannelType: supply sources ${f.supplySources.join(", ")} run on ${channel}, not ${f.adChannelType}`);
  }
  return defined({
    adAccountId: wireId(adAccountId, "adAccountId"),
    name: f.name,
    billingEvent: f.billingEvent,
    promotedObjectType: "APPSTORE_APP",
    promotedObjectId: f.adamId,
    dailyBudget: { value: f.dailyBudgetAmount },
    targeting: campaignTargeting(f.countriesOrRegions, f.supplySources),
    bidStrategy: strategy(f.biddingStrategy ?? "MANUAL_CPT"),
    status: f.status,
    startTime: f.startTime,
    endTime: f.endTime,
  });
}

/**
 * `PUT /v1/campaigns/{id}` (partial, unwrapped). A countries change sends the whole `targeting`
 * object: arrays are replaced whole, and whether Apple merges the object per dimension is not
 * documented, so `current` (as Apple holds it) supplies the other dimensions.
 */
export function campaignUpdateBody(f: AppleCampaignUpdate, current?: V1Targeting | null): Record<string, unknown> {
  if (f.targetCpa !== undefined) throw noV1Field("targetCpa");
  return defined({
    name: f.name,
    status: f.status,
    dailyBudget: f.dailyBudgetAmount === undefined ? undefined : { value: f.dailyBudgetAmount },
    bidStrategy: f.biddingStrategy === undefined ? undefined : strategy(f.biddingStrategy),
    targeting: f.countriesOrRegions === undefined ? undefined : { ...(current ?? {}), countryOrRegion: { include: [...f.countriesOrRegions] } },
    startTime: f.startTime,
    endTime: f.endTime,
  });
}

const includes = (t: V1Targeting | null | undefined, dim: string): string[] | undefined => t?.[dim]?.include?.map(String);

export function campaignFromV1(c: V1Campaign): AppleCampaign {
  const placements = includes(c.targeting, "supplyPlacement");
  return appleCampaignSchema.parse(defined({
    ...c,
    orgId: c.adAccountId,
    adamId: c.promotedObjectId ?? undefined,
    dailyBudgetAmount: c.dailyBudget?.value ?? null,
    countriesOrRegions: includes(c.targeting, "countryOrRegion"),
    supplySources: placements?.map((p) => PLACEMENT_V5[p] ?? p),
    // Gone as a field, still implied by the placements.
    adChannelType: placements === undefined ? undefined : channelOfPlacements(placements.map((p) => PLACEMENT_V5[p] ?? p)),
    biddingStrategy: c.bidStrategy?.bidStrategyType ?? null,
    servingStatus: c.systemStatus ?? undefined,
    displayStatus: c.displayStatus ?? undefined,
  }));
}

// ------------------------------------------------------------------ ad groups

/** v5 `targetingDimensions` → v1 `targeting`; null clears. Age becomes `minAge`/`maxAge` strings. */
export function targetingOfDimensions(dims: Readonly<Record<string, unknown>> | null | undefined): V1Targeting | null {
  if (dims === null || dims === undefined) return null;
  const out: V1Targeting = {};
  for (const [key, raw] of Object.entries(dims)) {
    if (raw === null || typeof raw !== "object") continue;
    const c = raw as { included?: unknown[]; excluded?: unknown[]; userTime?: { included?: unknown[] } };
    if (key === "age") {
      const range = (c.included?.[0] ?? {}) as { minAge?: number | null; maxAge?: number | null };
      if (typeof range.minAge === "number") out.minAge = { include: [String(range.minAge)] };
      if (typeof range.maxAge === "number") out.maxAge = { include: [String(range.maxAge)] };
      continue;
    }
    if (key === "daypart") {
      out.daypart = { include: (c.userTime?.included ?? c.included ?? []).map(String) };
      continue;
    }
    const name = key === "appDownloaders" ? "appDownloader" : key === "appCategories" ? "appCategory" : key;
    out[name] = defined({ include: c.included?.map(String), exclude: c.excluded?.map(String) }) as V1Targeting[string];
  }
  return out;
}

/** v1 `targeting` → v5 `targetingDimensions` (the shape the reconcile and audience code read). */
export function dimensionsOfTargeting(t: V1Targeting | null | undefined): Record<string, unknown> | null {
  if (t === null || t === undefined) return null;
  const out: Record<string, unknown> = {};
  const num = (dim: string) => {
    const v = t[dim]?.include?.[0];
    return v === undefined ? undefined : Number(v);
  };
  const minAge = num("minAge");
  const maxAge = num("maxAge");
  if (minAge !== undefined || maxAge !== undefined) out.age = { included: [defined({ minAge, maxAge })] };
  for (const [key, c] of Object.entries(t)) {
    if (key === "minAge" || key === "maxAge" || c === null || c === undefined) continue;
    if (key === "daypart") {
      out.daypart = { userTime: { included: (c.include ?? []).map(Number) } };
      continue;
    }
    const name = key === "appDownloader" ? "appDownloaders" : key === "appCategory" ? "appCategories" : key;
    out[name] = defined({ included: c.include ?? undefined, excluded: c.exclude ?? undefined });
  }
  return Object.keys(out).length === 0 ? null : out;
}

export function adGroupCreateBody(campaignId: string, f: AppleAdGroupCreate): Record<string, unknown> {
  if (f.cpaGoal !== undefined) throw noV1Field("cpaGoal");
  return defined({
    campaignId: wireId(campaignId, "campaignId"),
    name: f.name,
    pricingModel: PRICING_V1[f.pricingModel] ?? f.pricingModel,
    bidStrategy: { bid: f.defaultBidAmount },
    startTime: f.startTime,
    endTime: f.endTime,
    status: f.status,
    automatedKeywordsOptIn: f.automatedKeywordsOptIn,
    targeting: f.targetingDimensions === undefined ? undefined : targetingOfDimensions(f.targetingDimensions),
  });
}

/** `PUT /v1/adgroups/{id}`: the bid goes in `bidStrategy.bid` (type and goal are the campaign's); targeting replaced whole. */
export function adGroupUpdateBody(f: AppleAdGroupUpdate): Record<string, unknown> {
  if (f.cpaGoal !== undefined) throw noV1Field("cpaGoal");
  return defined({
    name: f.name,
    bidStrategy: f.defaultBidAmount === undefined ? undefined : { bid: f.defaultBidAmount },
    startTime: f.startTime,
    endTime: f.endTime,
    status: f.status,
    automatedKeywordsOptIn: f.automatedKeywordsOptIn,
    targeting: f.targetingDimensions === undefined ? undefined : targetingOfDimensions(f.targetingDimensions),
  });
}

export function adGroupFromV1(g: V1AdGroup): AppleAdGroup {
  return appleAdGroupSchema.parse(defined({
    ...g,
    orgId: g.adAccountId,
    pricingModel: g.pricingModel ? (PRICING_V5[g.pricingModel] ?? g.pricingModel) : undefined,
    defaultBidAmount: g.bidStrategy?.bid ?? null,
    automatedKeywordsOptIn: g.automatedKeywordsOptIn ?? undefined,
    targetingDimensions: dimensionsOfTargeting(g.targeting),
    servingStatus: g.systemStatus ?? undefined,
    displayStatus: g.displayStatus ?? undefined,
  }));
}

// ------------------------------------------------------------------ keywords

export function keywordCreateBody(adGroupId: string, k: AppleKeywordCreate): Record<string, unknown> {
  return defined({
    adGroupId: wireId(adGroupId, "adGroupId"),
    text: k.text,
    matchType: k.matchType,
    status: k.status === undefined ? undefined : (KEYWORD_STATUS_V1[k.status] ?? k.status),
    bid: k.bidAmount,
  });
}

/** Only `bid` and `status` change on a keyword. */
export function keywordUpdateBody(u: Omit<AppleKeywordUpdate, "id">): Record<string, unknown> {
  return defined({ status: u.status === undefined ? undefined : (KEYWORD_STATUS_V1[u.status] ?? u.status), bid: u.bidAmount });
}

/**
 * A Platform API keyword in the adapter's vocabulary. Apple answers a keyword without a bid of its
 * own with its ad group's bid, so `bidAmount` is the bid the keyword actually bids.
 */
export function keywordFromV1(k: V1Keyword): AppleKeyword {
  return appleKeywordSchema.parse(defined({ ...k, status: KEYWORD_STATUS_V5[k.status] ?? k.status, bidAmount: k.bid ?? null }));
}
