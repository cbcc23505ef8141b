import { currencySchema } from "@layers/contracts";
import { z } from "zod";
import {
  BID_STRATEGIES, BILLING_EVENTS, CALL_TO_ACTION_TYPES, CAMPAIGN_STATUSES, LEGACY_OBJECTIVES, OBJECTIVES, OPTIMIZATION_GOALS,
  SPECIAL_AD_CATEGORIES,
} from "./meta/enums.ts";

/**
 * Bodies and answers of the `/_sandbox` control API. Other packages' tests import these types,
 * so a change here breaks them at compile time.
 */

/** `act_123` or `123`; always answered as `act_123`. */
export const metaAccountRefSchema = z
  .string()
  .regex(/^(act_)?\d+$/, "must be act_<digits>")
  .transform((s) => (s.startsWith("act_") ? s : `act_${s}`));

/**
 * An ad that already exists under a seeded ad set, with the link creative it shows (created
 * alongside it, also never ledgered).
 */
export const seedAdSchema = z.object({
  name: z.string().min(1),
  status: z.enum(CAMPAIGN_STATUSES).default("ACTIVE"),
  creative: z
    .object({
      name: z.string().min(1).optional(),
      page_id: z.string().regex(/^\d+$/).default("100000000000001"),
      link: z.url().default("https://example.com/"),
      message: z.string().optional(),
      /** The link's headline (`link_data.name`). */
      headline: z.string().optional(),
      call_to_action_type: z.enum(CALL_TO_ACTION_TYPES as [string, ...string[]]).default("LEARN_MORE"),
    })
    .default({ page_id: "100000000000001", link: "https://example.com/", call_to_action_type: "LEARN_MORE" }),
  adlabels: z.array(z.string().min(1)).default([]),
});
export type SeedAd = z.input<typeof seedAdSchema>;

/** An ad set that already exists under a seeded campaign; never ledgered, any status. */
export const seedAdSetSchema = z
  .object({
    name: z.string().min(1),
    status: z.enum(CAMPAIGN_STATUSES).default("ACTIVE"),
    billing_event: z.enum(BILLING_EVENTS).default("IMPRESSIONS"),
    optimization_goal: z.enum(OPTIMIZATION_GOALS).default("LINK_CLICKS"),
    /** Kept as given; default `{"geo_locations":{"countries":["US"]}}`. */
    targeting: z.record(z.string(), z.unknown()).default({ geo_locations: { countries: ["US"] } }),
    daily_budget: z.number().int().positive().optional(),
    lifetime_budget: z.number().int().positive().optional(),
    bid_amount: z.number().int().positive().optional(),
    bid_strategy: z.enum(BID_STRATEGIES).optional(),
    /** ISO 8601; required with lifetime_budget, as on Meta. */
    end_time: z.iso.datetime({ offset: true }).optional(),
    adlabels: z.array(z.string().min(1)).default([]),
    ads: z.array(seedAdSchema).default([]),
  })
  .refine((a) => a.daily_budget === undefined || a.lifetime_budget === undefined, {
    message: "an ad set has a daily_budget or a lifetime_budget, not both",
  })
  .refine((a) => a.lifetime_budget === undefined || a.end_time !== undefined, {
    message: "an ad set with a lifetime_budget needs an end_time",
    path: ["end_time"],
  });
export type SeedAdSet = z.input<typeof seedAdSetSchema>;

/** A campaign that already exists when Layers first sees the account; never ledgered. */
export const seedCampaignSchema = z
  .object({
    name: z.string().min(1),
    // Old campaigns may carry pre-ODAX objectives, so seeds accept both.
    objective: z.enum([...OBJECTIVES, ...LEGACY_OBJECTIVES]),
    status: z.enum(CAMPAIGN_STATUSES).default("ACTIVE"),
    daily_budget: z.number().int().positive().optional(),
    lifetime_budget: z.number().int().positive().optional(),
    special_ad_categories: z.array(z.enum(SPECIAL_AD_CATEGORIES)).default([]),
    /** Ad label names to attach. */
    adlabels: z.array(z.string().min(1)).default([]),
    /** Ad sets (with their ads) that already exist under the campaign. */
    adsets: z.array(seedAdSetSchema).default([]),
  })
  .refine((c) => c.daily_budget === undefined || c.lifetime_budget === undefined, {
    message: "a campaign has a daily_budget or a lifetime_budget, not both",
  })
  // Meta keeps a budget at one level only (subcode 1885621), so no account can have both.
  .refine((c) => (c.daily_budget === undefined && c.lifetime_budget === undefined) || c.adsets.every((a) => a.daily_budget === undefined && a.lifetime_budget === undefined), {
    message: "a campaign with a campaign budget can't have ad sets with their own budget",
    path: ["adsets"],
  });
