import { currencyExponent } from "@layers/contracts";
import { invalidInput, missingField } from "../apple/apple-error.ts";
import { parseAppleTime } from "../apple/apple-time.ts";
import type { AppleCampaign } from "../apple/apple-types.ts";
import type { AdGroupCreateInput, AdGroupInput } from "../apple/adgroup-input.ts";
import { checkTimes, CAMPAIGN_STATUSES, NAME_MAX, type CampaignCreateInput, type CampaignUpdateInput } from "../apple/campaign-input.ts";
import { asObject, readBoolean, readEnum, readId, readName, refuseUnknown, requireValue } from "../apple/fields.ts";
import { KEYWORD_TEXT_MAX, MATCH_TYPES, type KeywordCreateInput } from "../apple/keyword-input.ts";
import { parseMoney } from "../apple/money.ts";
import { adGroupTargetingToStore, channelOf, parseCampaignTargeting, placementToV5 } from "./targeting.ts";

/**
 * Platform API bodies → the inputs the shared rules (`../apple/apply.ts`) take. Bodies are
 * unwrapped (no `{"campaign": …}`), updates are partial, immutable fields are refused by name,
 * and unknown fields are refused so a client's typo never passes silently.
 */

/** Allowed bid strategy pairs on an App Store ad account (MANUAL_CPM / MAX_ENGAGEMENTS are Maps only). */
const GOAL_OF: Record<string, string> = { MANUAL_CPT: "TAP", MAX_CONVERSIONS: "INSTALL" };
const STATUS = CAMPAIGN_STATUSES;

/** Money with no more decimals than the currency has (at most two). */
export function money(value: unknown, field: string, currency: string): number {
  const cents = parseMoney(value, field, currency);
  const exp = currencyExponent(currency);
  if (exp < 2 && cents % 10 ** (2 - exp) !== 0) throw invalidInput(`${field}.amount`, `${field}.amount has more decimals than ${currency} allows`);
  return cents;
}

/** MAX_CONVERSIONS still bills per tap; a strategy that does not fit the billing event is refused. */
function checkBilling(type: string, billingEvent: string): void {
  if (type === "MAX_CONVERSIONS" && billingEvent !== "TAPS") throw invalidInput("bidStrategy.bidStrategyType", "MAX_CONVERSIONS needs billingEvent TAPS");
}

interface BidStrategy {
  type?: string;
  bidCents?: number;
}

function bidStrategy(value: unknown, field: string, currency: string, opts: { requireType: boolean }): BidStrategy {
  const o = asObject(value, field);
  refuseUnknown(o, ["bidStrategyType", "bidStrategyGoal", "bid"], `${field}.`);
  const out: BidStrategy = {};
  if (o.bidStrategyType !== undefined || o.bidStrategyGoal !== undefined || opts.requireType) {
    const type = readEnum(requireValue(o, "bidStrategyType", `${field}.bidStrategyType`), `${field}.bidStrategyType`, Object.keys(GOAL_OF));
    const goal = readEnum(requireValue(o, "bidStrategyGoal", `${field}.bidStrategyGoal`), `${field}.bidStrategyGoal`, ["TAP", "INSTALL"]);
    if (GOAL_OF[type] !== goal) throw invalidInput(`${field}.bidStrategyGoal`, `${type} goes with bidStrategyGoal ${GOAL_OF[type]}`);
    out.type = type;
  }
  if ("bid" in o) {
    if (o.bid === null) throw invalidInput(`${field}.bid`, `${field}.bid must be a Money object`);
    out.bidCents = money(o.bid, `${field}.bid`, currency);
    if (out.bidCents <= 0) throw invalidInput(`${field}.bid.amount`, "bid must be greater than zero");
  }
  return out;
}

