import { z } from "zod";
import { authorityBlockSchema, type Operation } from "./authority.ts";
import { entityKindSchema, type EntityKind } from "./entities.ts";
import { idSchema } from "./ids.ts";
import { positiveMinorUnitsSchema } from "./money.ts";

/**
 * Platform-bound operation parameters: what an intent carries from the gateway to the gate and on
 * to a dispatcher. One schema per operation, read by both sides. Money is integer minor units of
 * the layer currency; times are ISO 8601 instants. Every write names its campaign (the ordering key
 * and the authority block); a write below campaign level also names its target (`entityKind`,
 * `entityId`), and a create names the new entity's Layers id and its parent.
 */

export const isoInstantSchema = z.iso.datetime({ offset: true });

/** Normalized targeting; each platform level takes the subset `PLATFORM_SURFACE` lists. */
export const targetingSchema = z
  .strictObject({
    /** ISO 3166-1 alpha-2 (Meta ad set geo, Apple campaign `countriesOrRegions`). */
    countries: z.array(z.string().regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code")).min(1).max(250).optional(),
    /** TikTok location ids (numeric strings). */
    locationIds: z.array(z.string().regex(/^\d{1,20}$/, "must be a numeric TikTok location id")).min(1).max(3000).optional(),
    ageMin: z.number().int().min(13).max(65).optional(),
    ageMax: z.number().int().min(13).max(65).optional(),
    genders: z.array(z.enum(["male", "female"])).min(1).max(2).optional(),
  })
  .refine((t) => Object.keys(t).length > 0, { message: "at least one targeting field is required" })
  .refine((t) => t.ageMin === undefined || t.ageMax === undefined || t.ageMin <= t.ageMax, { message: "ageMin must not exceed ageMax", path: ["ageMin"] });
export type Targeting = z.infer<typeof targetingSchema>;

export const CALLS_TO_ACTION = ["LEARN_MORE", "SHOP_NOW", "SIGN_UP", "DOWNLOAD", "INSTALL_MOBILE_APP", "CONTACT_US", "BOOK_TRAVEL", "SUBSCRIBE"] as const;

/** An ad's creative content. Meta also needs the Facebook page it runs as (`pageId`). */
export const creativeSpecSchema = z.strictObject({
  primaryText: z.string().trim().min(1).max(1000),
  linkUrl: z.url({ protocol: /^https?$/ }).max(2000),
  headline: z.string().trim().min(1).max(255).optional(),
  imageUrl: z.url({ protocol: /^https?$/ }).max(2000).optional(),
  videoId: z.string().min(1).max(100).optional(),
  callToAction: z.enum(CALLS_TO_ACTION).optional(),
  pageId: z.string().regex(/^\d{1,20}$/, "must be a numeric Facebook page id").optional(),
});
export type CreativeSpec = z.infer<typeof creativeSpecSchema>;

const campaignRef = { campaignId: idSchema("campaign") };
/** The target of a write; absent on campaign-level writes (the target is then the campaign). */
const targetRef = {
  ...campaignRef,
  entityKind: entityKindSchema.optional(),
  entityId: z.string().min(1).max(64).optional(),
};

export const createCampaignParamsSchema = z.strictObject({
  ...campaignRef,
  adAccountId: idSchema("adAccount"),
  name: z.string().min(1).max(400),
  outcome: z.string(),
  dailyBudgetCents: positiveMinorUnitsSchema.optional(),
  lifetimeBudgetCents: positiveMinorUnitsSchema.optional(),
  authority: authorityBlockSchema,
  status: z.enum(["ACTIVE", "PAUSED"]),
  specialAdCategories: z.array(z.string()),
  bidStrategy: z.string().optional(),
  startTime: z.string().optional(),
  stopTime: z.string().optional(),
  /** TikTok: special industries and campaign budget optimisation. */
  specialIndustries: z.array(z.string()).optional(),
  budgetOptimizeOn: z.boolean().optional(),
  /** Apple: the app (`adamId`), where it runs and how it bills. */
  adamId: z.string().regex(/^\d{1,19}$/).optional(),
  countriesOrRegions: z.array(z.string().regex(/^[A-Z]{2}$/)).min(1).optional(),
  supplySources: z.array(z.string()).min(1).optional(),
  billingEvent: z.string().optional(),
  adChannelType: z.string().optional(),
});
export type CreateCampaignParams = z.infer<typeof createCampaignParamsSchema>;

/** `create_adset` / `create_adgroup`: the second level, under a campaign. */
export const createAdGroupParamsSchema = z.strictObject({
  ...campaignRef,
  entityId: z.string().min(1).max(64),
  name: z.string().min(1).max(400),
  status: z.enum(["ACTIVE", "PAUSED"]),
  dailyBudgetCents: positiveMinorUnitsSchema.optional(),
  lifetimeBudgetCents: positiveMinorUnitsSchema.optional(),
  bidCents: positiveMinorUnitsSchema.optional(),
  bidStrategy: z.string().optional(),
  /** Meta `billing_event` / TikTok `billing_event`; Apple bills by `pricingModel`. */
  billingEvent: z.string().optional(),
  optimizationGoal: z.string().optional(),
  pricingModel: z.enum(["CPC", "CPM"]).optional(),
  pacing: z.string().optional(),
  automatedKeywordsOptIn: z.boolean().optional(),
  targeting: targetingSchema.optional(),
  startTime: isoInstantSchema.optional(),
  endTime: isoInstantSchema.optional(),
});
export type CreateAdGroupParams = z.infer<typeof createAdGroupParamsSchema>;

/** `create_ad` and `push_creative` (a new ad carrying a new creative in an ad set / ad group). */
export const createAdParamsSchema = z.strictObject({
  ...campaignRef,
  entityId: z.string().min(1).max(64),
  parentId: z.string().min(1).max(64),
  name: z.string().min(1).max(400),
  status: z.enum(["ACTIVE", "PAUSED"]),
  creative: creativeSpecSchema,
});
export type CreateAdParams = z.infer<typeof createAdParamsSchema>;

export const createKeywordParamsSchema = z.strictObject({
  ...campaignRef,
  entityId: z.string().min(1).max(64),
  parentId: z.string().min(1).max(64),
  text: z.string().trim().min(1).max(80),
  matchType: z.enum(["BROAD", "EXACT"]),
  bidCents: positiveMinorUnitsSchema.optional(),
  status: z.enum(["ACTIVE", "PAUSED"]),
});
export type CreateKeywordParams = z.infer<typeof createKeywordParamsSchema>;

export const renameParamsSchema = z.strictObject({ ...targetRef, name: z.string().min(1).max(400) });
export const updateBudgetParamsSchema = z.strictObject({
  ...targetRef,
  dailyBudgetCents: positiveMinorUnitsSchema.optional(),
  lifetimeBudgetCents: positiveMinorUnitsSchema.optional(),
});
export const updateBidParamsSchema = z.strictObject({ ...targetRef, bidCents: positiveMinorUnitsSchema.optional(), bidStrategy: z.string().optional() });
export const updateScheduleParamsSchema = z.strictObject({ ...targetRef, startTime: isoInstantSchema.optional(), endTime: isoInstantSchema.optional() });
export const updateTargetingParamsSchema = z.strictObject({ ...targetRef, targeting: targetingSchema });
export const lifecycleParamsSchema = z.strictObject(targetRef);
/** `replace_creative`: new content for an ad's creative. */
export const replaceCreativeParamsSchema = z.strictObject({ ...targetRef, creative: creativeSpecSchema });
export type UpdateBudgetParams = z.infer<typeof updateBudgetParamsSchema>;
export type UpdateBidParams = z.infer<typeof updateBidParamsSchema>;
export type UpdateScheduleParams = z.infer<typeof updateScheduleParamsSchema>;
export type UpdateTargetingParams = z.infer<typeof updateTargetingParamsSchema>;
export type LifecycleParams = z.infer<typeof lifecycleParamsSchema>;
export type RenameParams = z.infer<typeof renameParamsSchema>;
export type ReplaceCreativeParams = z.infer<typeof replaceCreativeParamsSchema>;

/** The params schema of every platform-bound operation. */
export const PLATFORM_OPERATION_PARAMS = {
  create_campaign: createCampaignParamsSchema,
  update_campaign: renameParamsSchema,
  pause_campaign: lifecycleParamsSchema,
  resume_campaign: lifecycleParamsSchema,
  archive_campaign: lifecycleParamsSchema,
  delete_campaign: lifecycleParamsSchema,
  create_adset: createAdGroupParamsSchema,
  update_adset: renameParamsSchema,
  pause_adset: lifecycleParamsSchema,
  resume_adset: lifecycleParamsSchema,
  archive_adset: lifecycleParamsSchema,
  delete_adset: lifecycleParamsSchema,
  create_adgroup: createAdGroupParamsSchema,
  update_adgroup: renameParamsSchema,
  pause_adgroup: lifecycleParamsSchema,
  resume_adgroup: lifecycleParamsSchema,
  archive_adgroup: lifecycleParamsSchema,
  delete_adgroup: lifecycleParamsSchema,
  create_ad: createAdParamsSchema,
  update_ad: renameParamsSchema,
  pause_ad: lifecycleParamsSchema,
  resume_ad: lifecycleParamsSchema,
  archive_ad: lifecycleParamsSchema,
  delete_ad: lifecycleParamsSchema,
  create_keyword: createKeywordParamsSchema,
  pause_keyword: lifecycleParamsSchema,
  resume_keyword: lifecycleParamsSchema,
  archive_keyword: lifecycleParamsSchema,
  delete_keyword: lifecycleParamsSchema,
  update_budget: updateBudgetParamsSchema,
  update_bid: updateBidParamsSchema,
  update_schedule: updateScheduleParamsSchema,
  update_targeting: updateTargetingParamsSchema,
  push_creative: createAdParamsSchema,
  replace_creative: replaceCreativeParamsSchema,
  prune_creative: lifecycleParamsSchema,
} as const satisfies Partial<Record<Operation, z.ZodType>>;
export type PlatformOperation = keyof typeof PLATFORM_OPERATION_PARAMS;

/** Operations that make a new entity, and which level they make. */
export const CREATES = {
  create_campaign: "campaign",
  create_adset: "adset",
  create_adgroup: "adgroup",
  create_ad: "ad",
  push_creative: "ad",
  create_keyword: "keyword",
} as const;
export type CreateOperation = keyof typeof CREATES;
export function isCreate(op: Operation): op is CreateOperation {
  return op in CREATES;
}

/** The entity a write acts on: the new entity for a create, else `entityId` when it names a child, else the campaign. */
export function targetOf(op: Operation, params: Record<string, unknown>): { kind: EntityKind; id: string } | undefined {
  const str = (v: unknown) => (typeof v === "string" ? v : undefined);
  if (isCreate(op)) {
    const id = op === "create_campaign" ? str(params.campaignId) : str(params.entityId);
    return id === undefined ? undefined : { kind: CREATES[op], id };
  }
  const entityId = str(params.entityId);
  const kind = entityKindSchema.safeParse(params.entityKind);
  if (entityId !== undefined && kind.success) return { kind: kind.data, id: entityId };
  const campaignId = str(params.campaignId);
  return campaignId === undefined ? undefined : { kind: "campaign", id: campaignId };
}
