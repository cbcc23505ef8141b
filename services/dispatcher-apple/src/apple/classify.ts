import { appleErrorItems } from "./envelope.ts";
import { type AppleError, type AppleErrorDetail, AppleRequestError, AppleThrottledError, AppleTokenError, AppleTransientError } from "./errors.ts";

export interface AppleFailure {
  httpStatus: number;
  /** The parsed body, if it was JSON. */
  body: unknown;
  /** Raw `Retry-After` header, if present. */
  retryAfter?: string | null;
  /** Clock for an HTTP-date `Retry-After`; defaults to now. */
  nowMs?: number;
}

/**
 * Turns a failed answer into one named, retry-aware error. Apple's HTTP status is the signal (its
 * `messageCode`s are descriptive, not a stable taxonomy): 429 throttle, 401 token, 5xx transient,
 * any other status a refusal. A 2xx that still carries `error.errors` is read as transient: the
 * outcome is unknown, so the caller reconciles rather than failing a write that may have landed.
 */
export function classifyAppleFailure(f: AppleFailure): AppleError {
  const items = appleErrorItems(f.body);
  const first = items[0];
  const detail: AppleErrorDetail = { httpStatus: f.httpStatus };
  if (first?.messageCode !== undefined) detail.messageCode = first.messageCode;
  if (typeof first?.field === "string" && first.field !== "") detail.field = first.field;
  const more = items.length > 1 ? ` (and ${items.length - 1} more)` : "";
  const message = (first?.message ?? `Apple answered HTTP ${f.httpStatus}`) + more;

  if (f.httpStatus === 429) {
    const wait = retryAfterMs(f.retryAfter, f.nowMs ?? Date.now());
    return new AppleThrottledError(message, detail, wait === undefined ? {} : { retryAfterMs: wait });
  }
  if (f.httpStatus === 401) return new AppleTokenError(message, detail);
  if (f.httpStatus >= 500 || (f.httpStatus >= 200 && f.httpStatus < 300)) return new AppleTransientError(message, detail);
  return new AppleRequestError(message, detail);
}

/** fetch rejected: DNS, refused connection, reset, or our own timeout. The request may have reached Apple. */
export function classifyNetworkError(err: unknown): AppleTransientError {
  const name = (err as { name?: string })?.name;
  const what = name === "TimeoutError" || name === "AbortError" ? "request to Apple timed out" : "request to Apple failed";
  const reason = err instanceof Error ? `: ${(err.cause as Error | undefined)?.message ?? err.message}` : "";
  return new AppleTransientError(what + reason, {}, { cause: err });
}

/**
 * `Retry-After` as delay-seconds or an HTTP-date → ms. Undefined when absent, malformed, zero or in
 * the past, leaving the delay to the caller's backoff (Apple documents 2 → 4 → 8 → 16 s).
 */
export function retryAfterMs(header: string | null | undefined, nowMs: number): number | undefined {
  const h = header?.trim();
  if (!h) return undefined;
  if (/^\d+$/.test(h)) {
    const s = Number(h);
    return s > 0 ? s * 1000 : undefined;
  }
  const at = Date.parse(h);
  if (Number.isNaN(at) || !/[a-z]/i.test(h)) return undefined;
  return at > nowMs ? at - nowMs : undefined;
}
