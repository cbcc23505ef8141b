import { z } from "zod";
import type { Operation, Platform } from "./authority.ts";
import type { IdKind } from "./ids.ts";
import type { Scope } from "./scopes.ts";

/**
 * The ad entities Layers writes, one name per level. Meta calls its second level ad sets, TikTok
 * and Apple ad groups; Apple's third level on the partner surface is keywords (no Apple ad entity).
 */
export const ENTITY_KINDS = ["campaign", "adset", "adgroup", "ad", "keyword"] as const;
export const entityKindSchema = z.enum(ENTITY_KINDS);
export type EntityKind = z.infer<typeof entityKindSchema>;
export type ChildKind = Exclude<EntityKind, "campaign">;
export const CHILD_KINDS = ["adset", "adgroup", "ad", "keyword"] as const satisfies readonly ChildKind[];

/** Layers id prefix of each level (`as_…`, `ag_…`, `ad_…`, `kw_…`). */
export const ID_KIND_OF_ENTITY: Record<EntityKind, IdKind> = {
  campaign: "campaign",
  adset: "adSet",
  adgroup: "adGroup",
  ad: "ad",
  keyword: "keyword",
};

/** The URL segment of each level (`…/meta/adsets/:id`). */
export const PATH_OF_ENTITY: Record<EntityKind, string> = {
  campaign: "campaigns",
  adset: "adsets",
  adgroup: "adgroups",
  ad: "ads",
  keyword: "keywords",
};

/** Each platform's levels, top down. */
export const PLATFORM_LEVELS: Record<Platform, readonly [EntityKind, EntityKind, EntityKind]> = {
  meta: ["campaign", "adset", "ad"],
  tiktok: ["campaign", "adgroup", "ad"],
  apple: ["campaign", "adgroup", "keyword"],
};

export function parentKindOf(platform: Platform, kind: EntityKind): EntityKind | null {
  const levels = PLATFORM_LEVELS[platform];
  const i = levels.indexOf(kind);
  return i > 0 ? levels[i - 1]! : null;
}

export function childKindOf(platform: Platform, kind: EntityKind): EntityKind | null {
  const levels = PLATFORM_LEVELS[platform];
  const i = levels.indexOf(kind);
  return i >= 0 && i < levels.length - 1 ? levels[i + 1]! : null;
}

export function hasLevel(platform: Platform, kind: EntityKind): boolean {
  return PLATFORM_LEVELS[platform].includes(kind);
}

