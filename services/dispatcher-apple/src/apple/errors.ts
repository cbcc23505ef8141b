import { PlatformRequestError, PlatformThrottledError, PlatformTokenError, PlatformTransientError } from "@layers/dispatch-core";

/** What Apple said about a failure, kept on every classified error for logs and failure reasons. */
export interface AppleErrorDetail {
  httpStatus?: number;
  /** The first `error.errors[].messageCode`, e.g. `INVALID_ATTRIBUTE_TYPE`, `DUPLICATE_NAME`. */
  messageCode?: string;
  /** The first item's `field`, e.g. `dailyBudgetAmount.amount` or `[1].text` for a bulk item. */
  field?: string;
}

/** HTTP 429: nothing was applied. `retryAfterMs` is set when Apple sent `Retry-After`. */
export class AppleThrottledError extends PlatformThrottledError<AppleErrorDetail> {}

/**
 * A 5xx, a dropped connection, a timeout, or a 2xx we could not read. The call may or may not have
 * applied: Apple has no client request id, so whoever retries a create must first look it up by name.
 */
export class AppleTransientError extends PlatformTransientError<AppleErrorDetail> {}

/** HTTP 401: the org's access token is invalid or expired. Retrying cannot help until a new token is minted. */
export class AppleTokenError extends PlatformTokenError<AppleErrorDetail> {}

/** 400 / 403 / 404 and any other refusal: Apple's first message, code and field are kept verbatim. */
export class AppleRequestError extends PlatformRequestError<AppleErrorDetail> {}

export type AppleError = AppleThrottledError | AppleTransientError | AppleTokenError | AppleRequestError;

export function isAppleError(err: unknown): err is AppleError {
  return (
    err instanceof AppleThrottledError ||
    err instanceof AppleTransientError ||
    err instanceof AppleTokenError ||
    err instanceof AppleRequestError
  );
}
