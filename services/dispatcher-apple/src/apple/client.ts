import { z } from "zod";
import type { Logger } from "@layers/runtime";
import { classifyAppleFailure, classifyNetworkError } from "./classify.ts";
import { appleErrorItems, readAppleData, type AppleData } from "./envelope.ts";
import { AppleTransientError } from "./errors.ts";
import { pickLiveByName } from "./find.ts";
import { assertAppleId, parseAppleJson, wireId } from "./ids.ts";
import {
  appleAdGroupSchema,
  appleCampaignSchema,
  appleKeywordSchema,
  type AppleAdGroup,
  type AppleCampaign,
  type AppleKeyword,
  type AppleMoney,
} from "./schemas.ts";

/** The one place the API version is spelled: v5 sunsets 2027-01-26 and its successor is a new folder. */
const API_PATH = "/api/v5";
/** Apple's largest page (`limit` 1–1000). */
const MAX_PAGE_SIZE = 1000;
/** A safety stop for offset loops: 1000 pages of 1000 is far beyond any real org. */
const MAX_PAGES = 1000;

export interface AppleClientOptions {
  /** Host without the API path, e.g. `https://api.searchads.apple.com` or the sandbox URL. */
  baseUrl: string;
  /** Per-request timeout; a timed-out write may still have landed (callers reconcile by name). */
  timeoutMs?: number;
  /** `limit` for list calls, 1–1000 (default 1000). */
  pageSize?: number;
  fetch?: typeof fetch;
  log: Logger;
}

/** The org a call acts in and its OAuth access token; sent per call, never stored in the client. */
export interface AppleAuth {
  accessToken: string;
  /** Decimal text of the int64 org id, sent as `X-AP-Context: orgId=<orgId>`. */
  orgId: string;
}

export type AppleStatus = "ENABLED" | "PAUSED";
export type AppleKeywordStatus = "ACTIVE" | "PAUSED";
export type AppleMatchType = "BROAD" | "EXACT";

/** `POST /campaigns`: Apple's seven required fields plus the optional ones Layers uses. Ids are decimal text. */
export interface AppleCampaignCreate {
  name: string;
  adamId: string;
  countriesOrRegions: readonly string[];
  dailyBudgetAmount: AppleMoney;
  supplySources: readonly string[];
  adChannelType: string;
  billingEvent: string;
  /** Apple defaults to ENABLED; Layers creates PAUSED. */
  status?: AppleStatus;
  biddingStrategy?: string;
  targetCpa?: AppleMoney;
  /** `yyyy-MM-ddTHH:mm:ss.SSS` UTC (see `toAppleTime`). */
  startTime?: string;
  endTime?: string;
}

/** What `PUT /campaigns/{id}` may change; only the given fields change. */
export type AppleCampaignUpdate = Partial<
  Pick<AppleCampaignCreate, "name" | "status" | "dailyBudgetAmount" | "countriesOrRegions" | "biddingStrategy" | "targetCpa" | "startTime" | "endTime">
>;

export interface AppleAdGroupCreate {
  name: string;
  pricingModel: string;
  defaultBidAmount: AppleMoney;
  /** Required by Apple for ad groups. */
  startTime: string;
  endTime?: string;
  status?: AppleStatus;
  automatedKeywordsOptIn?: boolean;
  cpaGoal?: AppleMoney;
  targetingDimensions?: Readonly<Record<string, unknown>>;
}

/** `pricingModel` is fixed at creation. */
export type AppleAdGroupUpdate = Partial<Omit<AppleAdGroupCreate, "pricingModel">>;

export interface AppleKeywordCreate {
  text: string;
  matchType: AppleMatchType;
  bidAmount?: AppleMoney;
  /** Apple defaults to ACTIVE. */
  status?: AppleKeywordStatus;
}

export interface AppleKeywordUpdate {
  id: string;
  status?: AppleKeywordStatus;
  bidAmount?: AppleMoney;
}

export interface AppleClient {
  createCampaign(fields: AppleCampaignCreate, auth: AppleAuth): Promise<AppleCampaign>;
  /** Sent in the `{"campaign": {...}}` envelope that only campaign updates use. */
  updateCampaign(campaignId: string, fields: AppleCampaignUpdate, auth: AppleAuth): Promise<AppleCampaign>;
  getCampaign(campaignId: string, auth: AppleAuth): Promise<AppleCampaign>;
  /** Every campaign of the org, following limit/offset paging to the end; soft-deleted ones included (`deleted: true`). */
  listCampaigns(auth: AppleAuth): Promise<AppleCampaign[]>;
  /** Soft delete: the campaign stays readable with `deleted: true`, `displayStatus: DELETED`. */
  deleteCampaign(campaignId: string, auth: AppleAuth): Promise<void>;
  /** The live campaign with exactly this name, to find a create whose answer was lost. */
  findCampaignByName(name: string, auth: AppleAuth): Promise<AppleCampaign | undefined>;

