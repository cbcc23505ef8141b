import { z } from "zod";
import { appleIdSchema, appleMoneySchema } from "../apple/schemas.ts";

/**
 * Apple Ads Platform API objects as they arrive (ids already turned into decimal text by
 * `parseAppleJson`). Loose and mostly optional: only what Layers reads is typed, so a field Apple
 * adds or drops does not turn a success into a failure.
 */

const criteria = z.looseObject({ include: z.array(z.union([z.string(), z.number()])).nullish(), exclude: z.array(z.union([z.string(), z.number()])).nullish() });
export const v1TargetingSchema = z.record(z.string(), criteria.nullish());
export type V1Targeting = z.infer<typeof v1TargetingSchema>;

const bidStrategy = z.looseObject({
  bidStrategyType: z.string().nullish(),
  bidStrategyGoal: z.string().nullish(),
  bid: appleMoneySchema.nullish(),
});

const served = {
  status: z.string(),
  systemStatus: z.string().nullish(),
  displayStatus: z.string().nullish(),
  startTime: z.string().nullish(),
  endTime: z.string().nullish(),
  deleted: z.boolean().optional(),
  creationTime: z.string().optional(),
  modificationTime: z.string().optional(),
};

export const v1CampaignSchema = z.looseObject({
  id: appleIdSchema,
  adAccountId: appleIdSchema.optional(),
  name: z.string(),
  billingEvent: z.string().nullish(),
  promotedObjectType: z.string().nullish(),
  promotedObjectId: z.string().nullish(),
  dailyBudget: z.looseObject({ value: appleMoneySchema }).nullish(),
  targeting: v1TargetingSchema.nullish(),
  bidStrategy: bidStrategy.nullish(),
  ...served,
});
export type V1Campaign = z.infer<typeof v1CampaignSchema>;

export const v1AdGroupSchema = z.looseObject({
  id: appleIdSchema,
  adAccountId: appleIdSchema.optional(),
  campaignId: appleIdSchema.optional(),
  name: z.string(),
  pricingModel: z.string().nullish(),
  bidStrategy: bidStrategy.nullish(),
  automatedKeywordsOptIn: z.boolean().nullish(),
  targeting: v1TargetingSchema.nullish(),
  ...served,
});
export type V1AdGroup = z.infer<typeof v1AdGroupSchema>;

export const v1KeywordSchema = z.looseObject({
  id: appleIdSchema,
  campaignId: appleIdSchema.optional(),
  adGroupId: appleIdSchema.optional(),
  text: z.string(),
  matchType: z.string(),
  status: z.string(),
  bid: appleMoneySchema.nullish(),
  deleted: z.boolean().optional(),
  creationTime: z.string().optional(),
  modificationTime: z.string().optional(),
});
export type V1Keyword = z.infer<typeof v1KeywordSchema>;

export const v1PaginationSchema = z.looseObject({
  offset: z.number().int().nonnegative(),
  pageSize: z.number().int().nonnegative(),
  totalCount: z.number().int().nonnegative().nullish(),
});
export type V1Pagination = z.infer<typeof v1PaginationSchema>;

/** `GET /v1/acls`. */
export const v1AclsSchema = z.looseObject({
  acls: z.array(z.looseObject({ adAccount: z.looseObject({ id: appleIdSchema, name: z.string(), orgId: appleIdSchema.optional() }), roles: z.array(z.string()).default([]) })),
});

/** One row of an apps report. */
export const v1ReportRowSchema = z.looseObject({
  metadata: z.looseObject({ id: appleIdSchema.optional() }),
  totalMetrics: z.looseObject({
    impressions: z.number().optional(),
    taps: z.number().optional(),
    totalInstalls: z.number().optional(),
    localSpend: appleMoneySchema.optional(),
  }).optional(),
  granularMetrics: z.array(z.looseObject({ date: z.string() })).optional(),
});
export type V1ReportRow = z.infer<typeof v1ReportRowSchema>;
export const v1ReportSchema = z.looseObject({ rows: z.array(v1ReportRowSchema) });
