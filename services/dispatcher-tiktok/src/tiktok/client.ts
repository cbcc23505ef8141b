import { z } from "zod";
import type { Logger } from "@layers/runtime";
import { classifyNetworkError, classifyTikTokFailure } from "./classify.ts";
import { parseJson, readEnvelope } from "./envelope.ts";
import { TikTokTransientError } from "./errors.ts";
import { chunk, encodeQuery, splitFiltering, type WireFiltering } from "./query.ts";
import { isTikTokRequestId } from "./request-id.ts";

export interface TikTokClientOptions {
  /** Host without the API prefix, e.g. `https://business-api.tiktok.com` or the sandbox URL. */
  baseUrl: string;
  /** Per-request timeout; a timed-out write may still have landed (callers reconcile). */
  timeoutMs?: number;
  /** `page_size` for `/…/get/` calls (TikTok allows 1–1000). */
  pageSize?: number;
  fetch?: typeof fetch;
  log: Logger;
}

/** The advertiser's token, sent per call as the `Access-Token` header and never stored in the client. */
export interface TikTokAuth {
  accessToken: string;
}

/** Body fields of a write, in TikTok spelling (`campaign_name`, `budget_mode`, `budget` as a major-unit number, …). */
export type TikTokFields = Readonly<Record<string, unknown>>;

export type TikTokOperationStatus = "ENABLE" | "DISABLE" | "DELETE";

/** TikTok sends `null` for unset fields; read schemas take it as absent. Ids are numeric strings. */
const idSchema = z.string().min(1);

export const tiktokCampaignSchema = z.looseObject({
  campaign_id: idSchema,
  advertiser_id: idSchema.nullish(),
  campaign_name: z.string().nullish(),
  objective_type: z.string().nullish(),
  budget_mode: z.string().nullish(),
  /** Major units as a JSON number; 0 under BUDGET_MODE_INFINITE. */
  budget: z.number().nullish(),
  budget_optimize_on: z.boolean().nullish(),
  operation_status: z.string().nullish(),
  secondary_status: z.string().nullish(),
  special_industries: z.array(z.string()).nullish(),
  create_time: z.string().nullish(),
  modify_time: z.string().nullish(),
});
export type TikTokCampaign = z.infer<typeof tiktokCampaignSchema>;

export const tiktokAdgroupSchema = z.looseObject({
  adgroup_id: idSchema,
  campaign_id: idSchema.nullish(),
  advertiser_id: idSchema.nullish(),
  adgroup_name: z.string().nullish(),
  budget_mode: z.string().nullish(),
  budget: z.number().nullish(),
  bid_price: z.number().nullish(),
  operation_status: z.string().nullish(),
  secondary_status: z.string().nullish(),
  schedule_type: z.string().nullish(),
  schedule_start_time: z.string().nullish(),
  schedule_end_time: z.string().nullish(),
  create_time: z.string().nullish(),
  modify_time: z.string().nullish(),
});
export type TikTokAdgroup = z.infer<typeof tiktokAdgroupSchema>;

export const tiktokAdSchema = z.looseObject({
  ad_id: idSchema,
  adgroup_id: idSchema.nullish(),
  campaign_id: idSchema.nullish(),
  advertiser_id: idSchema.nullish(),
  ad_name: z.string().nullish(),
  operation_status: z.string().nullish(),
  secondary_status: z.string().nullish(),
  create_time: z.string().nullish(),
  modify_time: z.string().nullish(),
});
export type TikTokAd = z.infer<typeof tiktokAdSchema>;

const pageInfoSchema = z.looseObject({
  page: z.number().int(),
  page_size: z.number().int().optional(),
  total_number: z.number().int().optional(),
  total_page: z.number().int(),
});
const pageOf = <T extends z.ZodType>(item: T) => z.looseObject({ list: z.array(item), page_info: pageInfoSchema });
const adCreatedSchema = z.looseObject({ ad_ids: z.array(idSchema).min(1) });
/** Updates and status changes: `code: 0` is the success; their `data` differs across TikTok's docs, so it is not relied on. */
const anyData = z.unknown();

