// The SDK ships no type declarations. This covers only what the sandbox's SDK test calls.
declare module "facebook-nodejs-business-sdk" {
  export class FacebookAdsApi {
    static init(accessToken: string, locale?: string, crashLog?: boolean): FacebookAdsApi;
    static readonly GRAPH: string;
    static readonly VERSION: string;
    setDebug(flag: boolean): FacebookAdsApi;
  }

  export class Cursor<T> extends Array<T> {
    paging: { cursors?: { before: string; after: string }; next?: string; previous?: string };
    hasNext(): boolean;
    next(): Promise<Cursor<T>>;
  }

  /** What every generated node class (Campaign, AdSet, Ad, AdCreative) shares. */
  class GraphNode<Self> {
    constructor(id: string | null, data?: Record<string, unknown>, parentId?: string, api?: FacebookAdsApi);
    readonly id: string;
    readonly _data: Record<string, unknown>;
    read(fields: string[], params?: Record<string, unknown>): Promise<Self>;
    get(fields: string[], params?: Record<string, unknown>): Promise<Self>;
    /** `fields` is ignored by the SDK; the changes go in `params`. */
    update(fields: string[], params?: Record<string, unknown>): Promise<{ success?: boolean }>;
    delete(fields: string[], params?: Record<string, unknown>): Promise<{ success?: boolean }>;
    static readonly Fields: Readonly<Record<string, string>>;
    static readonly Status: Readonly<Record<string, string>>;
  }

  export class Campaign extends GraphNode<Campaign> {
    getAdSets(fields: string[], params?: Record<string, unknown>): Promise<Cursor<AdSet>>;
    getAds(fields: string[], params?: Record<string, unknown>): Promise<Cursor<Ad>>;
    static readonly Objective: Readonly<Record<string, string>>;
  }

  export class AdSet extends GraphNode<AdSet> {
    getAds(fields: string[], params?: Record<string, unknown>): Promise<Cursor<Ad>>;
    static readonly BillingEvent: Readonly<Record<string, string>>;
    static readonly OptimizationGoal: Readonly<Record<string, string>>;
  }

  export class Ad extends GraphNode<Ad> {}

  export class AdCreative extends GraphNode<AdCreative> {}

  export class AdAccount {
    constructor(id: string, data?: Record<string, unknown>, parentId?: string, api?: FacebookAdsApi);
    createCampaign(fields: string[], params?: Record<string, unknown>): Promise<Campaign>;
    getCampaigns(fields: string[], params?: Record<string, unknown>): Promise<Cursor<Campaign>>;
    createAdSet(fields: string[], params?: Record<string, unknown>): Promise<AdSet>;
    getAdSets(fields: string[], params?: Record<string, unknown>): Promise<Cursor<AdSet>>;
    createAd(fields: string[], params?: Record<string, unknown>): Promise<Ad>;
    getAds(fields: string[], params?: Record<string, unknown>): Promise<Cursor<Ad>>;
    createAdCreative(fields: string[], params?: Record<string, unknown>): Promise<AdCreative>;
    getAdCreatives(fields: string[], params?: Record<string, unknown>): Promise<Cursor<AdCreative>>;
  }

  export class FacebookRequestError extends Error {
    status: number | null;
    response: Record<string, unknown> | null;
  }

  const sdk: {
    FacebookAdsApi: typeof FacebookAdsApi;
    AdAccount: typeof AdAccount;
    Campaign: typeof Campaign;
    AdSet: typeof AdSet;
    Ad: typeof Ad;
    AdCreative: typeof AdCreative;
    FacebookRequestError: typeof FacebookRequestError;
  };
  export default sdk;
}
