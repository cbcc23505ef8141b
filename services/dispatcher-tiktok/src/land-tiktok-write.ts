import { withQuickRetries, type Landed, type QuickRetry } from "@layers/dispatch-core";
import { PermanentError, type Logger } from "@layers/runtime";
import type { TikTokCall, TikTokLevel } from "./plan-tiktok-write.ts";
import { tiktokHolds } from "./tiktok-holds.ts";
import { TikTokRequestError, type TikTokAuth, type TikTokClient, type TikTokFields } from "./tiktok/index.ts";

export interface LandInput {
  call: TikTokCall;
  advertiserId: string;
  auth: TikTokAuth;
  /** An earlier claim of this intent may have reached TikTok (its answer, or its recording, was lost). */
  mayHaveLanded: boolean;
  /**
   * Of `ids` (TikTok ids at `level`), those another Layers row already holds. An ad create that
   * looks for itself by name never adopts one of them: that ad is someone else's.
   */
  claimed(level: TikTokLevel, ids: readonly string[]): Promise<ReadonlySet<string>>;
}

/**
 * Puts one write on TikTok at most once. Before any call that might repeat an earlier one
 * (another claim's, or a quick retry after a lost answer) it reconciles:
 * - a campaign or ad group create re-sends under the same `request_id`, which TikTok dedupes;
 * - an ad create (no `request_id` on TikTok) looks for its ad by exact name under its ad group;
 * - an update or status change reads the object and stops if TikTok already holds it.
 * A delete that finds its object already deleted has landed.
 */
export async function landTikTokWrite(tt: TikTokClient, quick: QuickRetry, log: Logger, input: LandInput): Promise<Landed> {
  let mustReconcile = input.mayHaveLanded;
  const { call, advertiserId: adv, auth } = input;

  async function readOne(level: TikTokLevel, id: string, fields: readonly string[]): Promise<Record<string, unknown> | undefined> {
    const f = { includeDeleted: true };
    const list =
      level === "campaign"
        ? await tt.getCampaigns(adv, { ...f, campaignIds: [id] }, auth, fields)
        : level === "adgroup"
          ? await tt.getAdgroups(adv, { ...f, adgroupIds: [id] }, auth, fields)
          : await tt.getAds(adv, { ...f, adIds: [id] }, auth, fields);
    return list[0];
  }

  /** An ad create without a request_id finds itself by exact name under its ad group, among ads no Layers row holds. */
  async function findAd(c: Extract<TikTokCall, { kind: "create_ad" }>): Promise<string[]> {
    const name = String(c.creative.ad_name);
    const named = (await tt.getAds(adv, { adgroupIds: [c.adgroupId], includeDeleted: true }, auth, ["ad_name"])).filter((a) => a.ad_name === name).map((a) => a.ad_id);
    if (named.length === 0) return [];
    const taken = await input.claimed("ad", named);
    return named.filter((id) => !taken.has(id));
  }

  const attempt = async (): Promise<Landed> => {
    switch (call.kind) {
      case "create_campaign":
      case "create_adgroup": {
        // The request_id is the reconcile: TikTok creates once per request_id and answers a repeat with
        // the object the first request made. Whether that first request was an earlier attempt or this
        // one cannot be told from the answer, so `reconciled` says "re-sent after a possible landing".
        const created =
          call.kind === "create_campaign"
            ? (await tt.createCampaign(adv, call.fields, call.requestId, auth)).campaign_id
            : (await tt.createAdgroup(adv, call.fields, call.requestId, auth)).adgroup_id;
        if (mustReconcile) log.info({ platformId: created }, "create re-sent under its request_id after a possible landing");
        return { platformId: created, reconciled: mustReconcile };
      }
      case "create_ad": {
        if (mustReconcile) {
          const found = await findAd(call);
          if (found.length === 1) return reconciled(found[0]!, "create had already landed");
          // Without a request_id a third ad of the same name could be a duplicate: a person decides.
          if (found.length > 1) {
            throw new PermanentError("reconcile_ambiguous", `${found.length} ads named ${JSON.stringify(call.creative.ad_name)} in ad group ${call.adgroupId} and none recorded; not creating another`);
          }
        }
        const [id] = await tt.createAd(adv, call.adgroupId, [call.creative], auth);
        return { platformId: id!, reconciled: false };
      }
      case "update": {
        if (mustReconcile) {
          const current = await readOne(call.level, call.id, Object.keys(call.fields));
          if (current !== undefined && tiktokHolds(current, call.fields)) return reconciled(call.id, "TikTok already holds this update");
        }
        if (call.level === "ad") await tt.updateAd(adv, call.adgroupId, [{ ...call.fields, ad_id: call.id }], auth);
        else if (call.level === "campaign") await tt.updateCampaign(adv, call.id, call.fields, auth);
        else await tt.updateAdgroup(adv, call.id, call.fields, auth);
        return { platformId: call.id, reconciled: false };
      }
      case "status": {
        const holds = async () => tiktokHolds((await readOne(call.level, call.id, ["operation_status"])) ?? {}, { operation_status: call.status } satisfies TikTokFields);
        if (mustReconcile && (await holds())) return reconciled(call.id, `TikTok already holds ${call.status}`);
        try {
          await setStatus(call.level, call.id, call.status);
        } catch (err) {
          // TikTok refuses any status change on a deleted object; for a delete that is the goal reached.
          if (call.status === "DELETE" && err instanceof TikTokRequestError && (await holds())) return reconciled(call.id, "already deleted on TikTok");
          throw err;
        }
        return { platformId: call.id, reconciled: false };
      }
    }
  };

  function reconciled(platformId: string, what: string): Landed {
    log.info({ platformId }, `reconciled: ${what}`);
    return { platformId, reconciled: true };
  }

  async function setStatus(level: TikTokLevel, id: string, status: "ENABLE" | "DISABLE" | "DELETE"): Promise<void> {
    if (level === "campaign") await tt.setCampaignStatus(adv, [id], status, auth);
    else if (level === "adgroup") await tt.setAdgroupStatus(adv, [id], status, auth);
    else await tt.setAdStatus(adv, [id], status, auth);
  }

  return withQuickRetries(attempt, quick, () => {
    mustReconcile = true;
  });
}