  createAdGroup(campaignId: string, fields: AppleAdGroupCreate, auth: AppleAuth): Promise<AppleAdGroup>;
  updateAdGroup(campaignId: string, adGroupId: string, fields: AppleAdGroupUpdate, auth: AppleAuth): Promise<AppleAdGroup>;
  getAdGroup(campaignId: string, adGroupId: string, auth: AppleAuth): Promise<AppleAdGroup>;
  /** Every ad group of the campaign, soft-deleted ones included. */
  listAdGroups(campaignId: string, auth: AppleAuth): Promise<AppleAdGroup[]>;
  deleteAdGroup(campaignId: string, adGroupId: string, auth: AppleAuth): Promise<void>;
  /** The live ad group of the campaign with exactly this name. */
  findAdGroupByName(campaignId: string, name: string, auth: AppleAuth): Promise<AppleAdGroup | undefined>;

  /** One bulk call, all or nothing; answers the created keywords in request order. An empty list makes no call. */
  createKeywords(campaignId: string, adGroupId: string, keywords: readonly AppleKeywordCreate[], auth: AppleAuth): Promise<AppleKeyword[]>;
  /** One bulk call; answers the updated keywords in request order. An empty list makes no call. */
  updateKeywords(campaignId: string, adGroupId: string, updates: readonly AppleKeywordUpdate[], auth: AppleAuth): Promise<AppleKeyword[]>;
  /** The ad group's live targeting keywords. */
  listKeywords(campaignId: string, adGroupId: string, auth: AppleAuth): Promise<AppleKeyword[]>;
  deleteKeyword(campaignId: string, adGroupId: string, keywordId: string, auth: AppleAuth): Promise<void>;
}

type Method = "GET" | "POST" | "PUT" | "DELETE";

interface CallSpec<T> {
  schema: z.ZodType<T>;
  body?: unknown;
  query?: Record<string, number>;
  /** Accept the bare object as well as the envelope (PUT answers; DELETE's void answer). */
  bare?: boolean;
}

const campaignList = z.array(appleCampaignSchema);
const adGroupList = z.array(appleAdGroupSchema);
const keywordList = z.array(appleKeywordSchema);

