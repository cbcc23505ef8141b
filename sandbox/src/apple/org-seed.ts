import { z } from "zod";
import { invalidInput } from "./apple-error.ts";
import type { AppleAdGroup, AppleCampaign, AppleKeyword } from "./apple-types.ts";
import { AD_CHANNEL_TYPES, BILLING_EVENTS, CAMPAIGN_STATUSES, NAME_MAX, SUPPLY_SOURCES } from "./campaign-input.ts";
import { KEYWORD_STATUSES, KEYWORD_TEXT_MAX, MATCH_TYPES } from "./keyword-input.ts";
import { parseMoney } from "./money.ts";

/** A keyword a seeded ad group already has. Amounts are decimal strings in the org currency. */
export const appleSeedKeywordSchema = z.object({
  text: z.string().trim().min(1).max(KEYWORD_TEXT_MAX),
  matchType: z.enum(MATCH_TYPES).default("BROAD"),
  bidAmount: z.string().optional(),
  status: z.enum(KEYWORD_STATUSES).default("ACTIVE"),
});

/** An ad group a seeded campaign already has; `deleted` seeds a soft-deleted one (still listed). */
export const appleSeedAdGroupSchema = z.object({
  name: z.string().min(1).max(NAME_MAX),
  defaultBidAmount: z.string().default("1"),
  status: z.enum(CAMPAIGN_STATUSES).default("ENABLED"),
  deleted: z.boolean().default(false),
  keywords: z.array(appleSeedKeywordSchema).default([]),
});

/** A campaign the org already has when Layers first sees it; never ledgered, any state. */
export const appleSeedCampaignSchema = z.object({
  name: z.string().min(1).max(NAME_MAX),
  adamId: z.number().int().positive().default(1_234_567_890),
  countriesOrRegions: z.array(z.string().regex(/^[A-Z]{2}$/)).min(1).default(["US"]),
  /** Decimal string in the org currency, e.g. "100" or "25.50". */
  dailyBudgetAmount: z.string().default("100"),
  supplySources: z.array(z.enum(SUPPLY_SOURCES)).min(1).default(["APPSTORE_SEARCH_RESULTS"]),
  adChannelType: z.enum(AD_CHANNEL_TYPES).default("SEARCH"),
  billingEvent: z.enum(BILLING_EVENTS).default("TAPS"),
  status: z.enum(CAMPAIGN_STATUSES).default("ENABLED"),
  deleted: z.boolean().default(false),
  adGroups: z.array(appleSeedAdGroupSchema).default([]),
});
export type AppleSeedCampaign = z.infer<typeof appleSeedCampaignSchema>;

/** The ids the seed gave, in the order the seeds were sent. */
export interface SeededAppleCampaign {
  id: number;
  name: string;
  adGroups: Array<{ id: number; name: string; keywords: Array<{ id: number; text: string }> }>;
}

export interface OrgSeed {
  campaigns: AppleCampaign[];
  adGroups: AppleAdGroup[];
  keywords: AppleKeyword[];
  answer: SeededAppleCampaign[];
}

export interface OrgSeedContext {
  orgId: number;
  currency: string;
  /** Apple-formatted now: start, creation and modification time of every seeded object. */
  at: string;
  newId: () => number;
}

/**
 * Turns seeds into stored objects. Seeds may be in any state, but they keep the invariants the API
 * keeps (money in the org currency, a live ad group's bid within its campaign's daily budget, one
 * keyword per text and match type in an ad group), so a later API call never meets an object the
 * API itself could not have made. Throws an AppleError whose field is the seed's path.
 */
export function buildOrgSeed(seeds: readonly AppleSeedCampaign[], ctx: OrgSeedContext): OrgSeed {
  const out: OrgSeed = { campaigns: [], adGroups: [], keywords: [], answer: [] };
  const cents = (amount: string, path: string) => parseMoney({ amount, currency: ctx.currency }, path, ctx.currency);
  const times = { creationTime: ctx.at, modificationTime: ctx.at };
  seeds.forEach(({ dailyBudgetAmount, adGroups, ...s }, ci) => {
    const at = `campaigns.${ci}`;
    const campaign: AppleCampaign = {
      ...s,
      id: ctx.newId(),
      orgId: ctx.orgId,
      dailyBudgetCents: cents(dailyBudgetAmount, `${at}.dailyBudgetAmount`),
      biddingStrategy: "MANUAL_CPT",
      startTime: ctx.at,
      ...times,
    };
    out.campaigns.push(campaign);
    const answer: SeededAppleCampaign = { id: campaign.id, name: campaign.name, adGroups: [] };
    out.answer.push(answer);
    adGroups.forEach(({ defaultBidAmount, keywords, ...g }, gi) => {
      const gat = `${at}.adGroups.${gi}`;
      const defaultBidCents = cents(defaultBidAmount, `${gat}.defaultBidAmount`);
      if (defaultBidCents === 0) throw invalidInput(`${gat}.defaultBidAmount`, "defaultBidAmount must be greater than zero");
      if (!g.deleted && defaultBidCents > campaign.dailyBudgetCents) {
        throw invalidInput(`${gat}.defaultBidAmount`, "defaultBidAmount cannot exceed the campaign dailyBudgetAmount");
      }
      const adGroup: AppleAdGroup = {
        ...g,
        id: ctx.newId(),
        orgId: ctx.orgId,
        campaignId: campaign.id,
        pricingModel: "CPC",
        defaultBidCents,
        automatedKeywordsOptIn: false,
        startTime: ctx.at,
        ...times,
      };
      out.adGroups.push(adGroup);
      const seen = new Set<string>();
      const keywordIds = keywords.map(({ bidAmount, ...k }, ki) => {
        const kat = `${gat}.keywords.${ki}`;
        const key = `${k.matchType}:${k.text.toLowerCase()}`;
        if (seen.has(key)) throw invalidInput(`${kat}.text`, `keyword "${k.text}" with match type ${k.matchType} is seeded twice in this ad group`);
        seen.add(key);
        const keyword: AppleKeyword = {
          ...k,
          id: ctx.newId(),
          orgId: ctx.orgId,
          campaignId: campaign.id,
          adGroupId: adGroup.id,
          deleted: false,
          ...times,
          ...(bidAmount === undefined ? {} : { bidCents: cents(bidAmount, `${kat}.bidAmount`) }),
        };
        out.keywords.push(keyword);
        return { id: keyword.id, text: keyword.text };
      });
      answer.adGroups.push({ id: adGroup.id, name: adGroup.name, keywords: keywordIds });
    });
  });
  return out;
}
