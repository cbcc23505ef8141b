import {
  type MetaError,
  type MetaErrorDetail,
  MetaRequestError,
  MetaThrottledError,
  MetaTokenError,
  MetaTransientError,
} from "./errors.ts";

/** Application, user/account, pages and ad-account throttles, plus the business-use-case family. */
const THROTTLE_CODES = new Set([4, 17, 32, 613]);
const isBucThrottle = (code: number) => code >= 80000 && code <= 80014;
/** 190 is the OAuth token error; 102 is the older "API session" variant of the same thing. */
const TOKEN_CODES = new Set([190, 102]);
const TRANSIENT_CODES = new Set([1, 2]);

export interface GraphFailure {
  httpStatus: number;
  /** The parsed body, if it was JSON. */
  body: unknown;
  /** Raw `X-Business-Use-Case-Usage` header, if present. */
  usageHeader?: string | null;
}

interface GraphErrorEnvelope {
  message?: unknown;
  code?: unknown;
  error_subcode?: unknown;
  error_user_msg?: unknown;
  is_transient?: unknown;
  fbtrace_id?: unknown;
}

/** Turns a non-2xx answer (or a 2xx with an `error` body) into one named, retry-aware error. */
export function classifyGraphFailure(f: GraphFailure): MetaError {
  const env = errorEnvelope(f.body);
  const code = typeof env?.code === "number" ? env.code : undefined;
  const detail: MetaErrorDetail = { httpStatus: f.httpStatus };
  if (code !== undefined) detail.code = code;
  if (typeof env?.error_subcode === "number") detail.subcode = env.error_subcode;
  if (typeof env?.fbtrace_id === "string") detail.fbtraceId = env.fbtrace_id;
  const metaMessage = typeof env?.message === "string" ? env.message : undefined;
  const userMessage = typeof env?.error_user_msg === "string" ? env.error_user_msg : undefined;
  const message = metaMessage ?? `Meta answered HTTP ${f.httpStatus}`;

  if ((code !== undefined && (THROTTLE_CODES.has(code) || isBucThrottle(code))) || (code === undefined && f.httpStatus === 429)) {
    const regain = regainAccessMs(f.usageHeader);
    return new MetaThrottledError(message, detail, regain === undefined ? {} : { retryAfterMs: regain });
  }
  if (code !== undefined && TOKEN_CODES.has(code)) return new MetaTokenError(message, detail);
  if (f.httpStatus >= 500 || env?.is_transient === true || (code !== undefined && TRANSIENT_CODES.has(code))) {
    return new MetaTransientError(message, detail);
  }
  // Meta's user-facing text says what to fix (e.g. "Budget Is Too Low"); the technical message keeps the code.
  return new MetaRequestError(userMessage && userMessage !== metaMessage ? `${message}: ${userMessage}` : message, detail);
}

/** fetch rejected: DNS, refused connection, reset, or our own timeout. The request may have reached Meta. */
export function classifyNetworkError(err: unknown): MetaTransientError {
  const name = (err as { name?: string })?.name;
  const what = name === "TimeoutError" || name === "AbortError" ? "request to Meta timed out" : "request to Meta failed";
  const reason = err instanceof Error ? `: ${(err.cause as Error | undefined)?.message ?? err.message}` : "";
  return new MetaTransientError(what + reason, {}, { cause: err });
}

/**
 * `X-Business-Use-Case-Usage` is `{"<id>":[{"type":…,"estimated_time_to_regain_access":<minutes>}]}`.
 * Returns the longest regain time in ms, or undefined when the header is absent, malformed or says 0.
 */
export function regainAccessMs(header: string | null | undefined): number | undefined {
  if (!header) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(header);
  } catch {
    return undefined;
  }
  if (!parsed || typeof parsed !== "object") return undefined;
  let minutes = 0;
  for (const entries of Object.values(parsed)) {
    if (!Array.isArray(entries)) continue;
    for (const e of entries) {
      const m = (e as { estimated_time_to_regain_access?: unknown })?.estimated_time_to_regain_access;
      if (typeof m === "number" && Number.isFinite(m) && m > minutes) minutes = m;
    }
  }
  return minutes > 0 ? minutes * 60_000 : undefined;
}

function errorEnvelope(body: unknown): GraphErrorEnvelope | undefined {
  if (!body || typeof body !== "object") return undefined;
  const e = (body as { error?: unknown }).error;
  return e && typeof e === "object" ? (e as GraphErrorEnvelope) : undefined;
}
