import { randomUUID } from "node:crypto";

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** A partner's (or customer's) HTTP client: real requests against the listening gateway. */
export function apiClient(baseUrl: string, bearer: string) {
  const call = async <T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> => {
    const res = await fetch(baseUrl + path, {
      method,
      headers: {
        authorization: `Bearer ${bearer}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  };
  return {
    get: <T = any>(path: string, headers?: Record<string, string>) => call<T>("GET", path, undefined, headers),
    post: <T = any>(path: string, body?: unknown, headers: Record<string, string> = {}) =>
      call<T>("POST", path, body ?? {}, { "idempotency-key": randomUUID(), ...headers }),
    patch: <T = any>(path: string, body: unknown, headers?: Record<string, string>) => call<T>("PATCH", path, body, headers),
    put: <T = any>(path: string, body: unknown, headers?: Record<string, string>) => call<T>("PUT", path, body, headers),
    raw: call,
  };
}
export type ApiClient = ReturnType<typeof apiClient>;

/** Polls until `fn` returns a value that is not undefined (or the deadline passes). */
export async function eventually<T>(fn: () => Promise<T | undefined>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await fn();
      if (v !== undefined) return v;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ""}`);
}

export async function waitForJob(api: ApiClient, jobId: string, timeoutMs = 15_000) {
  return eventually(async () => {
    const r = await api.get(`/v1/jobs/${jobId}`);
    return ["completed", "failed", "canceled"].includes(r.body?.status) ? r.body : undefined;
  }, `job ${jobId} to finish`, timeoutMs);
}

export interface LedgerEntry {
  seq: number;
  op: "create" | "update" | "delete";
  objectId: string;
  account: string;
  fields: Record<string, unknown>;
}

export interface LedgerEntryWithPath extends LedgerEntry {
  method: string;
  path: string;
}

export async function ledger(sandboxUrl: string, account?: string, platform: "meta" | "tiktok" | "apple" = "meta"): Promise<LedgerEntryWithPath[]> {
  const q = new URLSearchParams({ platform, ...(account ? { account } : {}) });
  const res = await fetch(`${sandboxUrl}/_sandbox/ledger?${q}`);
  return ((await res.json()) as { entries: LedgerEntryWithPath[] }).entries;
}
