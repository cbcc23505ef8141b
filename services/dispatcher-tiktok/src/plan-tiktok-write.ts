import type { z } from "zod";
import {
  operationFor,
  PLATFORM_OPERATION_PARAMS,
  PLATFORM_SURFACE,
  supports,
  surfaceOf,
  targetOf,
  type Capability,
  type Dispatch,
  type EntityKind,
  type Operation,
  type PlatformOperation,
} from "@layers/contracts";
import { loadRefOf as coreLoadRefOf, type EntityRef, type EntityRowPatch, type EntityTarget, type LoadRef } from "@layers/dispatch-core";
import { PermanentError } from "@layers/runtime";
import { tiktokCreativeFields } from "./tiktok-creative.ts";
import { nextWholeSecond, tiktokTimeOf, toTikTokTime } from "./tiktok-time.ts";
import { tiktokRequestId, toTikTokAmount, type TikTokFields, type TikTokOperationStatus } from "./tiktok/index.ts";

export type TikTokLevel = "campaign" | "adgroup" | "ad";

/** One TikTok call, fully resolved except for the advertiser and token (added when landing). */
export type TikTokCall =
  | { kind: "create_campaign"; fields: TikTokFields; requestId: string }
  /** `fields.campaign_id` names the parent campaign on TikTok. */
  | { kind: "create_adgroup"; fields: TikTokFields; requestId: string }
  /** `creative` holds `ad_name` and the creative fields; TikTok's ad create has no request_id. */
  | { kind: "create_ad"; adgroupId: string; creative: TikTokFields }
  | { kind: "update"; level: "campaign" | "adgroup"; id: string; fields: TikTokFields }
  /** `/ad/update/` names the ad's ad group too. */
  | { kind: "update"; level: "ad"; id: string; adgroupId: string; fields: TikTokFields }
  | { kind: "status"; level: TikTokLevel; id: string; status: TikTokOperationStatus };

export interface TikTokPlan {
  call: TikTokCall;
  /** The Layers entity written (the new one, for a create). */
  entity: EntityRef;
  created: boolean;
  /** The Layers row once landed, in contract units and Layers status words. */
  row: EntityRowPatch;
}

/** What planning reads of the Layers row a write acts on or, for a create, goes under. */
export type KnownEntity = Pick<
  EntityTarget,
  "kind" | "id" | "campaignId" | "platformId" | "parentPlatformId" | "name" | "dailyBudgetCents" | "lifetimeBudgetCents"
>;

/** Contract outcome → TikTok `objective_type` (current values only: TikTok refuses deprecated ones on create). */
export const OBJECTIVE_OF_OUTCOME: Readonly<Record<string, string>> = {
  conversions: "WEB_CONVERSIONS",
  sales: "WEB_CONVERSIONS",
  traffic: "TRAFFIC",
  app_installs: "APP_PROMOTION",
  awareness: "REACH",
  engagement: "ENGAGEMENT",
  leads: "LEAD_GENERATION",
};

const OPERATION_STATUS_OF = { ACTIVE: "ENABLE", PAUSED: "DISABLE" } as const;

/** TikTok `operation_status` → Layers status word. */
export const LAYERS_STATUS_OF: Readonly<Record<TikTokOperationStatus, string>> = { ENABLE: "active", DISABLE: "paused", DELETE: "deleted" };

const STATUS_OF_CAPABILITY: Partial<Record<Capability, TikTokOperationStatus>> = { pause: "DISABLE", resume: "ENABLE", delete: "DELETE" };
const NAME_FIELD: Record<TikTokLevel, string> = { campaign: "campaign_name", adgroup: "adgroup_name", ad: "ad_name" };

/** Every gate operation TikTok supports, derived from `PLATFORM_SURFACE.tiktok` so the two cannot drift. */
export const TIKTOK_OPERATIONS: ReadonlyMap<Operation, { capability: Capability; kinds: readonly EntityKind[] }> = (() => {
  const out = new Map<Operation, { capability: Capability; kinds: EntityKind[] }>();
  for (const [kind, surface] of Object.entries(PLATFORM_SURFACE.tiktok) as Array<[EntityKind, { capabilities: readonly Capability[] }]>) {
    for (const capability of surface.capabilities) {
      const op = operationFor(kind, capability);
      const entry = out.get(op) ?? { capability, kinds: [] };
      entry.kinds.push(kind);
      out.set(op, entry);
    }
  }
  return out;
})();

