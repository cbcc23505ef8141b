import { invalidInput } from "./apple-error.ts";
import { parseAppleTime } from "./apple-time.ts";
import type { AppleStatus } from "./apple-types.ts";
import { checkTimes, CAMPAIGN_STATUSES, NAME_MAX } from "./campaign-input.ts";
import { asObject, readBoolean, readEnum, readName, refuseUnknown, requireValue } from "./fields.ts";
import { parseMoney } from "./money.ts";
import { parseTargetingDimensions, type TargetingDimensions } from "./targeting-input.ts";

export const PRICING_MODELS = ["CPC", "CPM"] as const;
const CREATE_FIELDS = [
  "name", "pricingModel", "defaultBidAmount", "cpaGoal", "startTime", "endTime", "status", "automatedKeywordsOptIn", "targetingDimensions", "orgId", "campaignId",
] as const;
const UPDATE_FIELDS = ["name", "defaultBidAmount", "cpaGoal", "startTime", "endTime", "status", "automatedKeywordsOptIn", "targetingDimensions"] as const;

export interface AdGroupInput {
  name?: string;
  pricingModel?: string;
  defaultBidCents?: number;
  cpaGoalCents?: number;
  startTime?: string;
  endTime?: string;
  status?: AppleStatus;
  automatedKeywordsOptIn?: boolean;
  /** Replaced whole on update, as Apple does; null clears it. */
  targetingDimensions?: TargetingDimensions | null;
}

export type AdGroupCreateInput = AdGroupInput & Required<Pick<AdGroupInput, "name" | "pricingModel" | "defaultBidCents" | "startTime" | "status" | "automatedKeywordsOptIn">>;

/** Validates `POST /campaigns/{cid}/adgroups` (un-enveloped). */
export function parseAdGroupCreate(body: unknown, ctx: { currency: string }): AdGroupCreateInput {
  const o = asObject(body, null);
  refuseUnknown(o, CREATE_FIELDS);
  const rest = readAdGroupFields(o, ctx.currency);
  const out: AdGroupCreateInput = {
    ...rest,
    name: readName(requireValue(o, "name"), "name", NAME_MAX),
    pricingModel: readEnum(requireValue(o, "pricingModel"), "pricingModel", PRICING_MODELS),
    defaultBidCents: parseMoney(requireValue(o, "defaultBidAmount"), "defaultBidAmount", ctx.currency),
    startTime: parseAppleTime(requireValue(o, "startTime"), "startTime"),
    status: rest.status ?? "ENABLED",
    automatedKeywordsOptIn: rest.automatedKeywordsOptIn ?? false,
  };
  checkTimes(out.startTime, out.endTime);
  return out;
}

/** Validates `PUT /campaigns/{cid}/adgroups/{agid}`: un-enveloped and partial. */
export function parseAdGroupUpdate(body: unknown, ctx: { currency: string }): AdGroupInput {
  const o = asObject(body, null);
  if (o.pricingModel !== undefined) throw invalidInput("pricingModel", "pricingModel cannot be changed after creation");
  refuseUnknown(o, UPDATE_FIELDS);
  return readAdGroupFields(o, ctx.currency);
}

function readAdGroupFields(o: Record<string, unknown>, currency: string): AdGroupInput {
  const out: AdGroupInput = {};
  if (o.name !== undefined) out.name = readName(o.name, "name", NAME_MAX);
  if (o.defaultBidAmount !== undefined) out.defaultBidCents = parseMoney(o.defaultBidAmount, "defaultBidAmount", currency);
  if (out.defaultBidCents === 0) throw invalidInput("defaultBidAmount.amount", "defaultBidAmount must be greater than zero");
  if (o.cpaGoal !== undefined && o.cpaGoal !== null) out.cpaGoalCents = parseMoney(o.cpaGoal, "cpaGoal", currency);
  if (o.startTime !== undefined) out.startTime = parseAppleTime(o.startTime, "startTime");
  if (o.endTime !== undefined && o.endTime !== null) out.endTime = parseAppleTime(o.endTime, "endTime");
  if (o.status !== undefined) out.status = readEnum(o.status, "status", CAMPAIGN_STATUSES);
  if (o.automatedKeywordsOptIn !== undefined) out.automatedKeywordsOptIn = readBoolean(o.automatedKeywordsOptIn, "automatedKeywordsOptIn");
  if (o.targetingDimensions !== undefined) out.targetingDimensions = parseTargetingDimensions(o.targetingDimensions, "targetingDimensions");
  return out;
}
