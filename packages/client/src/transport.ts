import { LayersNetworkError, toApiError } from "./errors.ts";
import { DEFAULT_RETRY, isRetryable, parseRetryAfter, retryDelay, type RetryPolicy } from "./retry.ts";

export interface TransportOptions {
  baseUrl: string;
  /** An API key (`lak_…`) or a customer token (JWT). */
  token: string;
  /** Sent as `X-Layers-Organization` on every call: an `org:admin` parent key acting inside a child org. */
  organizationId?: string;
  retry?: Partial<RetryPolicy>;
  fetch?: typeof fetch;
  /** Used between retries (tests pass a fake one). */
  sleep?: (ms: number) => Promise<void>;
  /** Makes Idempotency-Key values (default: crypto.randomUUID). */
  newIdempotencyKey?: () => string;
  userAgent?: string;
}

export interface SendInput {
  method: string;
  /** Path and query, e.g. `/v1/jobs/job_…`. */
  path: string;
  body?: unknown;
  idempotencyKey?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface SendResult {
  status: number;
  headers: Headers;
  /** Parsed JSON, or undefined for an empty answer. */
  body: unknown;
}

const sleepFor = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * One HTTP exchange with retries: adds the credential, an `Idempotency-Key` on every POST (the
 * same key on each attempt, so a retried write runs once), retries 429 / 503 as `retry.ts` says,
 * and turns a final non-2xx answer into a `LayersApiError`.
 */
export function createTransport(opts: TransportOptions): (input: SendInput) => Promise<SendResult> {
  const base = opts.baseUrl.replace(/\/+$/, "");
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...opts.retry };
  const doFetch = opts.fetch ?? globalThis.fetch;
  const sleep = opts.sleep ?? sleepFor;
  const newKey = opts.newIdempotencyKey ?? (() => crypto.randomUUID());

  return async (input) => {
    const method = input.method.toUpperCase();
    const headers: Record<string, string> = {
      accept: "application/json",
      authorization: `Bearer ${opts.token}`,
      ...(opts.userAgent ? { "user-agent": opts.userAgent } : {}),
      ...(opts.organizationId ? { "x-layers-organization": opts.organizationId } : {}),
      ...lowerKeys(input.headers),
    };
    const idempotencyKey = input.idempotencyKey ?? headers["idempotency-key"] ?? (method === "POST" ? newKey() : undefined);
    if (idempotencyKey !== undefined) headers["idempotency-key"] = idempotencyKey;
    const payload = input.body === undefined ? undefined : JSON.stringify(input.body);
    if (payload !== undefined) headers["content-type"] = "application/json";

    for (let attempt = 1; ; attempt++) {
      let res: Response;
      try {
        res = await doFetch(base + input.path, { method, headers, body: payload, signal: input.signal });
      } catch (cause) {
        throw new LayersNetworkError(method, input.path, method === "GET" || idempotencyKey !== undefined, { cause });
      }
      const text = await res.text();
      if (res.ok) return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
      if (isRetryable(method, res.status, idempotencyKey !== undefined)) {
        const wait = retryDelay(attempt, parseRetryAfter(res.headers.get("retry-after"), Date.now()), policy);
        if (wait !== null) {
          await sleep(wait);
          continue;
        }
      }
      throw toApiError({ status: res.status, bodyText: text, requestIdHeader: res.headers.get("x-request-id"), method, path: input.path });
    }
  };
}

function lowerKeys(h: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(h ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
}