export type { LoadRef };

/** Which Layers row the planner needs. Pure; refuses operations TikTok does not have before any read. */
export function loadRefOf(d: Pick<Dispatch, "operation" | "params">): LoadRef {
  if (!TIKTOK_OPERATIONS.has(d.operation)) throw new PermanentError("unsupported_operation", `TikTok has no ${d.operation}`);
  return coreLoadRefOf("tiktok", d);
}

export interface PlanContext {
  /** The row `loadRefOf` named; absent for `create_campaign`. */
  known?: KnownEntity | undefined;
  /** Start of an ad group scheduled without a start time. */
  now: Date;
}

/**
 * Translates one allowed TikTok write into the one TikTok call it needs and the Layers row it
 * leaves. Pure: throws `PermanentError` for whatever TikTok cannot take (`invalid_params`,
 * `unsupported_operation`, `unrepresentable_amount`, `entity_not_on_platform`), before any call.
 */
export function planTikTokWrite(d: Pick<Dispatch, "intentId" | "operation" | "params" | "currency">, ctx: PlanContext): TikTokPlan {
  const op = d.operation;
  const entry = TIKTOK_OPERATIONS.get(op);
  if (entry === undefined) throw new PermanentError("unsupported_operation", `TikTok has no ${op}`);
  switch (op) {
    case "create_campaign":
      return planCreateCampaign(d, parse(op, d.params));
    case "create_adgroup": {
      const p = parse(op, d.params);
      const parent = expectKnown(ctx, "campaign", p.campaignId);
      return planCreateAdgroup(d, p, requirePlatformId(parent), ctx.now);
    }
    case "create_ad":
    case "push_creative": {
      const p = parse(op, d.params);
      const parent = expectKnown(ctx, "adgroup", p.parentId, p.campaignId);
      const creative = { ad_name: p.name, operation_status: OPERATION_STATUS_OF[p.status], ...tiktokCreativeFields(p.creative) };
      return {
        call: { kind: "create_ad", adgroupId: requirePlatformId(parent), creative },
        entity: { kind: "ad", id: p.entityId },
        created: true,
        row: { status: LAYERS_STATUS_OF[OPERATION_STATUS_OF[p.status]], creative: p.creative },
      };
    }
    default:
      return planUpdate(d, entry.capability, ctx);
  }
}

type CreateCampaignParams = z.infer<typeof PLATFORM_OPERATION_PARAMS.create_campaign>;
type CreateAdgroupParams = z.infer<typeof PLATFORM_OPERATION_PARAMS.create_adgroup>;

function planCreateCampaign(d: Pick<Dispatch, "intentId" | "currency">, p: CreateCampaignParams): TikTokPlan {
  refuseSet(p, ["bidStrategy", "startTime", "stopTime", "adamId", "countriesOrRegions", "supplySources", "billingEvent", "adChannelType"], "a TikTok campaign");
  // Meta's special ad categories are required by the contract but mean nothing to TikTok; TikTok's are `specialIndustries`.
  if (p.specialAdCategories.length > 0) throw new PermanentError("invalid_params", "specialAdCategories is Meta's; TikTok campaigns take specialIndustries");
  const objective = OBJECTIVE_OF_OUTCOME[p.outcome];
  if (objective === undefined) throw new PermanentError("unsupported_outcome", `outcome ${p.outcome} has no TikTok objective_type`);
  const budget = budgetFields(p, d.currency, "campaign");
  const fields: Record<string, unknown> = {
    campaign_name: p.name,
    objective_type: objective,
    ...budget.fields,
    operation_status: OPERATION_STATUS_OF[p.status],
  };
  if (p.specialIndustries !== undefined) fields.special_industries = p.specialIndustries;
  if (p.budgetOptimizeOn !== undefined) fields.budget_optimize_on = p.budgetOptimizeOn;
  return {
    call: { kind: "create_campaign", fields, requestId: tiktokRequestId(d.intentId) },
    entity: { kind: "campaign", id: p.campaignId },
    created: true,
    row: { status: LAYERS_STATUS_OF[OPERATION_STATUS_OF[p.status]], objective, ...budget.row },
  };
}

