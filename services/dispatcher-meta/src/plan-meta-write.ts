import {
  createAdGroupParamsSchema,
  createAdParamsSchema,
  createCampaignParamsSchema,
  lifecycleParamsSchema,
  operationFor,
  PLATFORM_SURFACE,
  renameParamsSchema,
  replaceCreativeParamsSchema,
  surfaceOf,
  targetingSchema,
  targetOf,
  type Capability,
  type Dispatch,
  type EntityKind,
  type Operation,
  updateBidParamsSchema,
  updateBudgetParamsSchema,
  updateScheduleParamsSchema,
  updateTargetingParamsSchema,
} from "@layers/contracts";
import { loadRefOf as coreLoadRefOf, requirePlatformId, type EntityRef, type EntityRowPatch, type EntityTarget, type LoadRef } from "@layers/dispatch-core";
import { PermanentError } from "@layers/runtime";
import { planCreateAd, planReplaceCreative } from "./map-ad.ts";
import { planCreateAdSet } from "./map-adset.ts";
import { planCreateCampaign } from "./map-campaign.ts";
import type { MetaLevel, MetaPlan } from "./meta-plan.ts";
import { metaTargeting, toMetaAmount, type MetaFields } from "./meta/index.ts";
import { budgetFields, checkBidStrategy, layersStatus, parseParams } from "./plan-fields.ts";

/** Every gate operation Meta supports and the levels it applies to, derived from `PLATFORM_SURFACE.meta`. */
export const META_OPERATIONS: ReadonlyMap<Operation, { capability: Capability; kinds: readonly EntityKind[] }> = (() => {
  const out = new Map<Operation, { capability: Capability; kinds: EntityKind[] }>();
  for (const [kind, surface] of Object.entries(PLATFORM_SURFACE.meta) as Array<[EntityKind, { capabilities: readonly Capability[] }]>) {
    for (const capability of surface.capabilities) {
      // Pushing a creative onto an ad set makes a new ad there; the ad is what gets written.
      const op = operationFor(kind, capability);
      const entry = out.get(op) ?? { capability, kinds: [] };
      entry.kinds.push(capability === "push_creative" ? "ad" : kind);
      out.set(op, entry);
    }
  }
  return out;
})();

/** Lifecycle capability → the `status` Meta is asked to hold (the same at every level). */
export const STATUS_OF_CAPABILITY: Partial<Record<Capability, string>> = {
  pause: "PAUSED",
  resume: "ACTIVE",
  archive: "ARCHIVED",
  delete: "DELETED",
  // Taking an ad's creative out of rotation is pausing the ad: its creative is what it shows.
  prune_creative: "PAUSED",
};

/** The Graph field ending a schedule: campaigns call it `stop_time`, ad sets `end_time`. */
const END_FIELD: Record<"campaign" | "adset", string> = { campaign: "stop_time", adset: "end_time" };

export type { LoadRef };

/** Which Layers row the planner needs. Pure; refuses operations Meta does not have before any read. */
export function loadRefOf(d: Pick<Dispatch, "operation" | "params">): LoadRef {
  if (!META_OPERATIONS.has(d.operation)) throw new PermanentError("unsupported_operation", `dispatcher-meta does not support ${d.operation}`);
  return coreLoadRefOf("meta", d);
}

/** What planning reads of the Layers row `loadRefOf` named. */
export type KnownEntity = Pick<EntityTarget, "kind" | "id" | "campaignId" | "platformId" | "targeting">;

export interface PlanContext {
  /** The row `loadRefOf` named; absent for `create_campaign`. */
  known?: KnownEntity | undefined;
  /** The campaign's objective and outcome: the default optimization goal of a new ad set. */
  campaignGoal?: { objective: string | null; outcome: string | null } | undefined;
}

/**
 * Translates one allowed Meta write into the Meta calls it needs and the Layers row it leaves.
 * Pure: throws `PermanentError` for whatever Meta cannot take (`unsupported_operation`,
 * `invalid_params`, `unrepresentable_amount`, `entity_not_on_platform`), before any call.
 */
export function planMetaWrite(d: Pick<Dispatch, "intentId" | "operation" | "params" | "currency">, ctx: PlanContext = {}): MetaPlan {
  const op = d.operation;
  const entry = META_OPERATIONS.get(op);
  if (entry === undefined) throw new PermanentError("unsupported_operation", `dispatcher-meta does not support ${op}`);
  switch (op) {
    case "create_campaign":
      return planCreateCampaign(parseParams(createCampaignParamsSchema, d.params), d.currency);
    case "create_adset": {
      const p = parseParams(createAdGroupParamsSchema, d.params);
      const parent = expectKnown(ctx, { kind: "campaign", id: p.campaignId }, p.campaignId);
      const goal = ctx.campaignGoal ?? { objective: null, outcome: null };
      return planCreateAdSet(p, { platformId: onMeta(parent), ...goal }, d.currency);
    }
    case "create_ad":
    case "push_creative": {
      const p = parseParams(createAdParamsSchema, d.params);
      const parent = expectKnown(ctx, { kind: "adset", id: p.parentId }, p.campaignId);
      return planCreateAd(p, onMeta(parent), d.intentId);
    }
    default:
      return planChange(d, entry, ctx);
  }
}

