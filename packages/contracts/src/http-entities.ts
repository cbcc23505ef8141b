import { z } from "zod";
import { managementModeSchema, platformSchema, type Platform } from "./authority.ts";
import { entityKindSchema } from "./entities.ts";
import { idSchema } from "./ids.ts";
import { positiveMinorUnitsSchema } from "./money.ts";
import { creativeSpecSchema, isoInstantSchema, targetingSchema } from "./operation-params.ts";

/**
 * Request and response bodies of the granular ads surface (SPEC §5): the simplified create on each
 * platform, the second and third levels, and the tactical and creative writes. What a platform
 * cannot do at a level is refused by the gateway from `PLATFORM_SURFACE`, not by these shapes.
 */

const nameSchema = z.string().trim().min(1).max(400);
const statusSchema = z.enum(["ACTIVE", "PAUSED"]);
const exactlyOneBudget = {
  check: (b: { dailyBudgetCents?: number | undefined; lifetimeBudgetCents?: number | undefined }) =>
    (b.dailyBudgetCents === undefined) !== (b.lifetimeBudgetCents === undefined),
  message: "exactly one of dailyBudgetCents or lifetimeBudgetCents is required",
};
const atMostOneBudget = {
  check: (b: { dailyBudgetCents?: number | undefined; lifetimeBudgetCents?: number | undefined }) =>
    b.dailyBudgetCents === undefined || b.lifetimeBudgetCents === undefined,
  message: "give dailyBudgetCents or lifetimeBudgetCents, not both",
};
const nonEmpty = { check: (b: object) => Object.keys(b).length > 0, message: "at least one field is required" };

// ---------------------------------------------------------------- simplified campaign create
export const OUTCOMES = ["conversions", "traffic", "app_installs", "awareness", "engagement", "leads", "sales"] as const;

const campaignCreateBase = {
  adAccountId: idSchema("adAccount"),
  name: nameSchema,
  outcome: z.enum(OUTCOMES),
  dailyBudgetCents: positiveMinorUnitsSchema.optional(),
  lifetimeBudgetCents: positiveMinorUnitsSchema.optional(),
  campaignManagementMode: managementModeSchema,
  creativeMode: managementModeSchema,
  /** New campaigns start PAUSED unless asked otherwise (Apple always defaults to PAUSED). */
  status: statusSchema.optional(),
};

