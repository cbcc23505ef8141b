/**
 * Meta Marketing API enum values the sandbox validates against (facebook-nodejs-business-sdk
 * 24.0.1, `Campaign` static getters; see docs/research platform-apis.md §3.1).
 */

/** ODAX objectives: the only ones the sandbox accepts on create. */
export const OBJECTIVES = [
  "OUTCOME_APP_PROMOTION",
  "OUTCOME_AWARENESS",
  "OUTCOME_ENGAGEMENT",
  "OUTCOME_LEADS",
  "OUTCOME_SALES",
  "OUTCOME_TRAFFIC",
] as const;
export type Objective = (typeof OBJECTIVES)[number];

/**
 * Pre-ODAX objectives the SDK still lists. Meta no longer lets new campaigns use them, so the
 * sandbox rejects them with a message that says so, rather than the generic "must be one of".
 */
export const LEGACY_OBJECTIVES = [
  "APP_INSTALLS", "BRAND_AWARENESS", "CONVERSIONS", "EVENT_RESPONSES", "LEAD_GENERATION",
  "LINK_CLICKS", "LOCAL_AWARENESS", "MESSAGES", "OFFER_CLAIMS", "PAGE_LIKES", "POST_ENGAGEMENT",
  "PRODUCT_CATALOG_SALES", "REACH", "STORE_VISITS", "VIDEO_VIEWS",
] as const;

export const SPECIAL_AD_CATEGORIES = [
  "NONE",
  "EMPLOYMENT",
  "HOUSING",
  "CREDIT",
  "FINANCIAL_PRODUCTS_SERVICES",
  "ISSUES_ELECTIONS_POLITICS",
  "ONLINE_GAMBLING_AND_GAMING",
] as const;

export const CAMPAIGN_STATUSES = ["ACTIVE", "PAUSED", "ARCHIVED", "DELETED"] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** Statuses a campaign may be created with. */
export const CREATE_STATUSES = ["ACTIVE", "PAUSED"] as const;

/** Read-only `effective_status` values for campaigns, also the values the edge filter accepts. */
export const EFFECTIVE_STATUSES = ["ACTIVE", "PAUSED", "ARCHIVED", "DELETED", "IN_PROCESS", "WITH_ISSUES"] as const;
export type EffectiveStatus = (typeof EFFECTIVE_STATUSES)[number];

export const BID_STRATEGIES = [
  "LOWEST_COST_WITHOUT_CAP",
  "LOWEST_COST_WITH_BID_CAP",
  "COST_CAP",
  "LOWEST_COST_WITH_MIN_ROAS",
] as const;

export const BUYING_TYPES = ["AUCTION", "RESERVED"] as const;

export const EXECUTION_OPTIONS = ["validate_only", "include_recommendations"] as const;