const CAMPAIGN_CREATE = [
  "adAccountId", "name", "billingEvent", "promotedObjectType", "promotedObjectId", "dailyBudget", "targeting", "bidStrategy",
  "startTime", "endTime", "status", "sharedBudgets", "invoiceDetail", "regulationResponses",
] as const;
const CAMPAIGN_UPDATE = ["name", "startTime", "endTime", "status", "dailyBudget", "sharedBudgets", "targeting", "bidStrategy", "invoiceDetail", "regulationResponses"] as const;
const CAMPAIGN_FIXED = ["id", "adAccountId", "billingEvent", "promotedObjectType", "promotedObjectId"];

function dailyBudget(value: unknown, currency: string): number {
  const o = asObject(value, "dailyBudget");
  refuseUnknown(o, ["value"], "dailyBudget.");
  const cents = money(requireValue(o, "value", "dailyBudget.value"), "dailyBudget.value", currency);
  if (cents <= 0) throw invalidInput("dailyBudget.value.amount", "dailyBudget must be greater than zero");
  return cents;
}

/** `POST /v1/campaigns`. `adAccountId` is required in the body too and must be the header's. */
export function parseCampaignCreateV1(body: unknown, ctx: { adAccountId: number; currency: string; now: Date }): CampaignCreateInput {
  const o = asObject(body, null);
  refuseUnknown(o, CAMPAIGN_CREATE);
  if (readId(requireValue(o, "adAccountId"), "adAccountId") !== ctx.adAccountId) throw invalidInput("adAccountId", "adAccountId must match the X-AP-Context adAccountId");
  readEnum(requireValue(o, "promotedObjectType"), "promotedObjectType", ["APPSTORE_APP"] as const);
  const promoted = requireValue(o, "promotedObjectId");
  if (typeof promoted !== "string" || !/^[1-9]\d{0,15}$/.test(promoted)) throw invalidInput("promotedObjectId", "promotedObjectId must be the app's adamId as a string");
  const targeting = parseCampaignTargeting(requireValue(o, "targeting"));
  const strategy = bidStrategy(requireValue(o, "bidStrategy"), "bidStrategy", ctx.currency, { requireType: true });
  const billingEvent = readEnum(requireValue(o, "billingEvent"), "billingEvent", ["TAPS", "IMPRESSIONS"] as const);
  checkBilling(strategy.type!, billingEvent);
  const out: CampaignCreateInput = {
    name: readName(requireValue(o, "name"), "name", NAME_MAX),
    adamId: Number(promoted),
    countriesOrRegions: targeting.countries,
    dailyBudgetCents: dailyBudget(requireValue(o, "dailyBudget"), ctx.currency),
    supplySources: targeting.placements.map(placementToV5),
    adChannelType: channelOf(targeting.placements),
    billingEvent,
    biddingStrategy: strategy.type!,
    // Unconfirmed default; Apple's v5 defaulted to ENABLED, and Layers always sends a status.
    status: o.status === undefined ? "ENABLED" : readEnum(o.status, "status", STATUS),
    ...(strategy.bidCents === undefined ? {} : { bidCeilingCents: strategy.bidCents }),
  };
  if (o.startTime !== undefined && o.startTime !== null) {
    out.startTime = parseAppleTime(o.startTime, "startTime");
    if (Date.parse(`${out.startTime}Z`) < ctx.now.getTime()) throw invalidInput("startTime", "startTime must be in the future");
  }
  if (o.endTime !== undefined && o.endTime !== null) out.endTime = parseAppleTime(o.endTime, "endTime");
  checkTimes(out.startTime, out.endTime);
  return out;
}