export interface CampaignFilter {
  campaignIds?: readonly string[];
  /** TikTok's get calls hide DELETE'd objects unless asked (`…_STATUS_ALL`). */
  includeDeleted?: boolean;
}
export interface AdgroupFilter extends CampaignFilter {
  adgroupIds?: readonly string[];
}
export interface AdFilter extends AdgroupFilter {
  adIds?: readonly string[];
}

/**
 * TikTok API for Business v1.3, the calls Layers makes. Every call names the advertiser and carries
 * its token; every failure is a `TikTokError` (see errors.ts). Creates take a `request_id` (see
 * request-id.ts): a repeat with the same value creates nothing and — as the sandbox answers it —
 * returns `code: 0` with the object the first request created, so a retried create resolves to
 * the original. Should TikTok answer a repeat with a non-zero code instead, it surfaces as a
 * `TikTokRequestError` carrying that code, and the caller reconciles by reading.
 */
export interface TikTokClient {
  /** `fields` must hold `campaign_name`, `objective_type`, `budget_mode` (and `budget` for a budgeted mode). */
  createCampaign(advertiserId: string, fields: TikTokFields, requestId: string, auth: TikTokAuth): Promise<TikTokCampaign>;
  /** Name, budget, special industries; status goes through `setCampaignStatus`. */
  updateCampaign(advertiserId: string, campaignId: string, fields: TikTokFields, auth: TikTokAuth): Promise<void>;
  /** Sent 20 ids per call (TikTok's limit); a failure part-way leaves the earlier batches applied. DELETE is final. */
  setCampaignStatus(advertiserId: string, campaignIds: readonly string[], status: TikTokOperationStatus, auth: TikTokAuth): Promise<void>;
  /** Every matching campaign, following page/page_size to the end; `fields` narrows the answer (the id is always asked). */
  getCampaigns(advertiserId: string, filter: CampaignFilter, auth: TikTokAuth, fields?: readonly string[]): Promise<TikTokCampaign[]>;
  /** `fields` must hold `campaign_id`, `adgroup_name`, `billing_event`, `location_ids`, `schedule_type`, `schedule_start_time`, … */
  createAdgroup(advertiserId: string, fields: TikTokFields, requestId: string, auth: TikTokAuth): Promise<TikTokAdgroup>;
  updateAdgroup(advertiserId: string, adgroupId: string, fields: TikTokFields, auth: TikTokAuth): Promise<void>;
  setAdgroupStatus(advertiserId: string, adgroupIds: readonly string[], status: TikTokOperationStatus, auth: TikTokAuth): Promise<void>;
  getAdgroups(advertiserId: string, filter: AdgroupFilter, auth: TikTokAuth, fields?: readonly string[]): Promise<TikTokAdgroup[]>;
  /**
   * One ad per creative (each needs `ad_name`), up to 20 per call; the new ad ids in creative order.
   * Ad create has no `request_id`: after a transient failure, reconcile with `getAds` before retrying.
   */
  createAd(advertiserId: string, adgroupId: string, creatives: readonly TikTokFields[], auth: TikTokAuth): Promise<string[]>;
  /** Each creative names its `ad_id`; all must belong to `adgroupId`. */
  updateAd(advertiserId: string, adgroupId: string, creatives: ReadonlyArray<TikTokFields & { ad_id: string }>, auth: TikTokAuth): Promise<void>;
  setAdStatus(advertiserId: string, adIds: readonly string[], status: TikTokOperationStatus, auth: TikTokAuth): Promise<void>;
  getAds(advertiserId: string, filter: AdFilter, auth: TikTokAuth, fields?: readonly string[]): Promise<TikTokAd[]>;
}

export const TIKTOK_API_PREFIX = "/open_api/v1.3";
/** Per-call limits TikTok documents: ids in a status update, ids in one `filtering` list, creatives per ad call. */
export const MAX_STATUS_IDS = 20;
export const MAX_FILTER_IDS = 100;
export const MAX_CREATIVES = 20;
/** A safety stop for page loops: 1000 pages is far beyond any real advertiser at any sane page size. */
const MAX_PAGES = 1000;

