/** An Apple Ads org (the account): one token, one currency. */
export interface AppleOrg {
  orgId: number;
  name: string;
  currency: string;
  accessToken: string;
  createdTime: string;
}

export type AppleStatus = "ENABLED" | "PAUSED";
export type KeywordStatus = "ACTIVE" | "PAUSED";

/** Money is held as integer cents in the org currency. */
export interface AppleCampaign {
  id: number;
  orgId: number;
  name: string;
  adamId: number;
  countriesOrRegions: string[];
  dailyBudgetCents: number;
  budgetCents?: number;
  supplySources: string[];
  adChannelType: string;
  billingEvent: string;
  biddingStrategy: string;
  /** The Platform API's `bidStrategy.bid` (per-auction ceiling); v5 has no such field. */
  bidCeilingCents?: number;
  status: AppleStatus;
  startTime: string;
  endTime?: string;
  deleted: boolean;
  creationTime: string;
  modificationTime: string;
}

export interface AppleAdGroup {
  id: number;
  orgId: number;
  campaignId: number;
  name: string;
  pricingModel: string;
  defaultBidCents: number;
  cpaGoalCents?: number;
  automatedKeywordsOptIn: boolean;
  /** Apple's `TargetingDimensions` as last sent (validated in `targeting-input.ts`); absent = none. */
  targetingDimensions?: Record<string, unknown> | null;
  startTime: string;
  endTime?: string;
  status: AppleStatus;
  deleted: boolean;
  creationTime: string;
  modificationTime: string;
}

export interface AppleKeyword {
  id: number;
  orgId: number;
  campaignId: number;
  adGroupId: number;
  text: string;
  matchType: "BROAD" | "EXACT";
  status: KeywordStatus;
  bidCents?: number;
  deleted: boolean;
  creationTime: string;
  modificationTime: string;
}