export type SeedCampaign = z.input<typeof seedCampaignSchema>;
/** A seed campaign after parsing: defaults filled in. */
export type ParsedSeedCampaign = z.output<typeof seedCampaignSchema>;

export const createMetaAdAccountBodySchema = z.object({
  name: z.string().min(1).optional(),
  currency: currencySchema.default("USD"),
  /** Lowest accepted daily/lifetime budget in Meta's minimum unit for the currency; default 100. */
  minDailyBudget: z.number().int().nonnegative().default(100),
  campaigns: z.array(seedCampaignSchema).default([]),
});
export type CreateMetaAdAccountBody = z.input<typeof createMetaAdAccountBodySchema>;

export interface CreateMetaAdAccountResponse {
  /** The bare number, as Meta's `account_id` field reads. */
  platformAccountId: string;
  /** `act_<platformAccountId>`, as Graph paths spell it. */
  accountId: string;
  accessToken: string;
  name: string;
  currency: string;
  campaigns: Array<{
    id: string;
    name: string;
    /** The seeded ad sets, in the order given; empty when none were seeded. */
    adsets: Array<{ id: string; name: string; ads: Array<{ id: string; name: string; creativeId: string }> }>;
  }>;
}

export const ledgerQuerySchema = z
  .object({
    platform: z.enum(["meta", "apple", "tiktok"]).optional(),
    account: z.string().regex(/^(act_)?\d+$/, "must be act_<digits> or <digits>").optional(),
    objectId: z.string().min(1).optional(),
    afterSeq: z.coerce.number().int().nonnegative().optional(),
  })
  // Apple and TikTok accounts are bare ids (org, advertiser); Meta's are answered as act_<digits>.
  .transform((q) => (q.account === undefined || q.platform === "apple" || q.platform === "tiktok" ? q : { ...q, account: metaAccountRefSchema.parse(q.account) }));

const count = z.number().int().nonnegative();

const metaFaultsBodySchema = z
  .object({
    platform: z.literal("meta"),
    account: metaAccountRefSchema,
    latencyMs: z.number().int().min(0).max(120_000).optional(),
    fail5xx: count.optional(),
    throttle: count.optional(),
    throttleRegainMinutes: z.number().min(0).optional(),
    throttleCode: z.union([z.literal(17), z.literal(80004)]).optional(),
    expiredToken: z.boolean().optional(),
    failAfterApply: count.optional(),
  })
  .strict();

/** TikTok faults: advertiser ids are bare; throttles answer code 40100, so no throttle code or regain time. */
const tiktokFaultsBodySchema = z
  .object({
    platform: z.literal("tiktok"),
    account: z.string().regex(/^\d+$/, "must be the advertiser id"),
    latencyMs: z.number().int().min(0).max(120_000).optional(),
    fail5xx: count.optional(),
    throttle: count.optional(),
    expiredToken: z.boolean().optional(),
    failAfterApply: count.optional(),
  })
  .strict();

export const putFaultsBodySchema = z.discriminatedUnion("platform", [metaFaultsBodySchema, tiktokFaultsBodySchema]);
export type PutFaultsBody = z.input<typeof putFaultsBodySchema>;

export const deleteFaultsQuerySchema = z
  .object({
    platform: z.enum(["meta", "tiktok"]).default("meta"),
    account: z.string().regex(/^(act_)?\d+$/, "must be act_<digits> or <digits>").optional(),
  })
  // TikTok advertiser ids are bare; Meta's are answered as act_<digits>.
  .transform((q) => (q.account === undefined || q.platform === "tiktok" ? q : { ...q, account: metaAccountRefSchema.parse(q.account) }));
