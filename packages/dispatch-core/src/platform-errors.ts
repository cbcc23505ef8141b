import { PermanentError, RetryableError } from "@layers/runtime";

/**
 * The four ways a platform call fails, shared by every dispatcher's wire client. Each client names
 * its own subclasses (`MetaThrottledError extends PlatformThrottledError<MetaErrorDetail>`) so its
 * callers can tell platforms apart; `detail` keeps what that platform said, for logs and failure
 * reasons.
 */

/** The platform refused for rate reasons; nothing was applied. `retryAfterMs` when it said when. */
export class PlatformThrottledError<D> extends RetryableError {
  readonly detail: D;
  constructor(message: string, detail: D, options?: ErrorOptions & { retryAfterMs?: number }) {
    super(message, options);
    this.detail = detail;
  }
}

/**
 * A 5xx, an answer that cannot be read, a dropped connection or a timeout: the mutation may or may
 * not have happened, so whoever retries a non-idempotent call must reconcile first.
 */
export class PlatformTransientError<D> extends RetryableError {
  readonly detail: D;
  constructor(message: string, detail: D, options?: ErrorOptions) {
    super(message, options);
    this.detail = detail;
  }
}

/** The account's token is expired or revoked: retrying cannot help until the customer reconnects. */
export class PlatformTokenError<D> extends PermanentError {
  readonly detail: D;
  constructor(message: string, detail: D, options?: ErrorOptions) {
    super("token_expired", message, options);
    this.detail = detail;
  }
}

/** Any other refusal (invalid parameter, permissions, state rules); the platform's message is kept verbatim. */
export class PlatformRequestError<D> extends PermanentError {
  readonly detail: D;
  constructor(message: string, detail: D, options?: ErrorOptions) {
    super("platform_rejected", message, options);
    this.detail = detail;
  }
}
