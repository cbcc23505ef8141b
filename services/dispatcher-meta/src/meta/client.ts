import { z } from "zod";
import type { Logger } from "@layers/runtime";
import { classifyGraphFailure, classifyNetworkError } from "./classify.ts";
import { MetaTransientError } from "./errors.ts";
import { actId, encodeForm } from "./form.ts";

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
}

/** The token of the ad account a call acts for; sent per call, never stored in the client. */
export interface MetaAuth {
  accessToken: string;
}

/** A campaign as Graph renders it: ids and money are strings; only requested fields are present. */
export const metaCampaignSchema = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  status: z.string().optional(),
  effective_status: z.string().optional(),
  objective: z.string().optional(),
  daily_budget: z.string().optional(),
  lifetime_budget: z.string().optional(),
  adlabels: z.array(z.looseObject({ id: z.string().optional(), name: z.string() })).optional(),
});
export type MetaCampaign = z.infer<typeof metaCampaignSchema>;

const createdSchema = z.looseObject({ id: z.string() });
const successSchema = z.looseObject({ success: z.literal(true) });
const pageSchema = z.looseObject({
  data: z.array(metaCampaignSchema),
  paging: z.looseObject({ cursors: z.looseObject({ after: z.string().optional() }).optional(), next: z.string().optional() }).optional(),
});

/** Fields of a campaign create or update, in Graph spelling (`daily_budget`, `special_ad_categories`, …). */
export type MetaFields = Readonly<Record<string, unknown>>;

export interface MetaClient {
  createCampaign(accountId: string, fields: MetaFields, auth: MetaAuth): Promise<{ id: string }>;
  updateCampaign(campaignId: string, fields: MetaFields, auth: MetaAuth): Promise<void>;
  getCampaign(campaignId: string, fields: readonly string[], auth: MetaAuth): Promise<MetaCampaign>;
  /**
   * Every campaign of the account, following cursor paging to the end. Meta's edge hides ARCHIVED
   * campaigns unless asked; `includeArchived` asks (DELETED ones are only ever readable by id).
   */
  listCampaigns(accountId: string, fields: readonly string[], auth: MetaAuth, opts?: { includeArchived?: boolean }): Promise<MetaCampaign[]>;
  deleteCampaign(campaignId: string, auth: MetaAuth): Promise<void>;
}

/** Campaign `effective_status` values other than DELETED, which no edge returns. */
const NOT_DELETED = ["ACTIVE", "PAUSED", "ARCHIVED", "IN_PROCESS", "WITH_ISSUES"];

/** A safety stop for cursor loops: 1000 pages of 100 is far beyond any real account. */
const MAX_PAGES = 1000;

export function createMetaClient(opts: MetaClientOptions): MetaClient {
  const base = `${opts.baseUrl.replace(/\/+$/, "")}/${opts.apiVersion ?? "v21.0"}`;
  const doFetch = opts.fetch ?? fetch;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const pageSize = opts.pageSize ?? 100;

  async function call<T>(method: "GET" | "POST" | "DELETE", path: string, params: Record<string, unknown>, auth: MetaAuth, schema: z.ZodType<T>): Promise<T> {
    const url = new URL(`${base}/${path}`);
    const init: RequestInit = { method, signal: AbortSignal.timeout(timeoutMs), headers: { accept: "application/json" } };
    const withToken = { ...params, access_token: auth.accessToken };
    if (method === "POST") {
      init.body = encodeForm(withToken);
      init.headers = { ...init.headers, "content-type": "application/x-www-form-urlencoded" };
    } else {
      for (const [k, v] of encodeForm(withToken)) url.searchParams.set(k, v);
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
    opts.log.debug({ method, path, status: res.status, ms: Math.round(performance.now() - started) }, "meta call");
    const hasError = !!body && typeof body === "object" && "error" in body;
    if (!res.ok || hasError) {
      throw classifyGraphFailure({ httpStatus: res.status, body, usageHeader: res.headers.get("x-business-use-case-usage") });
    }
    const parsed = schema.safeParse(body);
    // A 2xx we cannot read leaves the outcome unknown: treat it like a lost answer.
    if (!parsed.success) throw new MetaTransientError(`unexpected answer from Meta for ${method} ${path}`, { httpStatus: res.status });
    return parsed.data;
  }

  return {
    async createCampaign(accountId, fields, auth) {
      return call("POST", `${actId(accountId)}/campaigns`, { ...fields }, auth, createdSchema);
    },
    async updateCampaign(campaignId, fields, auth) {
      await call("POST", encodeURIComponent(campaignId), { ...fields }, auth, successSchema);
    },
    async getCampaign(campaignId, fields, auth) {
      return call("GET", encodeURIComponent(campaignId), { fields: fields.join(",") }, auth, metaCampaignSchema);
    },
    async listCampaigns(accountId, fields, auth, listOpts = {}) {
      const out: MetaCampaign[] = [];
      let after: string | undefined;
      const effective_status = listOpts.includeArchived ? NOT_DELETED : undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const params: Record<string, unknown> = { fields: fields.join(","), limit: pageSize, after, effective_status };
        const res = await call("GET", `${actId(accountId)}/campaigns`, params, auth, pageSchema);
        out.push(...res.data);
        after = res.paging?.cursors?.after;
        // Meta omits `next` on the last page; the cursor alone is not a signal to continue.
        if (!res.paging?.next || !after || res.data.length === 0) return out;
      }
      throw new MetaTransientError(`campaign list of ${accountId} did not end after ${MAX_PAGES} pages`, {});
    },
    async deleteCampaign(campaignId, auth) {
      await call("DELETE", encodeURIComponent(campaignId), {}, auth, successSchema);
    },
  };
}

function parseJson(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