function planCreateAdgroup(d: Pick<Dispatch, "intentId" | "currency">, p: CreateAdgroupParams, campaignPlatformId: string, now: Date): TikTokPlan {
  refuseSet(p, ["bidStrategy", "pricingModel", "automatedKeywordsOptIn"], "a TikTok ad group");
  const locationIds = locationIdsOf(p.targeting);
  if (locationIds === undefined) throw new PermanentError("invalid_params", "a TikTok ad group needs targeting.locationIds");
  // No start time means "from now"; toTikTokTime validates a given one (whole seconds, a real instant).
  const startText = p.startTime === undefined ? tiktokTimeOf(nextWholeSecond(now)) : toTikTokTime(p.startTime, "startTime");
  const startAt = p.startTime === undefined ? nextWholeSecond(now) : new Date(p.startTime);
  const endText = p.endTime === undefined ? undefined : toTikTokTime(p.endTime, "endTime");
  if (p.lifetimeBudgetCents !== undefined && endText === undefined) throw new PermanentError("invalid_params", "a lifetime budget needs an endTime on TikTok");
  const budget = budgetFields(p, d.currency, "adgroup");
  const fields: Record<string, unknown> = {
    campaign_id: campaignPlatformId,
    adgroup_name: p.name,
    billing_event: p.billingEvent ?? "OCPM",
    location_ids: locationIds,
    schedule_type: endText === undefined ? "SCHEDULE_FROM_NOW" : "SCHEDULE_START_END",
    schedule_start_time: startText,
    ...(endText === undefined ? {} : { schedule_end_time: endText }),
    ...budget.fields,
    pacing: p.pacing ?? "PACING_MODE_SMOOTH",
    operation_status: OPERATION_STATUS_OF[p.status],
  };
  if (p.optimizationGoal !== undefined) fields.optimization_goal = p.optimizationGoal;
  const row: EntityRowPatch = {
    status: LAYERS_STATUS_OF[OPERATION_STATUS_OF[p.status]],
    ...budget.row,
    startTime: startAt.toISOString(),
    ...(p.endTime === undefined ? {} : { endTime: new Date(p.endTime).toISOString() }),
    targeting: { locationIds },
  };
  if (p.bidCents !== undefined) {
    fields.bid_type = "BID_TYPE_CUSTOM";
    fields.bid_price = toTikTokAmount(p.bidCents, d.currency);
    row.bidCents = p.bidCents;
  }
  return { call: { kind: "create_adgroup", fields, requestId: tiktokRequestId(d.intentId) }, entity: { kind: "adgroup", id: p.entityId }, created: true, row };
}

