import pRetry from "p-retry";
import { setTimeout as sleep } from "node:timers/promises";
import type { Landed, QuickRetry } from "@layers/dispatch-core";
import type { Logger } from "@layers/runtime";
import { fieldsToVerify, metaHolds, type MetaWrite } from "./map-campaign.ts";
import { MetaThrottledError, MetaTransientError, type MetaAuth, type MetaClient } from "./meta/index.ts";

export type { QuickRetry };

export interface LandInput {
  plan: MetaWrite;
  auth: MetaAuth;
  platformAccountId: string;
  /** Required for updates: the campaign's id on Meta. */
  platformCampaignId?: string | undefined;
  /** An earlier claim of this intent may have reached Meta (its answer, or its recording, was lost). */
  mayHaveLanded: boolean;
}

export type { Landed };

/** Reads of the campaign list for reconciling a create: just enough to find our marker. */
const MARKER_FIELDS = ["id", "name", "adlabels"] as const;

/**
 * Puts one write on Meta at most once. Before any call that might repeat an earlier one (another
 * claim's, or a quick retry after an answer was lost) it reconciles: a create looks for its marker
 * adlabel, an update reads the campaign and stops if Meta already holds the target values.
 */
export async function landWrite(meta: MetaClient, quick: QuickRetry, log: Logger, input: LandInput): Promise<Landed> {
  let mustReconcile = input.mayHaveLanded;
  const { plan, auth } = input;

  const attempt = async (): Promise<Landed> => {
    if (plan.kind === "create") {
      if (mustReconcile) {
        const all = await meta.listCampaigns(input.platformAccountId, MARKER_FIELDS, auth, { includeArchived: true });
        const found = all.find((c) => c.adlabels?.some((l) => l.name === plan.marker));
        if (found) {
          log.info({ platformCampaignId: found.id }, "reconciled: create had already landed");
          return { platformId: found.id, reconciled: true };
        }
      }
      const { id } = await meta.createCampaign(input.platformAccountId, plan.fields, auth);
      return { platformId: id, reconciled: false };
    }
    const id = input.platformCampaignId;
    if (!id) throw new Error("landWrite: an update needs the platform campaign id");
    if (mustReconcile) {
      const current = await meta.getCampaign(id, fieldsToVerify(plan.fields), auth);
      if (metaHolds(current, plan.fields)) {
        log.info({ platformCampaignId: id }, "reconciled: Meta already holds this update");
        return { platformId: id, reconciled: true };
      }
    }
    await meta.updateCampaign(id, plan.fields, auth);
    return { platformId: id, reconciled: false };
  };

  return pRetry(attempt, {
    retries: quick.retries,
    minTimeout: quick.minMs,
    maxTimeout: quick.maxMs,
    factor: 2,
    randomize: true,
    // Meta's throttles refuse the call; every other retryable failure may have applied it.
    onFailedAttempt: async ({ error, retryDelay, retriesLeft }) => {
      if (error instanceof MetaTransientError) mustReconcile = true;
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
