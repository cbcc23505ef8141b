import { invalidInput, invalidJson } from "./apple-error.ts";
import { parseAppleTime } from "./apple-time.ts";
import type { AppleCampaign, AppleStatus } from "./apple-types.ts";
import { asObject, readCountries, readEnum, readEnumList, readId, readName, refuseUnknown, requireValue } from "./fields.ts";
import { parseMoney } from "./money.ts";

export const CAMPAIGN_STATUSES = ["ENABLED", "PAUSED"] as const satisfies readonly AppleStatus[];
export const AD_CHANNEL_TYPES = ["SEARCH", "DISPLAY"] as const;
export const SUPPLY_SOURCES = ["APPSTORE_SEARCH_RESULTS", "APPSTORE_SEARCH_TAB", "APPSTORE_TODAY_TAB", "APPSTORE_PRODUCT_PAGES_BROWSE"] as const;
export const BILLING_EVENTS = ["TAPS", "IMPRESSIONS"] as const;
export const BIDDING_STRATEGIES = ["MANUAL_CPT", "MAX_CONVERSIONS"] as const;
export const NAME_MAX = 200;

const CREATE_FIELDS = [
  "orgId", "name", "adamId", "countriesOrRegions", "dailyBudgetAmount", "budgetAmount", "supplySources", "adChannelType",
  "billingEvent", "status", "startTime", "endTime", "biddingStrategy", "targetCpa", "budgetOrders", "locInvoiceDetails", "paymentModel",
] as const;
const UPDATE_FIELDS = ["name", "status", "dailyBudgetAmount", "countriesOrRegions", "budgetOrders", "locInvoiceDetails", "biddingStrategy", "targetCpa", "startTime", "endTime"] as const;
const FIXED_FIELDS = ["adamId", "supplySources", "adChannelType", "billingEvent", "budgetAmount", "orgId", "paymentModel"];

/**
 * What a valid create asks for: the stored campaign's own fields before Apple fills in ids and times
 * (start defaults to now; status defaults to ENABLED, as Apple's does — Layers always sends PAUSED).
 */
export type CampaignCreateInput = Pick<
  AppleCampaign,
  "name" | "adamId" | "countriesOrRegions" | "dailyBudgetCents" | "budgetCents" | "supplySources" | "adChannelType" | "billingEvent" | "biddingStrategy" | "bidCeilingCents" | "status" | "endTime"
> & { startTime?: string };

/** Validates a `POST /campaigns` body (Apple's seven required fields, Money in the org currency). */
export function parseCampaignCreate(body: unknown, ctx: { orgId: number; currency: string; now: Date }): CampaignCreateInput {
  const o = asObject(body, null);
  refuseUnknown(o, CREATE_FIELDS);
  if (o.orgId !== undefined && o.orgId !== ctx.orgId) throw invalidInput("orgId", "orgId must match the X-AP-Context orgId");
  const out: CampaignCreateInput = {
    name: readName(requireValue(o, "name"), "name", NAME_MAX),
    adamId: readId(requireValue(o, "adamId"), "adamId"),
    countriesOrRegions: readCountries(requireValue(o, "countriesOrRegions"), "countriesOrRegions"),
    dailyBudgetCents: parseMoney(requireValue(o, "dailyBudgetAmount"), "dailyBudgetAmount", ctx.currency),
    supplySources: readEnumList(requireValue(o, "supplySources"), "supplySources", SUPPLY_SOURCES),
    adChannelType: readEnum(requireValue(o, "adChannelType"), "adChannelType", AD_CHANNEL_TYPES),
    billingEvent: readEnum(requireValue(o, "billingEvent"), "billingEvent", BILLING_EVENTS),
    biddingStrategy: o.biddingStrategy === undefined ? "MANUAL_CPT" : readEnum(o.biddingStrategy, "biddingStrategy", BIDDING_STRATEGIES),
    status: o.status === undefined ? "ENABLED" : readEnum(o.status, "status", CAMPAIGN_STATUSES),
  };
  if (out.dailyBudgetCents <= 0) throw invalidInput("dailyBudgetAmount.amount", "dailyBudgetAmount must be greater than zero");
  if (o.budgetAmount !== undefined) out.budgetCents = parseMoney(o.budgetAmount, "budgetAmount", ctx.currency);
  if (o.startTime !== undefined) {
    out.startTime = parseAppleTime(o.startTime, "startTime");
    if (Date.parse(`${out.startTime}Z`) < ctx.now.getTime()) throw invalidInput("startTime", "startTime must be in the future");
  }
  if (o.endTime !== undefined) out.endTime = parseAppleTime(o.endTime, "endTime");
  checkTimes(out.startTime, out.endTime);
  return out;
}

export type CampaignUpdateInput = Partial<Pick<CampaignCreateInput, "name" | "status" | "dailyBudgetCents" | "countriesOrRegions" | "biddingStrategy" | "bidCeilingCents" | "startTime" | "endTime">>;

/**
 * Validates a `PUT /campaigns/{id}` body: the changes sit in a `{"campaign": {...}}` envelope,
 * only the given fields change, and `dailyBudgetAmount` can change but never be removed.
 */
export function parseCampaignUpdate(body: unknown, ctx: { currency: string }): CampaignUpdateInput {
  const outer = asObject(body, null);
  if (outer.campaign === undefined) throw invalidJson('Campaign updates must be wrapped in {"campaign": {...}}');
  refuseUnknown(outer, ["campaign", "clearGeoTargetingOnCountryOrRegionChange"]);
  const o = asObject(outer.campaign, "campaign");
  for (const k of Object.keys(o)) if (FIXED_FIELDS.includes(k)) throw invalidInput(`campaign.${k}`, `${k} cannot be changed after creation`);
  refuseUnknown(o, UPDATE_FIELDS, "campaign.");
  const out: CampaignUpdateInput = {};
  if (o.name !== undefined) out.name = readName(o.name, "name", NAME_MAX);
  if (o.status !== undefined) out.status = readEnum(o.status, "status", CAMPAIGN_STATUSES);
  if ("dailyBudgetAmount" in o) {
    if (o.dailyBudgetAmount === null) throw invalidInput("dailyBudgetAmount", "dailyBudgetAmount can be changed but not removed");
    out.dailyBudgetCents = parseMoney(o.dailyBudgetAmount, "dailyBudgetAmount", ctx.currency);
    if (out.dailyBudgetCents <= 0) throw invalidInput("dailyBudgetAmount.amount", "dailyBudgetAmount must be greater than zero");
  }
  if (o.countriesOrRegions !== undefined) out.countriesOrRegions = readCountries(o.countriesOrRegions, "countriesOrRegions");
  if (o.biddingStrategy !== undefined) out.biddingStrategy = readEnum(o.biddingStrategy, "biddingStrategy", BIDDING_STRATEGIES);
  if (o.startTime !== undefined) out.startTime = parseAppleTime(o.startTime, "startTime");
  if (o.endTime !== undefined) out.endTime = parseAppleTime(o.endTime, "endTime");
  return out;
}

export function checkTimes(start: string | undefined, end: string | undefined): void {
  if (start !== undefined && end !== undefined && end <= start) throw invalidInput("endTime", "endTime must be after startTime");
}
