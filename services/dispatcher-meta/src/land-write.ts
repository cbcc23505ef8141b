import pRetry from "p-retry";
import { setTimeout as sleep } from "node:timers/promises";
import type { QuickRetry } from "@layers/dispatch-core";
import type { Logger } from "@layers/runtime";
import { landOnce, type LandState, type LandTarget, type MetaLanded } from "./land-steps.ts";
import { MetaThrottledError, MetaTransientError, type MetaClient } from "./meta/index.ts";

export type { QuickRetry };
export type { MetaLanded };

export interface LandInput extends LandTarget {
  /** An earlier claim of this intent may have reached Meta (its answer, or its recording, was lost). */
  mayHaveLanded: boolean;
}

/**
 * Puts one write on Meta at most once, with a few quick retries. Before any call that might
 * repeat an earlier one (another claim's, or a quick retry after an answer was lost) it
 * reconciles (`land-steps.ts`); a two-step write keeps the creative it made across retries.
 */
export async function landWrite(meta: MetaClient, quick: QuickRetry, log: Logger, input: LandInput): Promise<MetaLanded> {
  const state: LandState = { mustReconcile: input.mayHaveLanded };
  return pRetry(() => landOnce(meta, log, input, state), {
    retries: quick.retries,
    minTimeout: quick.minMs,
    maxTimeout: quick.maxMs,
    factor: 2,
    randomize: true,
    // Meta's throttles refuse the call; every other retryable failure may have applied it.
    onFailedAttempt: async ({ error, retryDelay, retriesLeft }) => {
      if (error instanceof MetaTransientError) state.mustReconcile = true;
      const wait = error instanceof MetaThrottledError ? error.retryAfterMs : undefined;
      if (retriesLeft > 0 && wait !== undefined && wait <= quick.maxMs && wait > retryDelay) await sleep(wait - retryDelay);
    },
    shouldRetry: ({ error }) => {
      if (error instanceof MetaTransientError) return true;
      if (error instanceof MetaThrottledError) return error.retryAfterMs === undefined || error.retryAfterMs <= quick.maxMs;
      return false;
    },
  });
}
