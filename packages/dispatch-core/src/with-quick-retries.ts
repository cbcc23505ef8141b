import pRetry from "p-retry";
import { setTimeout as sleep } from "node:timers/promises";
import type { QuickRetry } from "./config.ts";
import { PlatformThrottledError, PlatformTransientError } from "./platform-errors.ts";

/**
 * Runs one landing attempt with the few quick retries a delivery allows. A throttle refused the
 * call, so it is retried after the wait the platform asked for, when that fits `quick.maxMs` (a
 * longer one goes back to the stream). Any other retryable failure may have applied the call:
 * `onMayHaveApplied` tells the attempt to reconcile before calling again. Refusals are not retried.
 */
export async function withQuickRetries<T>(attempt: () => Promise<T>, quick: QuickRetry, onMayHaveApplied: () => void): Promise<T> {
  return pRetry(attempt, {
    retries: quick.retries,
    minTimeout: quick.minMs,
    maxTimeout: quick.maxMs,
    factor: 2,
    randomize: true,
    onFailedAttempt: async ({ error, retryDelay, retriesLeft }) => {
      if (error instanceof PlatformTransientError) onMayHaveApplied();
      const wait = error instanceof PlatformThrottledError ? error.retryAfterMs : undefined;
      if (retriesLeft > 0 && wait !== undefined && wait <= quick.maxMs && wait > retryDelay) await sleep(wait - retryDelay);
    },
    shouldRetry: ({ error }) => {
      if (error instanceof PlatformTransientError) return true;
      if (error instanceof PlatformThrottledError) return error.retryAfterMs === undefined || error.retryAfterMs <= quick.maxMs;
      return false;
    },
  });
}
