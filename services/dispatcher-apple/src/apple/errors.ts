import { PermanentError, RetryableError } from "@layers/runtime";

/** What Apple said about a failure, kept on every classified error for logs and failure reasons. */
export interface AppleErrorDetail {
  httpStatus?: number;
  /** The first `error.errors[].messageCode`, e.g. `INVALID_ATTRIBUTE_TYPE`, `DUPLICATE_NAME`. */
  messageCode?: string;
  /** The first item's `field`, e.g. `dailyBudgetAmount.amount` or `[1].text` for a bulk item. */
  field?: string;
}

/** HTTP 429: nothing was applied. `retryAfterMs` is set when Apple sent `Retry-After`. */
export class AppleThrottledError extends RetryableError {
  readonly detail: AppleErrorDetail;
  constructor(message: string, detail: AppleErrorDetail, options?: ErrorOptions & { retryAfterMs?: number }) {
    super(message, options);
    this.detail = detail;
  }
}

/**
 * A 5xx, a dropped connection, a timeout, or a 2xx we could not read. The call may or may not have
 * applied: Apple has no client request id, so whoever retries a create must first look it up by name.
 */
export class AppleTransientError extends RetryableError {
  readonly detail: AppleErrorDetail;
  constructor(message: string, detail: AppleErrorDetail, options?: ErrorOptions) {
    super(message, options);
    this.detail = detail;
  }
}

/** HTTP 401: the org's access token is invalid or expired. Retrying cannot help until a new token is minted. */
export class AppleTokenError extends PermanentError {
  readonly detail: AppleErrorDetail;
  constructor(message: string, detail: AppleErrorDetail, options?: ErrorOptions) {
    super("token_expired", message, options);
    this.detail = detail;
  }
}

/** 400 / 403 / 404 and any other refusal: Apple's first message, code and field are kept verbatim. */
export class AppleRequestError extends PermanentError {
  readonly detail: AppleErrorDetail;
  constructor(message: string, detail: AppleErrorDetail, options?: ErrorOptions) {
    super("platform_rejected", message, options);
    this.detail = detail;
  }
}

export type AppleError = AppleThrottledError | AppleTransientError | AppleTokenError | AppleRequestError;

export function isAppleError(err: unknown): err is AppleError {
  return (
    err instanceof AppleThrottledError ||
    err instanceof AppleTransientError ||
    err instanceof AppleTokenError ||
    err instanceof AppleRequestError
  );
}