/** A write to an existing campaign, ad set or ad: one `POST /{id}` (or, for `replace_creative`, two steps). */
function planChange(d: Pick<Dispatch, "intentId" | "operation" | "params" | "currency">, entry: { capability: Capability; kinds: readonly EntityKind[] }, ctx: PlanContext): MetaPlan {
  const op = d.operation;
  const target = targetOf(op, d.params);
  if (target === undefined || !entry.kinds.includes(target.kind)) {
    throw new PermanentError("invalid_params", `${op} applies to ${entry.kinds.join(" or ")}, not ${target?.kind ?? "nothing"}`);
  }
  const known = expectKnown(ctx, target);
  const id = onMeta(known);
  const level = target.kind as MetaLevel;
  const update = (fields: MetaFields, row: EntityRowPatch): MetaPlan => ({ call: { kind: "update", level, id, fields }, entity: target, created: false, row });
  const cap = entry.capability;
  switch (cap) {
    case "rename": {
      const p = parseParams(renameParamsSchema, d.params);
      return update({ name: p.name }, { name: p.name });
    }
    case "budget": {
      const p = parseParams(updateBudgetParamsSchema, d.params);
      allowOnly(level, "budget", { dailyBudgetCents: p.dailyBudgetCents, lifetimeBudgetCents: p.lifetimeBudgetCents });
      const budget = budgetFields(p, d.currency);
      return update(budget.fields, budget.row);
    }
    case "bid": {
      const p = parseParams(updateBidParamsSchema, d.params);
      allowOnly(level, "bid", { bidCents: p.bidCents, bidStrategy: p.bidStrategy });
      checkBidStrategy(p.bidStrategy, surfaceOf("meta", level)?.bidStrategies);
      const fields: Record<string, unknown> = {};
      const row: EntityRowPatch = {};
      if (p.bidCents !== undefined) {
        fields.bid_amount = toMetaAmount(p.bidCents, d.currency);
        row.bidCents = p.bidCents;
      }
      if (p.bidStrategy !== undefined) {
        fields.bid_strategy = p.bidStrategy;
        row.bidStrategy = p.bidStrategy;
      }
      return update(fields, row);
    }
    case "schedule": {
      const p = parseParams(updateScheduleParamsSchema, d.params);
      allowOnly(level, "schedule", { startTime: p.startTime, endTime: p.endTime });
      const fields: Record<string, unknown> = {};
      const row: EntityRowPatch = {};
      if (p.startTime !== undefined) {
        fields.start_time = p.startTime;
        row.startTime = p.startTime;
      }
      if (p.endTime !== undefined) {
        fields[END_FIELD[level as "campaign" | "adset"]] = p.endTime;
        row.endTime = p.endTime;
      }
      return update(fields, row);
    }
    case "targeting": {
      const p = parseParams(updateTargetingParamsSchema, d.params);
      allowOnly(level, "targeting", p.targeting);
      // The fields named replace those the ad set has; the rest (its countries, say) stay.
      const merged = targetingSchema.safeParse({ ...(known.targeting ?? {}), ...p.targeting });
      if (!merged.success) throw new PermanentError("invalid_params", `the ad set's targeting with this change is not valid: ${merged.error.message.slice(0, 300)}`);
      return update({ targeting: metaTargeting(merged.data) }, { targeting: merged.data });
    }
    case "replace_creative": {
      const p = parseParams(replaceCreativeParamsSchema, d.params);
      return planReplaceCreative(p.creative, { id: known.id, platformId: id }, d.intentId);
    }
    default: {
      parseParams(lifecycleParamsSchema, d.params);
      const status = STATUS_OF_CAPABILITY[cap];
      if (status === undefined) throw new PermanentError("unsupported_operation", `dispatcher-meta does not support ${op}`);
      const row: EntityRowPatch = { status: layersStatus(status) };
      if (cap === "prune_creative") row.attributes = { creativePruned: true };
      return update({ status }, row);
    }
  }
}

/** The loaded row must be the one the write names (the adapter loads it by `loadRefOf`). */
function expectKnown(ctx: PlanContext, ref: EntityRef, campaignId?: string): KnownEntity {
  const k = ctx.known;
  if (!k || k.kind !== ref.kind || k.id !== ref.id) throw new Error(`planMetaWrite: expected the ${ref.kind} ${ref.id} to be loaded`);
  if (campaignId !== undefined && k.campaignId !== campaignId) {
    throw new PermanentError("invalid_params", `${ref.kind} ${ref.id} is not in campaign ${campaignId}`);
  }
  return k;
}

function onMeta(k: KnownEntity): string {
  return requirePlatformId(k.platformId, `${k.kind} ${k.id}`, "Meta");
}

/** Refuses fields `PLATFORM_SURFACE.meta` does not list for the level (the gateway refuses them first). */
function allowOnly(level: MetaLevel, what: "budget" | "bid" | "schedule" | "targeting", given: Record<string, unknown>): void {
  const allowed: readonly string[] = surfaceOf("meta", level)?.[what] ?? [];
  const present = Object.entries(given).filter(([, v]) => v !== undefined).map(([k]) => k);
  const refused = present.filter((k) => !allowed.includes(k));
  if (refused.length > 0) throw new PermanentError("invalid_params", `a Meta ${level} takes no ${refused.join(", ")}`);
  if (present.length === 0) throw new PermanentError("invalid_params", `${what} update names no field`);
}
