import type { CampaignStatus } from "./enums.ts";

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
