import type { z } from "zod";
import {
  appleChannelOf,
  APPLE_DEFAULT_SUPPLY_SOURCES,
  entityKindSchema,
  isCreate,
  PLATFORM_OPERATION_PARAMS,
  PLATFORM_SURFACE,
  supports,
  targetingSchema,
  type Capability,
  type CreateAdGroupParams,
  type CreateCampaignParams,
  type CreateKeywordParams,
  type Dispatch,
  type LevelSurface,
  type Targeting,
} from "@layers/contracts";
import type { EntityRef, EntityRowPatch } from "@layers/dispatch-core";
import { PermanentError } from "@layers/runtime";
import {
  audienceDimensions,
  toAppleMoney,
  toAppleTime,
  type AppleAdGroupCreate,
  type AppleAdGroupUpdate,
  type AppleAudience,
  type AppleCampaignCreate,
  type AppleCampaignUpdate,
  type AppleKeywordCreate,
  type AppleKeywordUpdate,
} from "./apple/index.ts";

/**
 * Contract write → the one Apple call it needs, and what the Layers row becomes once it lands.
 * Pure: no clock (the caller passes `now`), no database, no network. Everything Apple cannot take
 * is refused here with a `PermanentError`, before any call.
 */

export type AppleLevel = "campaign" | "adgroup" | "keyword";

export type AppleWrite =
  | { kind: "create_campaign"; fields: AppleCampaignCreate }
  | { kind: "update_campaign"; fields: AppleCampaignUpdate }
  | { kind: "delete_campaign" }
  | { kind: "create_adgroup"; fields: AppleAdGroupCreate }
  /** `audience` set: a targeting write; the ad group's other dimensions are kept as Apple holds them. */
  | { kind: "update_adgroup"; fields: AppleAdGroupUpdate; audience?: AppleAudience }
  | { kind: "delete_adgroup" }
  | { kind: "create_keyword"; keyword: AppleKeywordCreate }
  | { kind: "update_keyword"; fields: Omit<AppleKeywordUpdate, "id"> }
  | { kind: "delete_keyword" };

export interface PlannedAppleWrite {
  write: AppleWrite;
  /** The Layers entity whose row the landed write updates (the new one, for a create). */
  entity: EntityRef;
  created: boolean;
  /** The row once landed: contract units (minor units, ISO instants), Layers status words. */
  row: EntityRowPatch;
}

/** What the adapter must load before planning: the account (campaign create), the parent (child create) or the target. */
export type AppleLocate =
  | { load: "account"; adAccountId: string }
  | { load: "parent"; campaignId: string; ref: { kind: "campaign" | "adgroup"; id: string } }
  | { load: "target"; campaignId: string; ref: { kind: AppleLevel; id: string } };

export interface PlanContext {
  /** Default start of a new ad group (Apple requires one). */
  now: Date;
  /** The target's current Layers targeting: a targeting write changes only the fields it names. */
  currentTargeting?: Record<string, unknown> | null;
}

type Write = Pick<Dispatch, "operation" | "params" | "currency">;

/** Campaign and ad group lifecycle → Apple `status`; keywords say ACTIVE where the others say ENABLED. */
const CAMPAIGN_STATUS = { ACTIVE: "ENABLED", PAUSED: "PAUSED" } as const;
const KEYWORD_STATUS = { ACTIVE: "ACTIVE", PAUSED: "PAUSED" } as const;
const LAYERS_STATUS = { ACTIVE: "active", PAUSED: "paused" } as const;
const GENDER = { male: "M", female: "F" } as const;

/** Apple's defaults for what a partner may leave out of a campaign create. */
export const CAMPAIGN_DEFAULTS = { supplySources: APPLE_DEFAULT_SUPPLY_SOURCES, billingEvent: "TAPS" } as const;
/** Ad groups bill per tap unless the partner asks for CPM. */
export const DEFAULT_PRICING_MODEL = "CPC";

interface ReadOperation {
  level: AppleLevel;
  capability: Capability;
  params: Record<string, unknown>;
  target: EntityRef;
}

/** Checks the operation against the Apple surface and its params against the contract; no I/O. */
export function locateAppleWrite(d: Write): AppleLocate {
  const { level, capability, params, target } = readOperation(d);
  const campaignId = params.campaignId as string;
  if (capability !== "create") return { load: "target", campaignId, ref: { kind: level, id: target.id } };
  if (level === "campaign") return { load: "account", adAccountId: params.adAccountId as string };
  if (level === "adgroup") return { load: "parent", campaignId, ref: { kind: "campaign", id: campaignId } };
  return { load: "parent", campaignId, ref: { kind: "adgroup", id: params.parentId as string } };
}