/** Every write to an existing entity: rename, lifecycle, budget, bid, schedule, targeting, creative. */
function planUpdate(d: Pick<Dispatch, "operation" | "params" | "currency">, capability: Capability, ctx: PlanContext): TikTokPlan {
  const known = ctx.known;
  if (known === undefined) throw new Error(`planTikTokWrite: ${d.operation} needs the entity it writes`);
  const level = levelOf(known.kind);
  if (!supports("tiktok", level, capability)) throw new PermanentError("unsupported_operation", `TikTok ${level}s have no ${capability}`);
  const campaignId = typeof d.params.campaignId === "string" ? d.params.campaignId : undefined;
  // Writes are ordered per campaign: a write naming another campaign than its entity's would escape that order.
  if (campaignId !== known.campaignId) throw new PermanentError("invalid_params", `${known.kind} ${known.id} is not in campaign ${campaignId}`);
  const id = requirePlatformId(known);
  const entity: EntityRef = { kind: known.kind, id: known.id };
  const update = (fields: TikTokFields, row: EntityRowPatch): TikTokPlan => ({ call: updateCall(level, id, known, fields), entity, created: false, row });

  const status = STATUS_OF_CAPABILITY[capability];
  if (status !== undefined) {
    lifecycleLevelMatches(d.operation, level);
    parse(d.operation as PlatformOperation, d.params);
    return { call: { kind: "status", level, id, status }, entity, created: false, row: { status: LAYERS_STATUS_OF[status] } };
  }
  switch (capability) {
    case "rename": {
      if (d.operation !== `update_${level}`) throw new PermanentError("invalid_params", `${d.operation} cannot rename a ${level}`);
      const p = parse(d.operation as "update_campaign" | "update_adgroup" | "update_ad", d.params);
      return update({ [NAME_FIELD[level]]: p.name }, { name: p.name });
    }
    case "budget": {
      const p = parse("update_budget", d.params);
      onlySurface(level, "budget", p);
      const daily = p.dailyBudgetCents !== undefined;
      if (daily === (p.lifetimeBudgetCents !== undefined)) throw new PermanentError("invalid_params", "update_budget needs exactly one of dailyBudgetCents or lifetimeBudgetCents");
      // TikTok fixes budget_mode at create: a daily budget stays daily, a lifetime one lifetime.
      if (daily && known.lifetimeBudgetCents !== null && known.dailyBudgetCents === null) {
        throw new PermanentError("invalid_params", `${known.kind} ${known.id} has a lifetime budget; TikTok cannot switch it to daily`);
      }
      if (!daily && known.dailyBudgetCents !== null && known.lifetimeBudgetCents === null) {
        throw new PermanentError("invalid_params", `${known.kind} ${known.id} has a daily budget; TikTok cannot switch it to lifetime`);
      }
      const minor = (daily ? p.dailyBudgetCents : p.lifetimeBudgetCents)!;
      return update({ budget: toTikTokAmount(minor, d.currency) }, daily ? { dailyBudgetCents: minor } : { lifetimeBudgetCents: minor });
    }
    case "bid": {
      const p = parse("update_bid", d.params);
      onlySurface(level, "bid", p);
      if (p.bidCents === undefined) throw new PermanentError("invalid_params", "update_bid needs bidCents on TikTok");
      return update({ bid_price: toTikTokAmount(p.bidCents, d.currency) }, { bidCents: p.bidCents });
    }
    case "schedule": {
      const p = parse("update_schedule", d.params);
      onlySurface(level, "schedule", p);
      if (p.endTime === undefined) throw new PermanentError("invalid_params", "update_schedule needs endTime on TikTok");
      // An ad group that ran open-ended becomes a start/end one; TikTok keeps the type and the end together.
      return update(
        { schedule_type: "SCHEDULE_START_END", schedule_end_time: toTikTokTime(p.endTime, "endTime") },
        { endTime: new Date(p.endTime).toISOString() },
      );
    }
    case "targeting": {
      const p = parse("update_targeting", d.params);
      onlySurface(level, "targeting", p.targeting);
      const locationIds = locationIdsOf(p.targeting);
      if (locationIds === undefined) throw new PermanentError("invalid_params", "update_targeting needs targeting.locationIds on TikTok");
      return update({ location_ids: locationIds }, { targeting: { locationIds } });
    }
    case "replace_creative": {
      const p = parse("replace_creative", d.params);
      return update(tiktokCreativeFields(p.creative), { creative: p.creative });
    }
    case "prune_creative": {
      parse("prune_creative", d.params);
      // Out of rotation = the ad stops serving; its creative stays as it was, for the record.
      return { call: { kind: "status", level, id, status: "DISABLE" }, entity, created: false, row: { status: "paused", attributes: { creativePruned: true } } };
    }
    default:
      throw new PermanentError("unsupported_operation", `dispatcher-tiktok does not plan ${d.operation}`);
  }
}

function updateCall(level: TikTokLevel, id: string, known: KnownEntity, fields: TikTokFields): TikTokCall {
  if (level !== "ad") return { kind: "update", level, id, fields };
  const adgroupId = known.parentPlatformId;
  if (!adgroupId) throw new PermanentError("entity_not_on_platform", `the ad group of ad ${known.id} was never created on TikTok`);
  return { kind: "update", level, id, adgroupId, fields };
}

/** `pause_adgroup` must act on an ad group: the operation's level and the row's must agree. */
function lifecycleLevelMatches(op: Operation, level: TikTokLevel): void {
  if (!op.endsWith(`_${level}`)) throw new PermanentError("invalid_params", `${op} cannot act on a ${level}`);
}

