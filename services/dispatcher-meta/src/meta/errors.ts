import { PlatformRequestError, PlatformThrottledError, PlatformTokenError, PlatformTransientError } from "@layers/dispatch-core";

/** What Meta said about a failure, kept on every classified error for logs and failure reasons. */
export interface MetaErrorDetail {
  httpStatus?: number;
  code?: number;
  subcode?: number;
  fbtraceId?: string;
}

/** Meta refused for rate reasons; nothing was applied. `retryAfterMs` is set when Meta said when. */
export class MetaThrottledError extends PlatformThrottledError<MetaErrorDetail> {}

/**
 * A 5xx, `is_transient`, code 1/2, a dropped connection or a timeout. The mutation may or may not
 * have happened, so whoever retries a non-idempotent call must reconcile first.
 */
export class MetaTransientError extends PlatformTransientError<MetaErrorDetail> {}

/** Code 190 (and 102): the account's token is expired or revoked. Retrying cannot help until the customer reconnects. */
export class MetaTokenError extends PlatformTokenError<MetaErrorDetail> {}

/** Any other refusal (invalid parameter, permissions, state rules): Meta's message is kept verbatim. */
export class MetaRequestError extends PlatformRequestError<MetaErrorDetail> {}

export type MetaError = MetaThrottledError | MetaTransientError | MetaTokenError | MetaRequestError;

export function isMetaError(err: unknown): err is MetaError {
  return (
    err instanceof MetaThrottledError ||
    err instanceof MetaTransientError ||
    err instanceof MetaTokenError ||
    err instanceof MetaRequestError
  );
}
