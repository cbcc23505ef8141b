import { z } from "zod";
import type { Logger } from "@layers/runtime";
import {
  AppleRequestError,
  AppleTransientError,
  assertAppleId,
  classifyNetworkError,
  parseAppleJson,
  pickLiveByName,
  type AppleAuth,
  type AppleClient,
  type AppleClientOptions,
} from "../apple/index.ts";
import { classifyPlatformFailure } from "./classify.ts";
import { platformErrorOf, readPlatformResult, type PlatformData } from "./envelope.ts";
import { v1AclsSchema, v1AdGroupSchema, v1CampaignSchema, v1KeywordSchema, v1ReportSchema, type V1ReportRow } from "./schemas.ts";
import {
  adGroupCreateBody,
  adGroupFromV1,
  adGroupUpdateBody,
  campaignCreateBody,
  campaignFromV1,
  campaignUpdateBody,
  keywordCreateBody,
  keywordFromV1,
  keywordUpdateBody,
} from "./translate.ts";

/** The one place the Platform API's version is spelled. */
const API_PATH = "/v1";
/** `pageSize` cap of entity queries. */
const MAX_PAGE_SIZE = 1000;
/** A safety stop for offset loops. */
const MAX_PAGES = 1000;
/** Below this many calls left in the window, log it: Apple asks clients to slow down before the 429. */
const LOW_REMAINING = 5;

export type AppsReportLevel = "campaigns" | "adgroups" | "keywords";

export interface AppsReportRequest {
  campaignId: string;
  /** Inclusive days, `YYYY-MM-DD`, in the ad account's time zone. */
  start: string;
  end: string;
  /** Omitted: totals only. */
  granularity?: "DAILY";
}

/** An ad account the token reaches (`GET /v1/acls`); its id is the number v5 called the orgId. */
export interface PlatformAdAccount {
  id: string;
  name: string;
  orgId?: string | undefined;
  roles: string[];
}

/** The adapter's `AppleClient` on the Platform API, plus what only the Platform API client offers. */
export interface PlatformClient extends AppleClient {
  /** The ad accounts the token reaches, for a connect page. No `X-AP-Context`. */
  listAdAccounts(accessToken: string): Promise<PlatformAdAccount[]>;
  /** `POST /v1/reports/apps/{level}/query` for one campaign, every page. */
  appsReport(level: AppsReportLevel, req: AppsReportRequest, auth: AppleAuth): Promise<V1ReportRow[]>;
}

type Method = "GET" | "POST" | "PUT" | "DELETE";

interface CallSpec<T> {
  schema: z.ZodType<T>;
  body?: unknown;
  /** Account-less calls (`/acls`) send no `X-AP-Context`. */
  context?: boolean;
  /** A success carries no `result` (delete answers `{}`). */
  empty?: boolean;
}

const campaignList = z.array(v1CampaignSchema);
const adGroupList = z.array(v1AdGroupSchema);
const keywordList = z.array(v1KeywordSchema);
type Filter = { field: string; operator: string; value?: unknown };
const deletedToo: Filter = { field: "deleted", operator: "IN", value: [true, false] };

/**
 * The Apple Ads Platform API client (`https://api.ads.apple.com/v1`): same token as v5,
 * `X-AP-Context: adAccountId=<the v5 org id>`, flat resources, `POST …/query` lists with offset
 * paging, partial unwrapped `PUT`, 200 on every success. It speaks the adapter's `AppleClient`
 * (`translate.ts` renames at the edge), so dispatch, reconcile and sync run unchanged on either API.
 */
