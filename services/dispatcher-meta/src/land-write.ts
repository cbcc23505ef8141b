import { withQuickRetries, type QuickRetry } from "@layers/dispatch-core";
import type { Logger } from "@layers/runtime";
import { landOnce, type LandState, type LandTarget, type MetaLanded } from "./land-steps.ts";
import type { MetaClient } from "./meta/index.ts";

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
  return withQuickRetries(() => landOnce(meta, log, input, state), quick, () => {
    state.mustReconcile = true;
  });
}
