import { withQuickRetries, type Landed, type QuickRetry } from "@layers/dispatch-core";
import type { Logger } from "@layers/runtime";
import { adGroupHolds, campaignHolds, keywordHolds, sameKeyword } from "./apple-holds.ts";
import { AppleRequestError, AppleTransientError, withAudience, type AppleAuth, type AppleClient } from "./apple/index.ts";
import type { AppleWrite } from "./plan-apple-write.ts";

/** Where the write acts on Apple: the platform ids the adapter resolved from the Layers rows. */
export interface AppleIds {
  /** Set for everything but a campaign create. */
  campaignId?: string | undefined;
  /** The ad group written, or the parent of a keyword. */
  adGroupId?: string | undefined;
  keywordId?: string | undefined;
}

export interface LandInput {
  write: AppleWrite;
  ids: AppleIds;
  auth: AppleAuth;
  /** An earlier claim of this intent may have reached Apple (its answer, or its recording, was lost). */
  mayHaveLanded: boolean;
}

/**
 * Puts one write on Apple at most once. Apple has no client request id, so before any call that
 * might repeat an earlier one (a takeover claim, or a quick retry after a lost answer) it looks
 * first: a create finds its object by exact name under its parent (keywords by text and match
 * type), an update reads the object and stops if Apple already holds the target values, and a
 * delete that finds the object deleted counts as landed.
 */
export async function landAppleWrite(apple: AppleClient, quick: QuickRetry, log: Logger, input: LandInput): Promise<Landed> {
  let mustReconcile = input.mayHaveLanded;

  const attempt = async (): Promise<Landed> => {
    if (mustReconcile) {
      const found = await findLanded(apple, input);
      if (found !== undefined) {
        log.info({ platformId: found, write: input.write.kind }, "reconciled: Apple already holds this write");
        return { platformId: found, reconciled: true };
      }
    }
    try {
      return { platformId: await apply(apple, input), reconciled: false };
    } catch (err) {
      // A delete Apple refuses because the object is already gone (deleted outside Layers, or by
      // our own earlier attempt) has what it wanted.
      if (err instanceof AppleRequestError && input.write.kind.startsWith("delete_")) {
        const gone = await findLanded(apple, input).catch(() => undefined);
        if (gone !== undefined) {
          log.info({ platformId: gone, write: input.write.kind }, "reconciled: already deleted on Apple");
          return { platformId: gone, reconciled: true };
        }
      }
      throw err;
    }
  };

  return withQuickRetries(attempt, quick, () => {
    mustReconcile = true;
  });
}

/** The one mutating call; answers the platform id of the object written. */
async function apply(apple: AppleClient, { write, ids, auth }: LandInput): Promise<string> {
  switch (write.kind) {
    case "create_campaign":
      return (await apple.createCampaign(write.fields, auth)).id;
    case "update_campaign":
      await apple.updateCampaign(need(ids.campaignId), write.fields, auth);
      return need(ids.campaignId);
    case "delete_campaign":
      await apple.deleteCampaign(need(ids.campaignId), auth);
      return need(ids.campaignId);
    case "create_adgroup":
      return (await apple.createAdGroup(need(ids.campaignId), write.fields, auth)).id;
    case "update_adgroup": {
      const [cid, gid] = [need(ids.campaignId), need(ids.adGroupId)];
      let fields = write.fields;
      if (write.audience !== undefined) {
        // v5 replaces targetingDimensions whole: carry over the dimensions Layers does not manage.
        const current = await apple.getAdGroup(cid, gid, auth);
        fields = { ...fields, targetingDimensions: withAudience(current.targetingDimensions, write.audience) };
      }
      await apple.updateAdGroup(cid, gid, fields, auth);
      return gid;
    }
    case "delete_adgroup":
      await apple.deleteAdGroup(need(ids.campaignId), need(ids.adGroupId), auth);
      return need(ids.adGroupId);
    case "create_keyword": {
      const [created] = await apple.createKeywords(need(ids.campaignId), need(ids.adGroupId), [write.keyword], auth);
      // A success without the keyword leaves the outcome unknown: reconcile like a lost answer.
      if (created === undefined) throw new AppleTransientError("Apple answered a keyword create without the keyword", {});
      return created.id;
    }
    case "update_keyword":
      await apple.updateKeywords(need(ids.campaignId), need(ids.adGroupId), [{ id: need(ids.keywordId), ...write.fields }], auth);
      return need(ids.keywordId);
    case "delete_keyword":
      await apple.deleteKeyword(need(ids.campaignId), need(ids.adGroupId), need(ids.keywordId), auth);
      return need(ids.keywordId);
  }
}

/** The platform id when Apple already holds this write, else undefined. Reads only. */
async function findLanded(apple: AppleClient, { write, ids, auth }: LandInput): Promise<string | undefined> {
  switch (write.kind) {
    case "create_campaign":
      return (await apple.findCampaignByName(write.fields.name, auth))?.id;
    case "update_campaign":
      return campaignHolds(await apple.getCampaign(need(ids.campaignId), auth), write.fields) ? need(ids.campaignId) : undefined;
    case "delete_campaign":
      return (await apple.getCampaign(need(ids.campaignId), auth)).deleted === true ? need(ids.campaignId) : undefined;
    case "create_adgroup":
      return (await apple.findAdGroupByName(need(ids.campaignId), write.fields.name, auth))?.id;
    case "update_adgroup": {
      const g = await apple.getAdGroup(need(ids.campaignId), need(ids.adGroupId), auth);
      return adGroupHolds(g, write.fields, write.audience) ? g.id : undefined;
    }
    case "delete_adgroup":
      return (await apple.getAdGroup(need(ids.campaignId), need(ids.adGroupId), auth)).deleted === true ? need(ids.adGroupId) : undefined;
    case "create_keyword": {
      const live = await apple.listKeywords(need(ids.campaignId), need(ids.adGroupId), auth);
      return live.find((k) => sameKeyword(k, write.keyword))?.id;
    }
    case "update_keyword": {
      const live = await apple.listKeywords(need(ids.campaignId), need(ids.adGroupId), auth);
      const k = live.find((x) => x.id === ids.keywordId);
      return k !== undefined && keywordHolds(k, write.fields) ? k.id : undefined;
    }
    case "delete_keyword": {
      // The keyword list holds live keywords only: absent (or marked deleted) means deleted.
      const live = await apple.listKeywords(need(ids.campaignId), need(ids.adGroupId), auth);
      const k = live.find((x) => x.id === ids.keywordId);
      return k === undefined || k.deleted === true ? need(ids.keywordId) : undefined;
    }
  }
}

function need(id: string | undefined): string {
  // The adapter resolves every id a write needs before landing; a gap here is a bug, not a refusal.
  if (id === undefined) throw new Error("landAppleWrite: a platform id the write needs was not resolved");
  return id;
}