/** Per-platform overrides of the simplified create, in Layers spelling. */
const CAMPAIGN_CREATE_EXTRAS = {
  meta: {
    specialAdCategories: z
      .array(z.enum(["EMPLOYMENT", "HOUSING", "CREDIT", "FINANCIAL_PRODUCTS_SERVICES", "ISSUES_ELECTIONS_POLITICS", "ONLINE_GAMBLING_AND_GAMING"]))
      .max(6)
      .optional(),
    bidStrategy: z.enum(["LOWEST_COST_WITHOUT_CAP", "LOWEST_COST_WITH_BID_CAP", "COST_CAP", "LOWEST_COST_WITH_MIN_ROAS"]).optional(),
    startTime: isoInstantSchema.optional(),
    stopTime: isoInstantSchema.optional(),
  },
  tiktok: {
    specialIndustries: z.array(z.enum(["HOUSING", "EMPLOYMENT", "CREDIT"])).max(3).optional(),
    /** Campaign budget optimisation: TikTok then ignores ad group budgets. */
    budgetOptimizeOn: z.boolean().optional(),
  },
  apple: {
    /** The App Store id of the promoted app. */
    adamId: z.union([z.string().regex(/^\d{1,19}$/, "must be a numeric App Store id"), z.number().int().positive()]).transform(String),
    countriesOrRegions: z.array(z.string().regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code")).min(1).max(250),
    supplySources: z.array(z.enum(["APPSTORE_SEARCH_RESULTS", "APPSTORE_SEARCH_TAB", "APPSTORE_TODAY_TAB", "APPSTORE_PRODUCT_PAGES_BROWSE"])).min(1).max(4).optional(),
    billingEvent: z.enum(["TAPS", "IMPRESSIONS"]).optional(),
    adChannelType: z.enum(["SEARCH", "DISPLAY"]).optional(),
    startTime: isoInstantSchema.optional(),
    stopTime: isoInstantSchema.optional(),
  },
} as const;

/**
 * The simplified create body of one platform: the shared fields plus that platform's extras,
 * nothing else. Which budget kinds a platform takes is not decided here: the gateway refuses the
 * others from `PLATFORM_SURFACE` (`422 UNSUPPORTED_ON_PLATFORM`, e.g. an Apple lifetime budget).
 */
export function createCampaignBodySchemaFor(platform: Platform) {
  return z
    .strictObject({ ...campaignCreateBase, ...CAMPAIGN_CREATE_EXTRAS[platform] })
    .refine(exactlyOneBudget.check, { message: exactlyOneBudget.message, path: ["dailyBudgetCents"] });
}
/** The Meta create body (kept for callers that only know Meta). */
export const createCampaignBodySchema = createCampaignBodySchemaFor("meta");
export type CreateCampaignBody = z.infer<typeof createCampaignBodySchema>;

// ---------------------------------------------------------------- second level (ad sets / ad groups)
export const createAdGroupBodySchema = z
  .strictObject({
    name: nameSchema,
    status: statusSchema.optional(),
    dailyBudgetCents: positiveMinorUnitsSchema.optional(),
    lifetimeBudgetCents: positiveMinorUnitsSchema.optional(),
    bidCents: positiveMinorUnitsSchema.optional(),
    bidStrategy: z.string().min(1).max(64).optional(),
    billingEvent: z.string().regex(/^[A-Z_]{2,40}$/).optional(),
    optimizationGoal: z.string().regex(/^[A-Z_]{2,40}$/).optional(),
    pricingModel: z.enum(["CPC", "CPM"]).optional(),
    pacing: z.enum(["PACING_MODE_SMOOTH", "PACING_MODE_FAST"]).optional(),
    automatedKeywordsOptIn: z.boolean().optional(),
    targeting: targetingSchema.optional(),
    startTime: isoInstantSchema.optional(),
    endTime: isoInstantSchema.optional(),
  })
  .refine(atMostOneBudget.check, { message: atMostOneBudget.message, path: ["dailyBudgetCents"] });
export type CreateAdGroupBody = z.infer<typeof createAdGroupBodySchema>;

// ---------------------------------------------------------------- third level
/** `create_ad` and `push_creative`: a new ad carrying a creative. */
export const createAdBodySchema = z.strictObject({ name: nameSchema, status: statusSchema.optional(), creative: creativeSpecSchema });
export type CreateAdBody = z.infer<typeof createAdBodySchema>;
export const replaceCreativeBodySchema = z.strictObject({ creative: creativeSpecSchema });

export const createKeywordBodySchema = z.strictObject({
  text: z.string().trim().min(1).max(80),
  matchType: z.enum(["BROAD", "EXACT"]),
  bidCents: positiveMinorUnitsSchema.optional(),
  status: statusSchema.optional(),
});
export type CreateKeywordBody = z.infer<typeof createKeywordBodySchema>;

// ---------------------------------------------------------------- writes on any level
export const renameBodySchema = z.strictObject({ name: nameSchema });
export const bidBodySchema = z
  .strictObject({ bidCents: positiveMinorUnitsSchema.optional(), bidStrategy: z.string().min(1).max(64).optional() })
  .refine(nonEmpty.check, { message: "bidCents or bidStrategy is required" });
export const scheduleBodySchema = z
  .strictObject({ startTime: isoInstantSchema.optional(), endTime: isoInstantSchema.optional() })
  .refine(nonEmpty.check, { message: "startTime or endTime is required" })
  .refine((b) => b.startTime === undefined || b.endTime === undefined || Date.parse(b.startTime) < Date.parse(b.endTime), {
    message: "endTime must be after startTime",
    path: ["endTime"],
  });
/** The targeting body is the normalized targeting object itself. */
export const targetingBodySchema = targetingSchema;

// ---------------------------------------------------------------- responses
/** An ad set / ad group / ad / keyword as the API shows it. Money in the layer currency's minor unit. */
export const adEntitySchema = z.object({
  id: z.string(),
  kind: entityKindSchema,
  platform: platformSchema,
  projectId: z.uuid(),
  layerId: z.string(),
  adAccountId: z.string(),
  campaignId: z.string(),
  /** The ad set / ad group of an ad or keyword; null one level below the campaign. */
  parentId: z.string().nullable(),
  platformId: z.string().nullable(),
  name: z.string(),
  status: z.string(),
  dailyBudgetCents: z.number().nullable(),
  lifetimeBudgetCents: z.number().nullable(),
  bidCents: z.number().nullable(),
  bidStrategy: z.string().nullable(),
  startTime: z.string().nullable(),
  endTime: z.string().nullable(),
  targeting: z.record(z.string(), z.unknown()).nullable(),
  creative: z.record(z.string(), z.unknown()).nullable(),
  /** Keywords only. */
  matchType: z.enum(["BROAD", "EXACT"]).nullable(),
  currency: z.string(),
  origin: z.enum(["layers", "platform"]),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AdEntityBody = z.infer<typeof adEntitySchema>;