/** The Apple call for one allowed write, and the Layers row it leads to. */
export function planAppleWrite(d: Write, ctx: PlanContext): PlannedAppleWrite {
  const op = readOperation(d);
  const { level, capability, params, target } = op;
  const cur = d.currency;
  const planned = (write: AppleWrite, row: EntityRowPatch): PlannedAppleWrite => ({ write, entity: target, created: capability === "create", row });

  switch (capability) {
    case "create":
      if (level === "campaign") return planned(...createCampaign(params as CreateCampaignParams, cur));
      if (level === "adgroup") return planned(...createAdGroup(params as CreateAdGroupParams, cur, ctx.now));
      return planned(...createKeyword(params as CreateKeywordParams, cur));
    case "rename": {
      const name = params.name as string;
      return planned(level === "campaign" ? { kind: "update_campaign", fields: { name } } : { kind: "update_adgroup", fields: { name } }, { name });
    }
    case "pause":
    case "resume": {
      const word = capability === "pause" ? "PAUSED" : "ACTIVE";
      const row = { status: LAYERS_STATUS[word] };
      if (level === "keyword") return planned({ kind: "update_keyword", fields: { status: KEYWORD_STATUS[word] } }, row);
      const fields = { status: CAMPAIGN_STATUS[word] };
      return planned(level === "campaign" ? { kind: "update_campaign", fields } : { kind: "update_adgroup", fields }, row);
    }
    case "delete":
      return planned({ kind: `delete_${level}` } as AppleWrite, { status: "deleted" });
    case "budget": {
      checkSurface(op, "budget", ["dailyBudgetCents", "lifetimeBudgetCents"]);
      const daily = required(params.dailyBudgetCents as number | undefined, "update_budget needs dailyBudgetCents");
      return planned({ kind: "update_campaign", fields: { dailyBudgetAmount: toAppleMoney(daily, cur) } }, { dailyBudgetCents: daily });
    }
    case "bid": {
      checkSurface(op, "bid", ["bidCents", "bidStrategy"]);
      if (level === "campaign") {
        const strategy = bidStrategy(required(params.bidStrategy as string | undefined, "update_bid on an Apple campaign needs bidStrategy"));
        return planned({ kind: "update_campaign", fields: { biddingStrategy: strategy } }, { bidStrategy: strategy });
      }
      const bid = required(params.bidCents as number | undefined, `update_bid on an Apple ${level} needs bidCents`);
      const amount = toAppleMoney(bid, cur);
      const write: AppleWrite = level === "adgroup" ? { kind: "update_adgroup", fields: { defaultBidAmount: amount } } : { kind: "update_keyword", fields: { bidAmount: amount } };
      return planned(write, { bidCents: bid });
    }
    case "schedule": {
      checkSurface(op, "schedule", ["startTime", "endTime"]);
      const start = optionalTime(params.startTime, "startTime");
      const end = optionalTime(params.endTime, "endTime");
      if (!start && !end) throw invalid("update_schedule needs startTime or endTime");
      const fields = { ...(start ? { startTime: start.apple } : {}), ...(end ? { endTime: end.apple } : {}) };
      const row = { ...(start ? { startTime: start.iso } : {}), ...(end ? { endTime: end.iso } : {}) };
      return planned(level === "campaign" ? { kind: "update_campaign", fields } : { kind: "update_adgroup", fields }, row);
    }
    case "targeting": {
      const given = params.targeting as Targeting;
      checkTargeting(level, given);
      const merged = mergeTargeting(ctx.currentTargeting, given, level);
      if (level === "campaign") return planned({ kind: "update_campaign", fields: { countriesOrRegions: merged.countries! } }, { targeting: merged });
      return planned({ kind: "update_adgroup", fields: {}, audience: audienceOfTargeting(merged) }, { targeting: merged });
    }
    default:
      throw unsupported(d.operation);
  }
}

// ------------------------------------------------------------------ creates