export function createTikTokClient(opts: TikTokClientOptions): TikTokClient {
  const base = `${opts.baseUrl.replace(/\/+$/, "")}${TIKTOK_API_PREFIX}`;
  const doFetch = opts.fetch ?? fetch;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const pageSize = opts.pageSize ?? 100;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) throw new RangeError(`TikTok page size ${pageSize} is not within 1–1000`);

  /** `path` is relative to the prefix and ends with `/`, as every TikTok path does. */
  async function call<T>(method: "GET" | "POST", path: string, advertiserId: string, params: Record<string, unknown>, auth: TikTokAuth, schema: z.ZodType<T>): Promise<T> {
    const url = new URL(`${base}/${path}`);
    const headers: Record<string, string> = { accept: "application/json", "Access-Token": auth.accessToken };
    const init: RequestInit = { method, signal: AbortSignal.timeout(timeoutMs), headers };
    // advertiser_id last: caller fields cannot point a call at another advertiser.
    const all = { ...params, advertiser_id: advertiserId };
    if (method === "POST") {
      init.body = JSON.stringify(all);
      headers["content-type"] = "application/json";
    } else {
      for (const [k, v] of encodeQuery(all)) url.searchParams.set(k, v);
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
    const body = parseJson(text);
    const env = readEnvelope(body);
    opts.log.debug({ method, path, status: res.status, code: env?.code, ms: Math.round(performance.now() - started) }, "tiktok call");
    // TikTok answers most failures with HTTP 200 and a non-zero code: the code decides, not the status.
    if (env === undefined || env.code !== 0 || !res.ok) {
      throw classifyTikTokFailure({ httpStatus: res.status, body, retryAfter: res.headers.get("retry-after") });
    }
    const parsed = schema.safeParse(env.data);
    // A success we cannot read leaves the outcome unknown: treat it like a lost answer.
    if (!parsed.success) {
      const detail = { httpStatus: res.status, code: env.code, ...(env.request_id === undefined ? {} : { requestId: env.request_id }) };
      throw new TikTokTransientError(`unexpected answer from TikTok for ${method} ${path}: ${parsed.error.issues[0]?.message ?? "invalid"}`, detail);
    }
    return parsed.data;
  }

  async function getAll<T extends z.ZodType>(
    path: string, advertiserId: string, filtering: WireFiltering, idKey: string, item: T, auth: TikTokAuth, fields: readonly string[] | undefined,
  ): Promise<Array<z.infer<T>>> {
    const schema = pageOf(item);
    const wantFields = fields === undefined ? undefined : [...new Set([idKey, ...fields])];
    // Page-number paging over a live, newest-first list: a create mid-walk shifts items onto the
    // next page (read twice), so the walk keeps the first copy of each id.
    const seen = new Map<string, z.infer<T>>();
    for (const f of splitFiltering(filtering, MAX_FILTER_IDS)) {
      for (let page = 1; ; page++) {
        if (page > MAX_PAGES) throw new TikTokTransientError(`${path} of ${advertiserId} did not end after ${MAX_PAGES} pages`, {});
        const res = await call("GET", path, advertiserId, { page, page_size: pageSize, filtering: f, fields: wantFields }, auth, schema);
        for (const x of res.list) {
          const id = (x as Record<string, unknown>)[idKey] as string;
          if (!seen.has(id)) seen.set(id, x);
        }
        if (res.list.length === 0 || page >= res.page_info.total_page) break;
      }
    }
    return [...seen.values()];
  }

  async function setStatus(path: string, idsKey: string, advertiserId: string, ids: readonly string[], status: TikTokOperationStatus, auth: TikTokAuth): Promise<void> {
    for (const part of chunk([...new Set(ids)], MAX_STATUS_IDS)) {
      await call("POST", path, advertiserId, { [idsKey]: part, operation_status: status }, auth, anyData);
    }
  }

  return {
    async createCampaign(advertiserId, fields, requestId, auth) {
      assertRequestId(requestId);
      return call("POST", "campaign/create/", advertiserId, { ...fields, request_id: requestId }, auth, tiktokCampaignSchema);
    },
    async updateCampaign(advertiserId, campaignId, fields, auth) {
      await call("POST", "campaign/update/", advertiserId, { ...fields, campaign_id: campaignId }, auth, anyData);
    },
    async setCampaignStatus(advertiserId, campaignIds, status, auth) {
      await setStatus("campaign/status/update/", "campaign_ids", advertiserId, campaignIds, status, auth);
    },
    async getCampaigns(advertiserId, filter, auth, fields) {
      const f: WireFiltering = { ...ids("campaign_ids", filter.campaignIds), ...deleted("CAMPAIGN", filter) };
      return getAll("campaign/get/", advertiserId, f, "campaign_id", tiktokCampaignSchema, auth, fields);
    },
    async createAdgroup(advertiserId, fields, requestId, auth) {
      assertRequestId(requestId);
      return call("POST", "adgroup/create/", advertiserId, { ...fields, request_id: requestId }, auth, tiktokAdgroupSchema);
    },
    async updateAdgroup(advertiserId, adgroupId, fields, auth) {
      await call("POST", "adgroup/update/", advertiserId, { ...fields, adgroup_id: adgroupId }, auth, anyData);
    },
    async setAdgroupStatus(advertiserId, adgroupIds, status, auth) {
      await setStatus("adgroup/status/update/", "adgroup_ids", advertiserId, adgroupIds, status, auth);
    },
    async getAdgroups(advertiserId, filter, auth, fields) {
      const f: WireFiltering = { ...ids("campaign_ids", filter.campaignIds), ...ids("adgroup_ids", filter.adgroupIds), ...deleted("ADGROUP", filter) };
      return getAll("adgroup/get/", advertiserId, f, "adgroup_id", tiktokAdgroupSchema, auth, fields);
    },
    async createAd(advertiserId, adgroupId, creatives, auth) {
      assertCreatives(creatives);
      const res = await call("POST", "ad/create/", advertiserId, { adgroup_id: adgroupId, creatives }, auth, adCreatedSchema);
      return res.ad_ids;
    },
    async updateAd(advertiserId, adgroupId, creatives, auth) {
      assertCreatives(creatives);
      await call("POST", "ad/update/", advertiserId, { adgroup_id: adgroupId, creatives }, auth, anyData);
    },
    async setAdStatus(advertiserId, adIds, status, auth) {
      await setStatus("ad/status/update/", "ad_ids", advertiserId, adIds, status, auth);
    },
    async getAds(advertiserId, filter, auth, fields) {
      const f: WireFiltering = {
        ...ids("campaign_ids", filter.campaignIds), ...ids("adgroup_ids", filter.adgroupIds), ...ids("ad_ids", filter.adIds), ...deleted("AD", filter),
      };
      return getAll("ad/get/", advertiserId, f, "ad_id", tiktokAdSchema, auth, fields);
    },
  };
}

function ids(key: "campaign_ids" | "adgroup_ids" | "ad_ids", list: readonly string[] | undefined): WireFiltering {
  return list === undefined ? {} : { [key]: [...list] };
}

function deleted(level: "CAMPAIGN" | "ADGROUP" | "AD", filter: CampaignFilter): WireFiltering {
  return filter.includeDeleted ? { secondary_status: `${level}_STATUS_ALL` } : {};
}

/** A malformed request_id is a bug in the caller, not a platform refusal: fail before sending. */
function assertRequestId(requestId: string): void {
  if (!isTikTokRequestId(requestId)) throw new RangeError(`TikTok request_id ${JSON.stringify(requestId)} is not a decimal in [0, 2^63 − 1]; derive it with tiktokRequestId()`);
}

function assertCreatives(creatives: readonly unknown[]): void {
  if (creatives.length < 1 || creatives.length > MAX_CREATIVES) throw new RangeError(`TikTok takes 1–${MAX_CREATIVES} creatives per ad call, got ${creatives.length}`);
}