function levelOf(kind: EntityKind): TikTokLevel {
  if (kind === "campaign" || kind === "adgroup" || kind === "ad") return kind;
  throw new PermanentError("invalid_params", `TikTok has no ${kind}s`);
}

function expectKnown(ctx: PlanContext, kind: "campaign" | "adgroup", id: string, campaignId?: string): KnownEntity {
  const k = ctx.known;
  if (k === undefined || k.kind !== kind || k.id !== id) throw new Error(`planTikTokWrite: expected the ${kind} ${id} to be loaded`);
  if (campaignId !== undefined && k.campaignId !== campaignId) throw new PermanentError("invalid_params", `${kind} ${id} is not in campaign ${campaignId}`);
  return k;
}

function requirePlatformId(k: KnownEntity): string {
  if (!k.platformId) throw new PermanentError("entity_not_on_platform", `${k.kind} ${k.id} was never created on TikTok`);
  return k.platformId;
}

/** The daily or lifetime budget of a create: TikTok `budget_mode` + `budget` (major units), or no budget at all. */
function budgetFields(p: { dailyBudgetCents?: number | undefined; lifetimeBudgetCents?: number | undefined }, currency: string, level: TikTokLevel) {
  if (p.dailyBudgetCents !== undefined && p.lifetimeBudgetCents !== undefined) {
    throw new PermanentError("invalid_params", `a TikTok ${level} has one budget: dailyBudgetCents or lifetimeBudgetCents, not both`);
  }
  if (p.dailyBudgetCents !== undefined) {
    return { fields: { budget_mode: "BUDGET_MODE_DAY", budget: toTikTokAmount(p.dailyBudgetCents, currency) }, row: { dailyBudgetCents: p.dailyBudgetCents } };
  }
  if (p.lifetimeBudgetCents !== undefined) {
    return { fields: { budget_mode: "BUDGET_MODE_TOTAL", budget: toTikTokAmount(p.lifetimeBudgetCents, currency) }, row: { lifetimeBudgetCents: p.lifetimeBudgetCents } };
  }
  // A campaign without a budget is BUDGET_MODE_INFINITE; an ad group without one relies on its campaign's budget optimisation.
  return { fields: level === "campaign" ? { budget_mode: "BUDGET_MODE_INFINITE" } : {}, row: {} };
}

function locationIdsOf(t: { locationIds?: string[] | undefined; [k: string]: unknown } | undefined): string[] | undefined {
  if (t === undefined) return undefined;
  const other = Object.keys(t).filter((k) => k !== "locationIds" && t[k] !== undefined);
  if (other.length > 0) throw new PermanentError("invalid_params", `TikTok ad groups target by locationIds only, not ${other.join(", ")}`);
  return t.locationIds;
}

/** Defensive twin of the gateway's 422: only the fields `PLATFORM_SURFACE` lists for this level may be set. */
function onlySurface(level: TikTokLevel, what: "budget" | "bid" | "schedule" | "targeting", values: object): void {
  const allowed: readonly string[] = surfaceOf("tiktok", level)?.[what] ?? [];
  const given = Object.entries(values)
    .filter(([k, v]) => v !== undefined && !["campaignId", "entityKind", "entityId"].includes(k))
    .map(([k]) => k);
  const refused = given.filter((k) => !allowed.includes(k));
  if (refused.length > 0) throw new PermanentError("invalid_params", `a TikTok ${level} takes no ${refused.join(", ")}`);
}

function refuseSet(p: Record<string, unknown>, keys: readonly string[], what: string): void {
  const set = keys.filter((k) => p[k] !== undefined);
  if (set.length > 0) throw new PermanentError("invalid_params", `${what} takes no ${set.join(", ")}`);
}

/**
 * The params of `op`, typed. No second parse: the dispatch contract (`dispatchSchema`) checked them
 * against `op`'s schema when the message was parsed at this dispatcher's edge.
 */
function parse<K extends PlatformOperation>(_op: K, params: Record<string, unknown>): z.infer<(typeof PLATFORM_OPERATION_PARAMS)[K]> {
  return params as z.infer<(typeof PLATFORM_OPERATION_PARAMS)[K]>;
}
