import { PlatformRequestError, PlatformThrottledError, PlatformTokenError, PlatformTransientError } from "@layers/dispatch-core";

/** What TikTok said about a failure, kept on every classified error for logs and failure reasons. */
export interface TikTokErrorDetail {
  httpStatus?: number;
  /** The envelope `code` (non-zero on failure; TikTok usually answers HTTP 200 even then). */
  code?: number;
  /** TikTok's own id of the answer (the envelope `request_id`), what TikTok support asks for. */
  requestId?: string;
}

/** Code 40100 ("App reaches the QPS limit.") or HTTP 429; nothing was applied. `retryAfterMs` when TikTok said when. */
export class TikTokThrottledError extends PlatformThrottledError<TikTokErrorDetail> {}

/**
 * HTTP 5xx, code 50000/50002, an answer we cannot read, a dropped connection or a timeout. The
 * mutation may or may not have happened: a create retried with the same `request_id` is deduped
 * by TikTok, anything else must be reconciled by whoever retries.
 */
export class TikTokTransientError extends PlatformTransientError<TikTokErrorDetail> {}

/** Codes 40105/40104/40102: the advertiser's token is revoked, expired or missing. Retrying cannot help until the customer reconnects. */
export class TikTokTokenError extends PlatformTokenError<TikTokErrorDetail> {}

/** Any other refusal (40002 invalid parameter, 40001 permission, …): TikTok's message is kept verbatim. */
export class TikTokRequestError extends PlatformRequestError<TikTokErrorDetail> {}

export type TikTokError = TikTokThrottledError | TikTokTransientError | TikTokTokenError | TikTokRequestError;

export function isTikTokError(err: unknown): err is TikTokError {
  return (
    err instanceof TikTokThrottledError ||
    err instanceof TikTokTransientError ||
    err instanceof TikTokTokenError ||
    err instanceof TikTokRequestError
  );
}