/** `PUT /v1/campaigns/{id}`: partial, unwrapped; `targeting` is replaced whole and its placements cannot change. */
export function parseCampaignUpdateV1(body: unknown, c: AppleCampaign, currency: string): CampaignUpdateInput {
  const o = asObject(body, null);
  for (const k of Object.keys(o)) if (CAMPAIGN_FIXED.includes(k)) throw invalidInput(k, `${k} cannot be changed after creation`);
  refuseUnknown(o, CAMPAIGN_UPDATE);
  const out: CampaignUpdateInput = {};
  if (o.name !== undefined) out.name = readName(o.name, "name", NAME_MAX);
  if (o.status !== undefined) out.status = readEnum(o.status, "status", STATUS);
  if (o.dailyBudget !== undefined) out.dailyBudgetCents = dailyBudget(o.dailyBudget, currency);
  if (o.targeting !== undefined) {
    const t = parseCampaignTargeting(o.targeting);
    const same = t.placements.length === c.supplySources.length && t.placements.every((p) => c.supplySources.includes(placementToV5(p)));
    if (!same) throw invalidInput("targeting.supplyPlacement", "supplyPlacement cannot be changed after creation");
    out.countriesOrRegions = t.countries;
  }
  if (o.bidStrategy !== undefined) {
    const s = bidStrategy(o.bidStrategy, "bidStrategy", currency, { requireType: false });
    if (s.type !== undefined) {
      checkBilling(s.type, c.billingEvent);
      out.biddingStrategy = s.type;
    }
    if (s.bidCents !== undefined) out.bidCeilingCents = s.bidCents;
  }
  if (o.startTime !== undefined) out.startTime = parseAppleTime(o.startTime, "startTime");
  if (o.endTime !== undefined) out.endTime = parseAppleTime(o.endTime, "endTime");
  return out;
}

/** CPT bills taps, CPM impressions; the store keeps v5's `CPC` for CPT. */
const PRICING: Record<string, { store: string; billingEvent: string }> = { CPT: { store: "CPC", billingEvent: "TAPS" }, CPM: { store: "CPM", billingEvent: "IMPRESSIONS" } };
const ADGROUP_CREATE = ["campaignId", "name", "pricingModel", "startTime", "endTime", "status", "automatedKeywordsOptIn", "automatedKeywordsRequired", "bidStrategy", "targeting", "cpaCap"] as const;
const ADGROUP_UPDATE = ["name", "startTime", "endTime", "automatedKeywordsOptIn", "status", "bidStrategy", "targeting", "cpaCap"] as const;
const ADGROUP_FIXED = ["id", "campaignId", "adAccountId", "pricingModel", "automatedKeywordsRequired"];

/** An ad group's `bidStrategy`: its own bid, and a type only if it is the campaign's (ad groups inherit it). */
function adGroupBid(value: unknown, c: AppleCampaign, currency: string): number | undefined {
  const s = bidStrategy(value, "bidStrategy", currency, { requireType: false });
  if (s.type !== undefined && s.type !== c.biddingStrategy) throw invalidInput("bidStrategy.bidStrategyType", `ad groups inherit the campaign's ${c.biddingStrategy}`);
  return s.bidCents;
}

/** `POST /v1/adgroups` under campaign `c` (already looked up from the body's `campaignId`). */
export function parseAdGroupCreateV1(body: Record<string, unknown>, c: AppleCampaign, ctx: { currency: string; now: string }): AdGroupCreateInput {
  refuseUnknown(body, ADGROUP_CREATE);
  const pricing = readEnum(requireValue(body, "pricingModel"), "pricingModel", Object.keys(PRICING));
  if (PRICING[pricing]!.billingEvent !== c.billingEvent) throw invalidInput("pricingModel", `pricingModel ${pricing} needs a campaign billed on ${PRICING[pricing]!.billingEvent}`);
  const bid = body.bidStrategy === undefined || body.bidStrategy === null ? undefined : adGroupBid(body.bidStrategy, c, ctx.currency);
  const defaultBidCents = bid ?? c.bidCeilingCents;
  if (defaultBidCents === undefined) throw missingField("bidStrategy.bid");
  const rest = adGroupFields(body, c, ctx.currency);
  const out: AdGroupCreateInput = {
    ...rest,
    name: readName(requireValue(body, "name"), "name", NAME_MAX),
    pricingModel: PRICING[pricing]!.store,
    defaultBidCents,
    startTime: rest.startTime ?? ctx.now,
    status: rest.status ?? "ENABLED",
    automatedKeywordsOptIn: rest.automatedKeywordsOptIn ?? false,
  };
  checkTimes(out.startTime, out.endTime);
  return out;
}