function createCampaign(p: CreateCampaignParams, currency: string): [AppleWrite, EntityRowPatch] {
  if (p.lifetimeBudgetCents !== undefined) throw invalid("Apple campaigns take a daily budget only (neither v5 nor the Apple Ads Platform API has a lifetime budget)");
  const daily = required(p.dailyBudgetCents, "an Apple campaign needs dailyBudgetCents");
  const adamId = required(p.adamId, "an Apple campaign needs adamId (the app)");
  const countries = required(p.countriesOrRegions, "an Apple campaign needs countriesOrRegions");
  if (p.specialAdCategories.length > 0) throw invalid("Apple has no special ad categories");
  if (p.specialIndustries !== undefined || p.budgetOptimizeOn !== undefined) throw invalid("specialIndustries and budgetOptimizeOn are TikTok settings");
  const start = optionalTime(p.startTime, "startTime");
  const end = optionalTime(p.stopTime, "stopTime");
  const strategy = p.bidStrategy === undefined ? undefined : bidStrategy(p.bidStrategy);
  const sent = {
    supplySources: p.supplySources ?? [...CAMPAIGN_DEFAULTS.supplySources],
    // Without one, the channel the placements run on (the Platform API derives it the same way).
    adChannelType: p.adChannelType ?? appleChannelOf(p.supplySources ?? CAMPAIGN_DEFAULTS.supplySources),
    billingEvent: p.billingEvent ?? CAMPAIGN_DEFAULTS.billingEvent,
  };
  const fields: AppleCampaignCreate = {
    name: p.name,
    adamId,
    countriesOrRegions: countries,
    dailyBudgetAmount: toAppleMoney(daily, currency),
    ...sent,
    status: CAMPAIGN_STATUS[p.status],
    ...(strategy ? { biddingStrategy: strategy } : {}),
    ...(start ? { startTime: start.apple } : {}),
    ...(end ? { endTime: end.apple } : {}),
  };
  const row: EntityRowPatch = {
    status: LAYERS_STATUS[p.status],
    dailyBudgetCents: daily,
    targeting: { countries },
    ...(strategy ? { bidStrategy: strategy } : {}),
    ...(start ? { startTime: start.iso } : {}),
    ...(end ? { endTime: end.iso } : {}),
    attributes: { adamId, ...sent },
  };
  return [{ kind: "create_campaign", fields }, row];
}

function createAdGroup(p: CreateAdGroupParams, currency: string, now: Date): [AppleWrite, EntityRowPatch] {
  const foreign = (["dailyBudgetCents", "lifetimeBudgetCents", "bidStrategy", "billingEvent", "optimizationGoal", "pacing"] as const).filter((k) => p[k] !== undefined);
  if (foreign.length > 0) throw invalid(`Apple ad groups take no ${foreign.join(", ")}`);
  const bid = required(p.bidCents, "an Apple ad group needs bidCents (its defaultBidAmount)");
  if (p.targeting) checkTargeting("adgroup", p.targeting);
  const start = optionalTime(p.startTime, "startTime") ?? timeOf(now);
  const end = optionalTime(p.endTime, "endTime");
  const pricingModel = p.pricingModel ?? DEFAULT_PRICING_MODEL;
  const fields: AppleAdGroupCreate = {
    name: p.name,
    pricingModel,
    defaultBidAmount: toAppleMoney(bid, currency),
    startTime: start.apple,
    ...(end ? { endTime: end.apple } : {}),
    status: CAMPAIGN_STATUS[p.status],
    ...(p.automatedKeywordsOptIn === undefined ? {} : { automatedKeywordsOptIn: p.automatedKeywordsOptIn }),
    ...(p.targeting ? { targetingDimensions: audienceDimensions(audienceOfTargeting(p.targeting)) } : {}),
  };
  const row: EntityRowPatch = {
    status: LAYERS_STATUS[p.status],
    bidCents: bid,
    startTime: start.iso,
    ...(end ? { endTime: end.iso } : {}),
    ...(p.targeting ? { targeting: p.targeting } : {}),
    attributes: { pricingModel, ...(p.automatedKeywordsOptIn === undefined ? {} : { automatedKeywordsOptIn: p.automatedKeywordsOptIn }) },
  };
  return [{ kind: "create_adgroup", fields }, row];
}

function createKeyword(p: CreateKeywordParams, currency: string): [AppleWrite, EntityRowPatch] {
  const keyword: AppleKeywordCreate = {
    text: p.text,
    matchType: p.matchType,
    status: KEYWORD_STATUS[p.status],
    ...(p.bidCents === undefined ? {} : { bidAmount: toAppleMoney(p.bidCents, currency) }),
  };
  const row: EntityRowPatch = {
    name: p.text,
    status: LAYERS_STATUS[p.status],
    ...(p.bidCents === undefined ? {} : { bidCents: p.bidCents }),
    attributes: { matchType: p.matchType },
  };
  return [{ kind: "create_keyword", keyword }, row];
}

// ------------------------------------------------------------------ reading the operation

const OP = /^(create|pause|resume|archive|delete)_([a-z]+)$/;
const TACTICAL = /^update_(budget|bid|schedule|targeting)$/;
const RENAME = /^update_([a-z]+)$/;

