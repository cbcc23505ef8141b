import { z } from "zod";
import { isAppleId } from "./ids.ts";

/**
 * Apple v5 objects as the client hands them out. Ids arrive as decimal strings (see `ids.ts`).
 * Only what Layers relies on is required; everything else Apple renders is kept (loose objects)
 * and typed where known, so a field Apple drops or adds does not turn a success into a failure.
 */

export const appleIdSchema = z.string().refine(isAppleId, "not an Apple id");

/** `Money`: a decimal string in the org currency. Apple's examples always quote it; a bare number is read too. */
export const appleMoneySchema = z.object({
  amount: z.union([z.string(), z.number().transform(String)]),
  currency: z.string(),
});
export type AppleMoney = z.infer<typeof appleMoneySchema>;

/** What campaigns and ad groups share: where they run and when, and their soft-delete flag and times. */
const servedFields = {
  servingStatus: z.string().optional(),
  displayStatus: z.string().optional(),
  startTime: z.string().nullish(),
  endTime: z.string().nullish(),
  /** v5 deletes are soft: a deleted object is still readable and listed, with `deleted: true`. */
  deleted: z.boolean().optional(),
  creationTime: z.string().optional(),
  modificationTime: z.string().optional(),
};

export const appleCampaignSchema = z.looseObject({
  id: appleIdSchema,
  orgId: appleIdSchema.optional(),
  name: z.string(),
  adamId: appleIdSchema.optional(),
  status: z.string(),
  dailyBudgetAmount: appleMoneySchema.nullish(),
  budgetAmount: appleMoneySchema.nullish(),
  countriesOrRegions: z.array(z.string()).optional(),
  supplySources: z.array(z.string()).optional(),
  adChannelType: z.string().nullish(),
  billingEvent: z.string().nullish(),
  biddingStrategy: z.string().nullish(),
  ...servedFields,
});
export type AppleCampaign = z.infer<typeof appleCampaignSchema>;

export const appleAdGroupSchema = z.looseObject({
  id: appleIdSchema,
  campaignId: appleIdSchema.optional(),
  orgId: appleIdSchema.optional(),
  name: z.string(),
  status: z.string(),
  pricingModel: z.string().optional(),
  defaultBidAmount: appleMoneySchema.nullish(),
  cpaGoal: appleMoneySchema.nullish(),
  automatedKeywordsOptIn: z.boolean().optional(),
  ...servedFields,
});
export type AppleAdGroup = z.infer<typeof appleAdGroupSchema>;

export const appleKeywordSchema = z.looseObject({
  id: appleIdSchema,
  campaignId: appleIdSchema.optional(),
  adGroupId: appleIdSchema.optional(),
  text: z.string(),
  matchType: z.string(),
  /** Keywords use ACTIVE | PAUSED, not the ENABLED | PAUSED of campaigns and ad groups. */
  status: z.string(),
  bidAmount: appleMoneySchema.nullish(),
  deleted: z.boolean().optional(),
  creationTime: z.string().optional(),
  modificationTime: z.string().optional(),
});
export type AppleKeyword = z.infer<typeof appleKeywordSchema>;

/** One `ErrorResponseItem`. */
export const appleErrorItemSchema = z.looseObject({
  messageCode: z.string().optional(),
  message: z.string().optional(),
  field: z.string().nullish(),
});

export const applePaginationSchema = z.looseObject({
  totalResults: z.number().int().nonnegative(),
  startIndex: z.number().int().nonnegative(),
  itemsPerPage: z.number().int().nonnegative(),
});
export type ApplePagination = z.infer<typeof applePaginationSchema>;