export function createAppleClient(opts: AppleClientOptions): AppleClient {
  const base = `${opts.baseUrl.replace(/\/+$/, "")}${API_PATH}`;
  const doFetch = opts.fetch ?? fetch;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const pageSize = opts.pageSize ?? MAX_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) throw new RangeError(`pageSize must be 1–${MAX_PAGE_SIZE}`);

  async function call<T>(method: Method, path: string, auth: AppleAuth, spec: CallSpec<T>): Promise<AppleData<T>> {
    const url = new URL(`${base}${path}`);
    for (const [k, v] of Object.entries(spec.query ?? {})) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = {
      accept: "application/json",
      authorization: `Bearer ${auth.accessToken}`,
      // Without it Apple answers 403 even for a valid token: a token may reach several orgs.
      "x-ap-context": `orgId=${assertAppleId(auth.orgId, "orgId")}`,
    };
    const init: RequestInit = { method, headers, signal: AbortSignal.timeout(timeoutMs) };
    if (spec.body !== undefined) {
      headers["content-type"] = "application/json";
      init.body = JSON.stringify(spec.body);
    }
    const started = performance.now();
    let res: Response;
    let text: string;
    try {
      res = await doFetch(url, init);
      text = await res.text();
    } catch (err) {
      throw classifyNetworkError(err);
    }
    const body = parseAppleJson(text);
    opts.log.debug({ method, path, status: res.status, ms: Math.round(performance.now() - started) }, "apple call");
    if (!res.ok || appleErrorItems(body).length > 0) {
      throw classifyAppleFailure({ httpStatus: res.status, body, retryAfter: res.headers.get("retry-after") });
    }
    const read = readAppleData(body, spec.schema, { bare: spec.bare ?? false });
    // A 2xx we cannot read leaves the outcome unknown: treat it like a lost answer.
    if (read === undefined) throw new AppleTransientError(`unexpected answer from Apple for ${method} ${path}`, { httpStatus: res.status });
    return read;
  }

  async function listAll<T extends { id: string }>(path: string, auth: AppleAuth, schema: z.ZodType<T[]>): Promise<T[]> {
    // Keyed by id: an object created between two pages shifts offsets, and must not appear twice.
    const out = new Map<string, T>();
    let offset = 0;
    for (let page = 0; page < MAX_PAGES; page++) {
      const res = await call("GET", path, auth, { schema, query: { limit: pageSize, offset } });
      for (const item of res.data) out.set(item.id, item);
      offset = (res.pagination?.startIndex ?? offset) + res.data.length;
      const total = res.pagination?.totalResults;
      if (res.data.length === 0 || total === undefined || offset >= total) return [...out.values()];
    }
    throw new AppleTransientError(`list ${path} did not end after ${MAX_PAGES} pages`, {});
  }

  const campaignPath = (id: string) => `/campaigns/${assertAppleId(id, "campaignId")}`;
  const adGroupPath = (cid: string, gid: string) => `${campaignPath(cid)}/adgroups/${assertAppleId(gid, "adGroupId")}`;
  const voidAnswer = { schema: z.unknown(), bare: true };

  const client: AppleClient = {
    async createCampaign(fields, auth) {
      const body = { ...fields, adamId: wireId(fields.adamId, "adamId") };
      return (await call("POST", "/campaigns", auth, { schema: appleCampaignSchema, body })).data;
    },
    async updateCampaign(campaignId, fields, auth) {
      return (await call("PUT", campaignPath(campaignId), auth, { schema: appleCampaignSchema, body: { campaign: fields }, bare: true })).data;
    },
    async getCampaign(campaignId, auth) {
      return (await call("GET", campaignPath(campaignId), auth, { schema: appleCampaignSchema })).data;
    },
    async listCampaigns(auth) {
      return listAll("/campaigns", auth, campaignList);
    },
    async deleteCampaign(campaignId, auth) {
      await call("DELETE", campaignPath(campaignId), auth, voidAnswer);
    },
    async findCampaignByName(name, auth) {
      // `POST /campaigns/find` could filter server-side, but a full list is one call for any real org
      // at 1000 a page, and the same path the sandbox serves.
      return pickLiveByName(await client.listCampaigns(auth), name, "campaign");
    },

    async createAdGroup(campaignId, fields, auth) {
      return (await call("POST", `${campaignPath(campaignId)}/adgroups`, auth, { schema: appleAdGroupSchema, body: fields })).data;
    },
    async updateAdGroup(campaignId, adGroupId, fields, auth) {
      // Un-enveloped: the `{"campaign": …}` wrapper is for campaign updates only.
      return (await call("PUT", adGroupPath(campaignId, adGroupId), auth, { schema: appleAdGroupSchema, body: fields, bare: true })).data;
    },
    async getAdGroup(campaignId, adGroupId, auth) {
      return (await call("GET", adGroupPath(campaignId, adGroupId), auth, { schema: appleAdGroupSchema })).data;
    },
    async listAdGroups(campaignId, auth) {
      return listAll(`${campaignPath(campaignId)}/adgroups`, auth, adGroupList);
    },
    async deleteAdGroup(campaignId, adGroupId, auth) {
      await call("DELETE", adGroupPath(campaignId, adGroupId), auth, voidAnswer);
    },
    async findAdGroupByName(campaignId, name, auth) {
      return pickLiveByName(await client.listAdGroups(campaignId, auth), name, "ad group");
    },

    async createKeywords(campaignId, adGroupId, keywords, auth) {
      if (keywords.length === 0) return [];
      const body = keywords.map((k) => ({ text: k.text, matchType: k.matchType, status: k.status, bidAmount: k.bidAmount }));
      return (await call("POST", `${adGroupPath(campaignId, adGroupId)}/targetingkeywords/bulk`, auth, { schema: keywordList, body })).data;
    },
    async updateKeywords(campaignId, adGroupId, updates, auth) {
      if (updates.length === 0) return [];
      const body = updates.map((u) => ({ id: wireId(u.id, "keyword id"), status: u.status, bidAmount: u.bidAmount }));
      return (await call("PUT", `${adGroupPath(campaignId, adGroupId)}/targetingkeywords/bulk`, auth, { schema: keywordList, body, bare: true })).data;
    },
    async listKeywords(campaignId, adGroupId, auth) {
      return listAll(`${adGroupPath(campaignId, adGroupId)}/targetingkeywords`, auth, keywordList);
    },
    async deleteKeyword(campaignId, adGroupId, keywordId, auth) {
      await call("DELETE", `${adGroupPath(campaignId, adGroupId)}/targetingkeywords/${assertAppleId(keywordId, "keywordId")}`, auth, voidAnswer);
    },
  };
  return client;
}