export function createPlatformClient(opts: AppleClientOptions): PlatformClient {
  const base = `${opts.baseUrl.replace(/\/+$/, "")}${API_PATH}`;
  const doFetch = opts.fetch ?? fetch;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const pageSize = opts.pageSize ?? MAX_PAGE_SIZE;
  const log: Logger = opts.log;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) throw new RangeError(`pageSize must be 1–${MAX_PAGE_SIZE}`);

  async function call<T>(method: Method, path: string, auth: { accessToken: string; orgId?: string }, spec: CallSpec<T>): Promise<PlatformData<T>> {
    const headers: Record<string, string> = { accept: "application/json", authorization: `Bearer ${auth.accessToken}` };
    // The v5 org id is the Platform API's ad account id: the same number, a new name.
    if (spec.context !== false) headers["x-ap-context"] = `adAccountId=${assertAppleId(auth.orgId ?? "", "adAccountId")}`;
    const init: RequestInit = { method, headers, signal: AbortSignal.timeout(timeoutMs) };
    if (spec.body !== undefined) {
      headers["content-type"] = "application/json";
      init.body = JSON.stringify(spec.body);
    }
    const started = performance.now();
    let res: Response;
    let text: string;
    try {
      res = await doFetch(`${base}${path}`, init);
      text = await res.text();
    } catch (err) {
      throw classifyNetworkError(err);
    }
    const body = parseAppleJson(text);
    const remaining = res.headers.get("ratelimit-remaining");
    const level = remaining !== null && Number(remaining) <= LOW_REMAINING ? "info" : "debug";
    log[level]({ method, path, status: res.status, rateLimitRemaining: remaining, ms: Math.round(performance.now() - started) }, "apple platform call");
    if (!res.ok || platformErrorOf(body) !== undefined) {
      throw classifyPlatformFailure({ httpStatus: res.status, body, retryAfter: res.headers.get("retry-after"), rateLimitReset: res.headers.get("ratelimit-reset") });
    }
    if (spec.empty) return { result: undefined as T, pagination: null };
    const read = readPlatformResult(body, spec.schema);
    // A 2xx we cannot read leaves the outcome unknown: treat it like a lost answer.
    if (read === undefined) throw new AppleTransientError(`unexpected answer from Apple for ${method} ${path}`, { httpStatus: res.status });
    return read;
  }

  /** Every row of a query, following offset paging to the end (rows keyed by id: one created between pages must not appear twice). */
  async function queryAll<T extends { id: string }>(path: string, filters: Filter[], auth: AppleAuth, schema: z.ZodType<T[]>): Promise<T[]> {
    const out = new Map<string, T>();
    let offset = 0;
    for (let page = 0; page < MAX_PAGES; page++) {
      const res = await call("POST", path, auth, { schema, body: { filters, pagination: { offset, pageSize, fetchTotalCount: true } } });
      for (const item of res.result) out.set(item.id, item);
      offset += res.result.length;
      const total = res.pagination?.totalCount;
      if (res.result.length === 0 || (total !== undefined && total !== null ? offset >= total : res.result.length < pageSize)) return [...out.values()];
    }
    throw new AppleTransientError(`query ${path} did not end after ${MAX_PAGES} pages`, {});
  }

  const id = (v: string, what: string) => assertAppleId(v, what);
  // Ids in filters go as decimal text: Apple's own examples filter by string ids, and no int64 is rounded on the way.
  const idFilter = (field: string, v: string, what: string): Filter => ({ field, operator: "EQUALS", value: id(v, what) });
  const deleteAnswer = async (path: string, auth: AppleAuth) => {
    await call("DELETE", path, auth, { schema: z.unknown(), empty: true });
  };

  async function getAdGroupIn(campaignId: string, adGroupId: string, auth: AppleAuth) {
    const g = adGroupFromV1((await call("GET", `/adgroups/${id(adGroupId, "adGroupId")}`, auth, { schema: v1AdGroupSchema })).result);
    // v5 answers 404 for an ad group read under another campaign; the flat path cannot, so the client does.
    if (g.campaignId !== undefined && g.campaignId !== campaignId) throw new AppleRequestError(`AdGroup ${adGroupId} was not found in campaign ${campaignId}`, { httpStatus: 404 });
    return g;
  }

  const client: PlatformClient = {
    async createCampaign(fields, auth) {
      return campaignFromV1((await call("POST", "/campaigns", auth, { schema: v1CampaignSchema, body: campaignCreateBody(fields, auth.orgId) })).result);
    },
    async updateCampaign(campaignId, fields, auth) {
      const path = `/campaigns/${id(campaignId, "campaignId")}`;
      const current = fields.countriesOrRegions === undefined ? undefined : (await call("GET", path, auth, { schema: v1CampaignSchema })).result.targeting;
      return campaignFromV1((await call("PUT", path, auth, { schema: v1CampaignSchema, body: campaignUpdateBody(fields, current) })).result);
    },
    async getCampaign(campaignId, auth) {
      return campaignFromV1((await call("GET", `/campaigns/${id(campaignId, "campaignId")}`, auth, { schema: v1CampaignSchema })).result);
    },
    async listCampaigns(auth) {
      return (await queryAll("/campaigns/query", [deletedToo], auth, campaignList)).map(campaignFromV1);
    },
    async deleteCampaign(campaignId, auth) {
      await deleteAnswer(`/campaigns/${id(campaignId, "campaignId")}`, auth);
    },
    async findCampaignByName(name, auth) {
      const hits = await queryAll("/campaigns/query", [{ field: "name", operator: "EQUALS", value: name }], auth, campaignList);
      return pickLiveByName(hits.map(campaignFromV1), name, "campaign");
    },

    async createAdGroup(campaignId, fields, auth) {
      return adGroupFromV1((await call("POST", "/adgroups", auth, { schema: v1AdGroupSchema, body: adGroupCreateBody(campaignId, fields) })).result);
    },
    async updateAdGroup(_campaignId, adGroupId, fields, auth) {
      return adGroupFromV1((await call("PUT", `/adgroups/${id(adGroupId, "adGroupId")}`, auth, { schema: v1AdGroupSchema, body: adGroupUpdateBody(fields) })).result);
    },
    getAdGroup: getAdGroupIn,
    async listAdGroups(campaignId, auth) {
      return (await queryAll("/adgroups/query", [idFilter("campaignId", campaignId, "campaignId"), deletedToo], auth, adGroupList)).map(adGroupFromV1);
    },
    async deleteAdGroup(_campaignId, adGroupId, auth) {
      await deleteAnswer(`/adgroups/${id(adGroupId, "adGroupId")}`, auth);
    },
    async findAdGroupByName(campaignId, name, auth) {
      const filters = [idFilter("campaignId", campaignId, "campaignId"), { field: "name", operator: "EQUALS", value: name }];
      return pickLiveByName((await queryAll("/adgroups/query", filters, auth, adGroupList)).map(adGroupFromV1), name, "ad group");
    },

    // One call per keyword (`POST /v1/keywords`); the dispatcher creates one keyword per write.
    async createKeywords(_campaignId, adGroupId, keywords, auth) {
      const out = [];
      for (const k of keywords) out.push(keywordFromV1((await call("POST", "/keywords", auth, { schema: v1KeywordSchema, body: keywordCreateBody(adGroupId, k) })).result));
      return out;
    },
    async updateKeywords(_campaignId, _adGroupId, updates, auth) {
      const out = [];
      for (const { id: kid, ...u } of updates) {
        out.push(keywordFromV1((await call("PUT", `/keywords/${id(kid, "keywordId")}`, auth, { schema: v1KeywordSchema, body: keywordUpdateBody(u) })).result));
      }
      return out;
    },
    async listKeywords(_campaignId, adGroupId, auth) {
      return (await queryAll("/keywords/query", [idFilter("adGroupId", adGroupId, "adGroupId")], auth, keywordList)).map(keywordFromV1);
    },
    async deleteKeyword(_campaignId, _adGroupId, keywordId, auth) {
      await deleteAnswer(`/keywords/${id(keywordId, "keywordId")}`, auth);
    },

    async listAdAccounts(accessToken) {
      const res = await call("GET", "/acls", { accessToken }, { schema: v1AclsSchema, context: false });
      return res.result.acls.map((a) => ({ id: a.adAccount.id, name: a.adAccount.name, orgId: a.adAccount.orgId, roles: a.roles }));
    },
    async appsReport(level, req, auth) {
      const rows: V1ReportRow[] = [];
      const timeRange = { start: req.start, end: req.end, ...(req.granularity ? { granularity: req.granularity } : {}) };
      for (let offset = 0, page = 0; page < MAX_PAGES; page++) {
        const body = { timeRange, filters: [idFilter("campaignId", req.campaignId, "campaignId")], pagination: { offset, pageSize: 5000 } };
        const res = await call("POST", `/reports/apps/${level}/query`, auth, { schema: v1ReportSchema, body });
        rows.push(...res.result.rows);
        offset += res.result.rows.length;
        const total = res.pagination?.totalCount;
        if (res.result.rows.length === 0 || total === undefined || total === null || offset >= total) return rows;
      }
      throw new AppleTransientError(`report ${level} did not end after ${MAX_PAGES} pages`, {});
    },
  };
  return client;
}
