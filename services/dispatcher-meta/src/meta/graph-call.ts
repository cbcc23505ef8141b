import type { z } from "zod";
import type { Logger } from "@layers/runtime";
import { classifyGraphFailure, classifyNetworkError } from "./classify.ts";
import { MetaTransientError } from "./errors.ts";
import { encodeForm } from "./form.ts";
import { pageSchemaOf } from "./schemas.ts";
import { parseBusinessUsage, type BusinessUsage } from "./usage.ts";

export interface GraphCallOptions {
  /** Graph host without version, e.g. `https://graph.facebook.com` or the sandbox URL. */
  baseUrl: string;
  apiVersion?: string | undefined;
  /** Per-request timeout; a timed-out write may still have landed (callers reconcile). */
  timeoutMs?: number | undefined;
  /** Page size for list edges. */
  pageSize?: number | undefined;
  fetch?: typeof fetch | undefined;
  log: Logger;
  /** Every `X-Business-Use-Case-Usage` reading Meta sends (answers and refusals alike), for the call budgets. */
  onUsage?: ((usage: BusinessUsage) => void) | undefined;
}

/** The token of the ad account a call acts for; sent per call, never stored in the client. */
export interface MetaAuth {
  accessToken: string;
}

export type GraphMethod = "GET" | "POST" | "DELETE";

/** A safety stop for cursor loops: 1000 pages of 100 is far beyond any real account. */
const MAX_PAGES = 1000;

/**
 * One Graph request (form-encoded writes, query-string reads) classified into the named Meta
 * errors, and an edge reader that follows cursors to the end. The typed calls in `client.ts`
 * are built on these two.
 */
export function createGraphCaller(opts: GraphCallOptions) {
  const base = `${opts.baseUrl.replace(/\/+$/, "")}/${opts.apiVersion ?? "v21.0"}`;
  const doFetch = opts.fetch ?? fetch;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const pageSize = opts.pageSize ?? 100;

  async function call<T>(method: GraphMethod, path: string, params: Record<string, unknown>, auth: MetaAuth, schema: z.ZodType<T>): Promise<T> {
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
    if (opts.onUsage) for (const u of parseBusinessUsage(res.headers.get("x-business-use-case-usage"))) opts.onUsage(u);
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

  /** Every item of an edge. Meta omits `next` on the last page; the cursor alone is not a signal to continue. */
  async function list<T>(path: string, params: Record<string, unknown>, auth: MetaAuth, item: z.ZodType<T>): Promise<T[]> {
    const page = pageSchemaOf(item);
    const out: T[] = [];
    let after: string | undefined;
    for (let n = 0; n < MAX_PAGES; n++) {
      const res = (await call("GET", path, { ...params, limit: pageSize, after }, auth, page)) as { data: T[]; paging?: { cursors?: { after?: string }; next?: string } };
      out.push(...res.data);
      after = res.paging?.cursors?.after;
      if (!res.paging?.next || !after || res.data.length === 0) return out;
    }
    throw new MetaTransientError(`${path} did not end after ${MAX_PAGES} pages`, {});
  }

  return { call, list };
}

function parseJson(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