function readOperation(d: Write): ReadOperation {
  const schema = (PLATFORM_OPERATION_PARAMS as Record<string, z.ZodType | undefined>)[d.operation];
  const tactical = TACTICAL.exec(d.operation);
  const named = OP.exec(d.operation) ?? RENAME.exec(d.operation);
  if (schema === undefined || (!tactical && !named)) throw unsupported(d.operation);

  // What the write changes at which level, first: an operation Apple does not have is refused as
  // such, whatever its params look like.
  let level: string;
  let capability: Capability;
  if (tactical) {
    capability = tactical[1] as Capability;
    level = typeof d.params.entityKind === "string" ? d.params.entityKind : "campaign";
  } else {
    const m = named!;
    capability = (m.length === 3 ? m[1] : "rename") as Capability;
    level = (m.length === 3 ? m[2] : m[1]) as string;
  }
  if (!isAppleLevel(level) || !supports("apple", level, capability)) throw unsupported(d.operation, `Apple has no ${capability} on a ${level}`);

  // The dispatch contract checked the params against the operation's schema when the message was parsed.
  const params = d.params;
  const campaignId = params.campaignId as string;
  let target: EntityRef;
  if (isCreate(d.operation)) {
    target = { kind: level, id: (level === "campaign" ? campaignId : params.entityId) as string };
  } else {
    target = childTarget(params) ?? { kind: "campaign", id: campaignId };
    if (target.kind !== level) throw invalid(`${d.operation} must name a ${level} (entityKind/entityId), not a ${target.kind}`);
  }
  return { level, capability, params, target };
}

/** `entityKind` + `entityId` of a write below campaign level; both or neither. */
function childTarget(params: Record<string, unknown>): EntityRef | undefined {
  const { entityKind, entityId } = params;
  if (entityKind === undefined && entityId === undefined) return undefined;
  const kind = entityKindSchema.safeParse(entityKind);
  if (!kind.success || typeof entityId !== "string") throw invalid("entityKind and entityId go together");
  return { kind: kind.data, id: entityId };
}

function isAppleLevel(level: string): level is AppleLevel {
  return level === "campaign" || level === "adgroup" || level === "keyword";
}

/** The gateway refuses fields a level does not take (422); refused here too, never dropped silently. */
function checkSurface(op: ReadOperation, part: "budget" | "bid" | "schedule", fields: readonly string[]): void {
  const surface: LevelSurface | undefined = PLATFORM_SURFACE.apple[op.level];
  const allowed: readonly string[] = surface?.[part] ?? [];
  const refused = fields.filter((f) => op.params[f] !== undefined && !allowed.includes(f));
  if (refused.length > 0) throw invalid(`an Apple ${op.level} takes no ${refused.join(", ")}`);
}

function checkTargeting(level: AppleLevel, t: Targeting): void {
  const allowed: readonly string[] = PLATFORM_SURFACE.apple[level]?.targeting ?? [];
  const refused = Object.keys(t).filter((k) => !allowed.includes(k));
  if (refused.length > 0) throw invalid(`an Apple ${level} takes no ${refused.join(", ")} targeting`);
}

/** The target's targeting after this write: the given fields over the current ones, checked again as a whole. */
function mergeTargeting(current: Record<string, unknown> | null | undefined, given: Targeting, level: AppleLevel): Targeting {
  const allowed: readonly string[] = PLATFORM_SURFACE.apple[level]?.targeting ?? [];
  const kept = Object.fromEntries(Object.entries(current ?? {}).filter(([k]) => allowed.includes(k)));
  const merged = targetingSchema.safeParse({ ...kept, ...given });
  if (!merged.success) throw invalid(`targeting after this change is not valid: ${merged.error.issues.map((i) => i.message).join("; ")}`);
  return merged.data;
}

function audienceOfTargeting(t: Targeting): AppleAudience {
  return {
    ...(t.ageMin === undefined ? {} : { minAge: t.ageMin }),
    ...(t.ageMax === undefined ? {} : { maxAge: t.ageMax }),
    ...(t.genders === undefined ? {} : { genders: t.genders.map((g) => GENDER[g]) }),
  };
}

function bidStrategy(s: string): string {
  const known: readonly string[] = PLATFORM_SURFACE.apple.campaign?.bidStrategies ?? [];
  if (!known.includes(s)) throw invalid(`Apple bidding strategy must be one of ${known.join(", ")}`);
  return s;
}

/** A contract instant as Apple's zone-less UTC text, and as the ISO instant the Layers row keeps. */
function optionalTime(v: unknown, field: string): { apple: string; iso: string } | undefined {
  if (v === undefined) return undefined;
  const d = typeof v === "string" ? new Date(v) : new Date(Number.NaN);
  if (Number.isNaN(d.getTime())) throw invalid(`${field} is not a date-time`);
  return timeOf(d);
}

function timeOf(d: Date): { apple: string; iso: string } {
  return { apple: toAppleTime(d), iso: d.toISOString() };
}

function required<T>(v: T | undefined, message: string): T {
  if (v === undefined) throw invalid(message);
  return v;
}

function invalid(message: string): PermanentError {
  return new PermanentError("invalid_params", message);
}

function unsupported(operation: string, why?: string): PermanentError {
  return new PermanentError("unsupported_operation", `dispatcher-apple does not support ${operation}${why === undefined ? "" : ` (${why})`}`);
}