/** What a write can change on an entity; each maps to one gate operation (`operationFor`). */
export const CAPABILITIES = [
  "create",
  "rename",
  "budget",
  "bid",
  "schedule",
  "targeting",
  "pause",
  "resume",
  "archive",
  "delete",
  "push_creative",
  "replace_creative",
  "prune_creative",
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** The fields of the normalized targeting object each (platform, level) accepts. */
export type TargetingField = "countries" | "locationIds" | "ageMin" | "ageMax" | "genders";
/** The fields of a bid write each (platform, level) accepts. */
export type BidField = "bidCents" | "bidStrategy";
/** The budget kinds each (platform, level) accepts. */
export type BudgetField = "dailyBudgetCents" | "lifetimeBudgetCents";
export type ScheduleField = "startTime" | "endTime";

/**
 * A field one of the platform's APIs no longer takes because it follows from another: Layers
 * accepts it only when it agrees (`valueOf(the other field, or its default)`); otherwise
 * `422 UNSUPPORTED_ON_PLATFORM`.
 */
export interface ImpliedField {
  from: string;
  /** The `from` field's value when the body leaves it out (what the dispatcher sends). */
  fromDefault: unknown;
  valueOf: (from: unknown) => unknown;
}

export interface LevelSurface {
  capabilities: readonly Capability[];
  /** Create fields the platform derives from another (e.g. Apple's channel from its placements). */
  implied?: Readonly<Record<string, ImpliedField>>;
  budget?: readonly BudgetField[];
  bid?: readonly BidField[];
  schedule?: readonly ScheduleField[];
  targeting?: readonly TargetingField[];
  /** Bid strategies the platform knows at this level. */
  bidStrategies?: readonly string[];
}

/** The placements an Apple campaign gets when the create names none. */
export const APPLE_DEFAULT_SUPPLY_SOURCES = ["APPSTORE_SEARCH_RESULTS"] as const;
/** v5's `adChannelType` of a set of Apple placements: search results run on SEARCH, the other App Store placements on DISPLAY. */
export function appleChannelOf(supplySources: readonly string[]): "SEARCH" | "DISPLAY" {
  return supplySources.every((s) => s === "APPSTORE_SEARCH_RESULTS") ? "SEARCH" : "DISPLAY";
}

const META_BID_STRATEGIES = ["LOWEST_COST_WITHOUT_CAP", "LOWEST_COST_WITH_BID_CAP", "COST_CAP", "LOWEST_COST_WITH_MIN_ROAS"] as const;
const APPLE_BID_STRATEGIES = ["MANUAL_CPT", "MAX_CONVERSIONS"] as const;
const LIFECYCLE = ["pause", "resume", "archive", "delete"] as const;
const NO_ARCHIVE = ["pause", "resume", "delete"] as const;

/**
 * What each platform supports at each level, in one table: the routes, the gateway's 422s for
 * what a platform cannot do, and the dispatchers all read it. TikTok and Apple have no archive
 * state; Apple campaigns bill daily only (v5 dropped lifetime budgets and the Apple Ads Platform
 * API has none) and only Apple keywords carry a per-keyword bid. The Apple rows are what both of
 * Apple's APIs take (dispatcher-apple speaks either, `APPLE_API`), so a write the gateway accepts
 * lands on whichever is configured. Targeting lives where the platform keeps it: Meta ad sets, TikTok ad
 * groups (location ids), Apple campaigns (countries) and ad groups (age, gender).
 */
export const PLATFORM_SURFACE: Record<Platform, Partial<Record<EntityKind, LevelSurface>>> = {
  meta: {
    campaign: {
      capabilities: ["create", "rename", "budget", "bid", "schedule", ...LIFECYCLE],
      budget: ["dailyBudgetCents", "lifetimeBudgetCents"],
      bid: ["bidStrategy"],
      schedule: ["startTime", "endTime"],
      bidStrategies: META_BID_STRATEGIES,
    },
    adset: {
      capabilities: ["create", "rename", "budget", "bid", "schedule", "targeting", ...LIFECYCLE, "push_creative"],
      budget: ["dailyBudgetCents", "lifetimeBudgetCents"],
      bid: ["bidCents", "bidStrategy"],
      schedule: ["startTime", "endTime"],
      targeting: ["countries", "ageMin", "ageMax", "genders"],
      bidStrategies: META_BID_STRATEGIES,
    },
    ad: { capabilities: ["create", "rename", ...LIFECYCLE, "replace_creative", "prune_creative"] },
  },
  tiktok: {
    campaign: {
      capabilities: ["create", "rename", "budget", ...NO_ARCHIVE],
      budget: ["dailyBudgetCents", "lifetimeBudgetCents"],
    },
    adgroup: {
      capabilities: ["create", "rename", "budget", "bid", "schedule", "targeting", ...NO_ARCHIVE, "push_creative"],
      budget: ["dailyBudgetCents", "lifetimeBudgetCents"],
      bid: ["bidCents"],
      schedule: ["endTime"],
      targeting: ["locationIds"],
    },
    ad: { capabilities: ["create", "rename", ...NO_ARCHIVE, "replace_creative", "prune_creative"] },
  },
  apple: {
    campaign: {
      capabilities: ["create", "rename", "budget", "bid", "schedule", "targeting", ...NO_ARCHIVE],
      budget: ["dailyBudgetCents"],
      bid: ["bidStrategy"],
      schedule: ["startTime", "endTime"],
      targeting: ["countries"],
      bidStrategies: APPLE_BID_STRATEGIES,
      // The Apple Ads Platform API has no adChannelType: the placements say it.
      implied: { adChannelType: { from: "supplySources", fromDefault: APPLE_DEFAULT_SUPPLY_SOURCES, valueOf: (s) => appleChannelOf(s as readonly string[]) } },
    },
    adgroup: {
      capabilities: ["create", "rename", "bid", "schedule", "targeting", ...NO_ARCHIVE],
      bid: ["bidCents"],
      schedule: ["startTime", "endTime"],
      targeting: ["ageMin", "ageMax", "genders"],
    },
    keyword: { capabilities: ["create", "bid", "pause", "resume", "delete"], bid: ["bidCents"] },
  },
};

export function surfaceOf(platform: Platform, kind: EntityKind): LevelSurface | undefined {
  return PLATFORM_SURFACE[platform][kind];
}

export function supports(platform: Platform, kind: EntityKind, capability: Capability): boolean {
  return surfaceOf(platform, kind)?.capabilities.includes(capability) ?? false;
}

/** The gate operation of a capability at a level (`pause` on `adgroup` → `pause_adgroup`). */
export function operationFor(kind: EntityKind, capability: Capability): Operation {
  switch (capability) {
    case "create":
    case "pause":
    case "resume":
    case "archive":
    case "delete":
      return `${capability}_${kind}` as Operation;
    case "rename":
      if (kind === "keyword") throw new RangeError("keywords cannot be renamed");
      return `update_${kind}` as Operation;
    case "budget":
    case "bid":
    case "schedule":
    case "targeting":
      return `update_${capability}` as Operation;
    default:
      return capability;
  }
}

/** Every write to one campaign's tree shares its ordering key, so a child's create lands after its parent's. */
export function entityKeyOfCampaign(campaignId: string): string {
  return `campaign:${campaignId}`;
}

/** Status values Layers reports for entities, lower-cased across platforms. */
/** `rejected`: its create was rejected or canceled before it reached the platform (it takes no writes). */
export const ENTITY_STATUSES = ["creating", "pending_approval", "denied", "failed", "rejected", "active", "paused", "archived", "deleted"] as const;

/**
 * The scope a partner key needs for each platform write (SPEC §5): creates, renames, schedules and
 * targeting need `campaigns`; budgets and bids `budgets`; lifecycle `lifecycle`; creatives
 * `creative`. The customer-only operations have no scope (a partner can never make them).
 */
export const SCOPE_OF_OPERATION: Record<Exclude<Operation, "set_kill_switch" | "update_policy">, Scope> = {
  ...(Object.fromEntries(
    (["campaign", "adset", "adgroup", "ad", "keyword"] as const).flatMap((k) => [
      [`create_${k}`, "ads:write:campaigns"],
      [`pause_${k}`, "ads:write:lifecycle"],
      [`resume_${k}`, "ads:write:lifecycle"],
      [`archive_${k}`, "ads:write:lifecycle"],
      [`delete_${k}`, "ads:write:lifecycle"],
    ]),
  ) as Record<`${"create" | "pause" | "resume" | "archive" | "delete"}_${EntityKind}`, Scope>),
  update_campaign: "ads:write:campaigns",
  update_adset: "ads:write:campaigns",
  update_adgroup: "ads:write:campaigns",
  update_ad: "ads:write:campaigns",
  update_budget: "ads:write:budgets",
  update_bid: "ads:write:budgets",
  update_schedule: "ads:write:campaigns",
  update_targeting: "ads:write:campaigns",
  push_creative: "ads:write:creative",
  replace_creative: "ads:write:creative",
  prune_creative: "ads:write:creative",
  update_authority: "ads:write:policy",
  update_defaults: "ads:write:policy",
};
