import type { BusinessUsage } from "./usage.ts";
import type { Logger } from "@layers/runtime";
import { actId } from "./form.ts";
import { createGraphCaller, type MetaAuth } from "./graph-call.ts";
import {
  createdSchema,
  metaAdCreativeSchema,
  metaAdSchema,
  metaAdSetSchema,
  metaCampaignSchema,
  successSchema,
  type MetaAd,
  type MetaAdCreative,
  type MetaAdSet,
  type MetaCampaign,
  type MetaFields,
} from "./schemas.ts";

export type { MetaAuth } from "./graph-call.ts";
export { metaCampaignSchema, type MetaAd, type MetaAdCreative, type MetaAdSet, type MetaCampaign, type MetaFields } from "./schemas.ts";

export interface MetaClientOptions {
  /** Graph host without version, e.g. `https://graph.facebook.com` or the sandbox URL. */
  baseUrl: string;
  /** Path version; a Graph version change is a config change plus this folder. */
  apiVersion?: string;
  /** Per-request timeout; a timed-out write may still have landed (callers reconcile). */
  timeoutMs?: number;
  /** Page size for list edges. */
  pageSize?: number;
  fetch?: typeof fetch;
  log: Logger;
  /** Every `X-Business-Use-Case-Usage` reading, for the call budgets. */
  onUsage?: (usage: BusinessUsage) => void;
}

/** Edges hide ARCHIVED objects unless asked; `includeArchived` asks (DELETED ones are only ever readable by id). */
export interface ListOptions {
  includeArchived?: boolean;
}

export interface MetaClient {
  createCampaign(accountId: string, fields: MetaFields, auth: MetaAuth): Promise<{ id: string }>;
  updateCampaign(campaignId: string, fields: MetaFields, auth: MetaAuth): Promise<void>;
  getCampaign(campaignId: string, fields: readonly string[], auth: MetaAuth): Promise<MetaCampaign>;
  /** Every campaign of the account, following cursor paging to the end. */
  listCampaigns(accountId: string, fields: readonly string[], auth: MetaAuth, opts?: ListOptions): Promise<MetaCampaign[]>;
  deleteCampaign(campaignId: string, auth: MetaAuth): Promise<void>;

  /** `POST /act_{id}/adsets`; `fields.campaign_id` names the campaign. */
  createAdSet(accountId: string, fields: MetaFields, auth: MetaAuth): Promise<{ id: string }>;
  updateAdSet(adSetId: string, fields: MetaFields, auth: MetaAuth): Promise<void>;
  getAdSet(adSetId: string, fields: readonly string[], auth: MetaAuth): Promise<MetaAdSet>;
  /** The ad sets of one campaign (`GET /{campaign_id}/adsets`). */
  listAdSets(campaignId: string, fields: readonly string[], auth: MetaAuth, opts?: ListOptions): Promise<MetaAdSet[]>;

  /** `POST /act_{id}/adcreatives`. Creatives are immutable apart from their name. */
  createAdCreative(accountId: string, fields: MetaFields, auth: MetaAuth): Promise<{ id: string }>;
  /** The account's creative library (`GET /act_{id}/adcreatives`; deleted ones left out). */
  listAdCreatives(accountId: string, fields: readonly string[], auth: MetaAuth): Promise<MetaAdCreative[]>;

  /** `POST /act_{id}/ads`; `fields.adset_id` names the ad set, `fields.creative` is `{creative_id}`. */
  createAd(accountId: string, fields: MetaFields, auth: MetaAuth): Promise<{ id: string }>;
  /** Rename, status, or a creative swap (`creative={creative_id}`). */
  updateAd(adId: string, fields: MetaFields, auth: MetaAuth): Promise<void>;
  getAd(adId: string, fields: readonly string[], auth: MetaAuth): Promise<MetaAd>;
  /** The ads of one ad set (`GET /{adset_id}/ads`). */
  listAds(adSetId: string, fields: readonly string[], auth: MetaAuth, opts?: ListOptions): Promise<MetaAd[]>;
}

/** `effective_status` values other than DELETED (which no edge returns), per level. */
const LIVE_STATUSES = {
  campaigns: ["ACTIVE", "PAUSED", "ARCHIVED", "IN_PROCESS", "WITH_ISSUES"],
  adsets: ["ACTIVE", "PAUSED", "ARCHIVED", "CAMPAIGN_PAUSED", "IN_PROCESS", "WITH_ISSUES"],
  ads: [
    "ACTIVE", "PAUSED", "ARCHIVED", "CAMPAIGN_PAUSED", "ADSET_PAUSED", "IN_PROCESS", "WITH_ISSUES",
    "PENDING_REVIEW", "DISAPPROVED", "PREAPPROVED", "PENDING_BILLING_INFO",
  ],
} as const;

export function createMetaClient(opts: MetaClientOptions): MetaClient {
  const { call, list } = createGraphCaller(opts);
  const node = encodeURIComponent;
  const read = (fields: readonly string[]) => ({ fields: fields.join(",") });
  const edgeParams = (fields: readonly string[], edge: keyof typeof LIVE_STATUSES, o: ListOptions = {}) => ({
    ...read(fields),
    effective_status: o.includeArchived ? LIVE_STATUSES[edge] : undefined,
  });
  const update = async (id: string, fields: MetaFields, auth: MetaAuth) => {
    await call("POST", node(id), { ...fields }, auth, successSchema);
  };

  return {
    createCampaign: (accountId, fields, auth) => call("POST", `${actId(accountId)}/campaigns`, { ...fields }, auth, createdSchema),
    updateCampaign: update,
    getCampaign: (id, fields, auth) => call("GET", node(id), read(fields), auth, metaCampaignSchema),
    listCampaigns: (accountId, fields, auth, o) => list(`${actId(accountId)}/campaigns`, edgeParams(fields, "campaigns", o), auth, metaCampaignSchema),
    async deleteCampaign(id, auth) {
      await call("DELETE", node(id), {}, auth, successSchema);
    },

    createAdSet: (accountId, fields, auth) => call("POST", `${actId(accountId)}/adsets`, { ...fields }, auth, createdSchema),
    updateAdSet: update,
    getAdSet: (id, fields, auth) => call("GET", node(id), read(fields), auth, metaAdSetSchema),
    listAdSets: (campaignId, fields, auth, o) => list(`${node(campaignId)}/adsets`, edgeParams(fields, "adsets", o), auth, metaAdSetSchema),

    createAdCreative: (accountId, fields, auth) => call("POST", `${actId(accountId)}/adcreatives`, { ...fields }, auth, createdSchema),
    listAdCreatives: (accountId, fields, auth) => list(`${actId(accountId)}/adcreatives`, read(fields), auth, metaAdCreativeSchema),

    createAd: (accountId, fields, auth) => call("POST", `${actId(accountId)}/ads`, { ...fields }, auth, createdSchema),
    updateAd: update,
    getAd: (id, fields, auth) => call("GET", node(id), read(fields), auth, metaAdSchema),
    listAds: (adSetId, fields, auth, o) => list(`${node(adSetId)}/ads`, edgeParams(fields, "ads", o), auth, metaAdSchema),
  };
}
