/**
 * The base of every named error: carries its cause and says whether trying again can help.
 * Consumer loops map `retryable` to nak-with-delay or terminal handling in one place (ack-policy.ts).
 */
export abstract class LayersError extends Error {
  abstract readonly retryable: boolean;
  /** When retryable: how long to wait before the next attempt, if the failure said so. */
  readonly retryAfterMs: number | undefined;
  constructor(message: string, options?: ErrorOptions & { retryAfterMs?: number }) {
    super(message, options);
    this.name = new.target.name;
    this.retryAfterMs = options?.retryAfterMs;
  }
}

/** A transient failure: a platform 5xx or throttle, a dropped connection, a lost lease race. */
export class RetryableError extends LayersError {
  readonly retryable = true;
}

/** A failure that will fail the same way again: a platform rejecting the request, bad data. */
export class PermanentError extends LayersError {
  readonly retryable = false;
  readonly code: string;
  constructor(code: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }
}

/** A message that does not match its contract: never retried, kept as a dead letter. */
export class MalformedMessageError extends LayersError {
  readonly retryable = false;
}

/** Unknown errors (driver errors, bugs) are treated as retryable: bounded attempts end in a dead letter. */
export function isRetryable(err: unknown): boolean {
  return err instanceof LayersError ? err.retryable : true;
}