/** `PUT /v1/adgroups/{id}`: partial; `targeting` replaced whole (null clears it). */
export function parseAdGroupUpdateV1(body: unknown, c: AppleCampaign, currency: string): AdGroupInput {
  const o = asObject(body, null);
  for (const k of Object.keys(o)) if (ADGROUP_FIXED.includes(k)) throw invalidInput(k, `${k} cannot be changed after creation`);
  refuseUnknown(o, ADGROUP_UPDATE);
  return adGroupFields(o, c, currency);
}

function adGroupFields(o: Record<string, unknown>, c: AppleCampaign, currency: string): AdGroupInput {
  const out: AdGroupInput = {};
  if (o.name !== undefined) out.name = readName(o.name, "name", NAME_MAX);
  if (o.bidStrategy !== undefined && o.bidStrategy !== null) {
    const bid = adGroupBid(o.bidStrategy, c, currency);
    if (bid !== undefined) out.defaultBidCents = bid;
  }
  if (o.startTime !== undefined && o.startTime !== null) out.startTime = parseAppleTime(o.startTime, "startTime");
  if (o.endTime !== undefined && o.endTime !== null) out.endTime = parseAppleTime(o.endTime, "endTime");
  if (o.status !== undefined) out.status = readEnum(o.status, "status", STATUS);
  if (o.automatedKeywordsOptIn !== undefined) out.automatedKeywordsOptIn = readBoolean(o.automatedKeywordsOptIn, "automatedKeywordsOptIn");
  if (o.targeting !== undefined) out.targetingDimensions = adGroupTargetingToStore(o.targeting);
  return out;
}

/** Keywords say ENABLED in the Platform API where v5 (and the store) say ACTIVE. */
const KEYWORD_STATUS: Record<string, "ACTIVE" | "PAUSED"> = { ENABLED: "ACTIVE", PAUSED: "PAUSED" };

/** `POST /v1/keywords` (without `adGroupId`, which the handler resolved). */
export function parseKeywordCreateV1(o: Record<string, unknown>, currency: string): KeywordCreateInput {
  refuseUnknown(o, ["adGroupId", "text", "matchType", "bid", "status"]);
  const text = requireValue(o, "text");
  if (typeof text !== "string" || text.trim() === "" || text.length > KEYWORD_TEXT_MAX) throw invalidInput("text", `text must be 1-${KEYWORD_TEXT_MAX} characters`);
  const out: KeywordCreateInput = {
    text: text.trim(),
    matchType: readEnum(requireValue(o, "matchType"), "matchType", MATCH_TYPES),
    status: o.status === undefined ? "ACTIVE" : KEYWORD_STATUS[readEnum(o.status, "status", ["ENABLED", "PAUSED"] as const)]!,
  };
  if (o.bid !== undefined && o.bid !== null) out.bidCents = money(o.bid, "bid", currency);
  return out;
}

/** `PUT /v1/keywords/{id}`: only `bid` (never null) and `status`. */
export function parseKeywordUpdateV1(body: unknown, currency: string): { status?: "ACTIVE" | "PAUSED"; bidCents?: number } {
  const o = asObject(body, null);
  for (const k of ["id", "text", "matchType", "adGroupId", "campaignId"]) if (k in o) throw invalidInput(k, `${k} cannot be changed; delete the keyword and create a new one`);
  refuseUnknown(o, ["bid", "status"]);
  const out: { status?: "ACTIVE" | "PAUSED"; bidCents?: number } = {};
  if ("bid" in o) {
    if (o.bid === null) throw invalidInput("bid", "bid must be a Money object; it cannot be removed");
    out.bidCents = money(o.bid, "bid", currency);
  }
  if (o.status !== undefined) out.status = KEYWORD_STATUS[readEnum(o.status, "status", ["ENABLED", "PAUSED"] as const)]!;
  return out;
}
