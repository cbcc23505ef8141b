import { readEnvelope } from "./envelope.ts";
import {
  type TikTokError,
  type TikTokErrorDetail,
  TikTokRequestError,
  TikTokThrottledError,
  TikTokTokenError,
  TikTokTransientError,
} from "./errors.ts";

/** "App reaches the QPS limit." (Airbyte's TikTok connector marks it RATE_LIMITED). */
export const THROTTLE_CODE = 40100;
/** 40105 revoked/incorrect token (confirmed); 40104 empty and 40102 expired token (third-party lists). */
export const TOKEN_CODES: ReadonlySet<number> = new Set([40105, 40104, 40102]);
/** System errors TikTok asks clients to retry. */
export const TRANSIENT_CODES: ReadonlySet<number> = new Set([50000, 50002]);

export interface TikTokFailure {
  httpStatus: number;
  /** The parsed body, if it was JSON. */
  body: unknown;
  /** Raw HTTP `Retry-After`, if present (TikTok does not document one; a proxy in front may send it). */
  retryAfter?: string | null;
  /** For resolving an HTTP-date `Retry-After`; defaults to the clock. */
  now?: Date;
}

/**
 * Turns an answer that is not a readable `code: 0` envelope into one named, retry-aware error.
 * The envelope code decides when there is one; the HTTP status only when there is not, or for 5xx.
 */
export function classifyTikTokFailure(f: TikTokFailure): TikTokError {
  const env = readEnvelope(f.body);
  const code = env?.code;
  const detail: TikTokErrorDetail = { httpStatus: f.httpStatus };
  if (code !== undefined) detail.code = code;
  if (env?.request_id !== undefined) detail.requestId = env.request_id;
  const message = env?.message ? env.message : code !== undefined ? `TikTok answered code ${code}` : `TikTok answered HTTP ${f.httpStatus}`;

  if (code === THROTTLE_CODE || f.httpStatus === 429) {
    const after = retryAfterMs(f.retryAfter, f.now ?? new Date());
    return new TikTokThrottledError(message, detail, after === undefined ? {} : { retryAfterMs: after });
  }
  if (code !== undefined && TOKEN_CODES.has(code)) return new TikTokTokenError(message, detail);
  if ((code !== undefined && TRANSIENT_CODES.has(code)) || f.httpStatus >= 500) return new TikTokTransientError(message, detail);
  // A 2xx/3xx we cannot read (or `code: 0` reported as a failure by the caller) leaves the outcome unknown.
  if (code === undefined && f.httpStatus < 400) {
    return new TikTokTransientError(`unreadable answer from TikTok (HTTP ${f.httpStatus})`, detail);
  }
  return new TikTokRequestError(message, detail);
}

/** fetch rejected: DNS, refused connection, reset, or our own timeout. The request may have reached TikTok. */
export function classifyNetworkError(err: unknown): TikTokTransientError {
  const name = (err as { name?: string })?.name;
  const what = name === "TimeoutError" || name === "AbortError" ? "request to TikTok timed out" : "request to TikTok failed";
  const reason = err instanceof Error ? `: ${(err.cause as Error | undefined)?.message ?? err.message}` : "";
  return new TikTokTransientError(what + reason, {}, { cause: err });
}

/**
 * HTTP `Retry-After`: delta-seconds or an HTTP-date. Returns ms to wait, or undefined when absent,
 * malformed, or not in the future (the caller's own backoff ladder then decides).
 */
export function retryAfterMs(header: string | null | undefined, now: Date): number | undefined {
  const v = header?.trim();
  if (!v) return undefined;
  if (/^\d+$/.test(v)) {
    const s = Number(v);
    return s > 0 ? s * 1000 : undefined;
  }
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  const ms = at - now.getTime();
  return ms > 0 ? ms : undefined;
}
