import type { AdObjectStatus, CampaignStatus, CreativeStatus } from "./enums.ts";

/** An ad account as the sandbox holds it; `id` is the bare number, the Graph path uses `act_<id>`. */
export interface MetaAdAccount {
  id: string;
  name: string;
  currency: string;
  /** The one token that may act on this account's objects. */
  accessToken: string;
  /** Lowest accepted `daily_budget`, in the currency's Meta minimum unit. */
  minDailyBudget: number;
  createdTime: string;
}

/** Ad labels live on the account; campaigns reference them. Names are unique per account. */
export interface MetaAdLabel {
  id: string;
  name: string;
  createdTime: string;
  updatedTime: string;
}

/** A campaign in the sandbox's own shape; `campaign-view.ts` renders it as Graph JSON. */
export interface MetaCampaign {
  id: string;
  accountId: string;
  /** Insertion order in the store: drives list order and paging cursors. */
  ordinal: number;
  name: string;
  objective: string;
  status: CampaignStatus;
  specialAdCategories: string[];
  specialAdCategoryCountry: string[];
  dailyBudget?: number;
  lifetimeBudget?: number;
  bidStrategy?: string;
  spendCap?: number;
  /** ISO 8601 UTC. */
  startTime: string;
  stopTime?: string;
  buyingType: string;
  /** Label ids, resolved against the account's labels when rendered. */
  adlabelIds: string[];
  createdTime: string;
  updatedTime: string;
}

/** A label named in a request: by id (existing) or by name (created on first use). */
export type AdLabelRef = { id: string } | { name: string };

/**
 * An ad set: the level that carries targeting, billing and (unless its campaign has a campaign
 * budget) the budget. Rendered by `adset-view.ts`.
 */
export interface MetaAdSet {
  id: string;
  accountId: string;
  /** Fixed at creation: Meta never moves an ad set to another campaign. */
  campaignId: string;
  ordinal: number;
  name: string;
  status: AdObjectStatus;
  billingEvent: string;
  optimizationGoal: string;
  /** The targeting spec as validated, returned as sent. */
  targeting: Record<string, unknown>;
  dailyBudget?: number;
  lifetimeBudget?: number;
  bidAmount?: number;
  bidStrategy?: string;
  promotedObject?: Record<string, unknown>;
  /** ISO 8601 UTC; the creation time when the request named none. */
  startTime: string;
  endTime?: string;
  adlabelIds: string[];
  createdTime: string;
  updatedTime: string;
}

/**
 * An ad creative. Immutable once created apart from its name; `object_story_spec` (or the id
 * of an existing post) is what the ad shows.
 */
export interface MetaAdCreative {
  id: string;
  accountId: string;
  ordinal: number;
  name?: string;
  status: CreativeStatus;
  objectStorySpec?: Record<string, unknown>;
  objectStoryId?: string;
  adlabelIds: string[];
  createdTime: string;
  updatedTime: string;
}

/** An ad: an ad set plus a creative. */
export interface MetaAd {
  id: string;
  accountId: string;
  /** The ad set's campaign, copied at creation for the campaign's ads edge. */
  campaignId: string;
  adSetId: string;
  ordinal: number;
  name: string;
  status: AdObjectStatus;
  creativeId: string;
  adlabelIds: string[];
  createdTime: string;
  updatedTime: string;
}

/** Whatever a bare numeric id in a Graph path names. */
export type MetaNode =
  | { type: "campaign"; campaign: MetaCampaign }
  | { type: "adSet"; adSet: MetaAdSet }
  | { type: "ad"; ad: MetaAd }
  | { type: "creative"; creative: MetaAdCreative };

/** Read access views need to render an object together with its parents and labels. */
export interface MetaLookup {
  label(id: string): MetaAdLabel | undefined;
  campaign(id: string): MetaCampaign | undefined;
  adSet(id: string): MetaAdSet | undefined;
  creative(id: string): MetaAdCreative | undefined;
}
