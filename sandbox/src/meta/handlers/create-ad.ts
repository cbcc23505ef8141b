import { adCreateLedgerFields } from "../ad-ledger-fields.ts";
import { parseAdCreate } from "../ad-create-input.ts";
import { buildAd } from "../ad-state.ts";
import { renderAd } from "../ad-view.ts";
import { assertUsableCreative } from "../creative-state.ts";
import { isValidateOnly } from "../execution-options.ts";
import { invalidParam } from "../graph-errors.ts";
import type { GraphContext, GraphResult } from "./graph-context.ts";
import { createdBody } from "./read-after-write.ts";

/** `POST /act_{id}/ads` → `{"id":"…"}`, or `{"success":true}` for validate_only. */
export function createAd(ctx: GraphContext): GraphResult {
  const { req, account, store } = ctx;
  const input = parseAdCreate(req.params);
  const adSet = store.adSet(input.adSetId);
  const campaign = adSet === undefined ? undefined : store.campaign(adSet.campaignId);
  if (adSet === undefined || campaign === undefined || adSet.accountId !== account.id) {
    throw invalidParam("adset_id", `Ad set ${input.adSetId} does not exist on this ad account.`);
  }
  assertUsableCreative(store.creative(input.creativeId), input.creativeId, account.id);
  const validateOnly = isValidateOnly(req.params);
  const now = ctx.now.toISOString();
  const labels = store.planLabels(account.id, input.adlabels, now);
  const ad = buildAd(input, { adSet, campaign }, { id: store.newObjectId(), accountId: account.id, ordinal: 0, adlabelIds: labels.ids, now });
  if (validateOnly) return { body: { success: true } };

  store.addLabels(account.id, labels.created);
  ad.ordinal = store.allocateOrdinal();
  store.putAd(ad);
  const body = createdBody(ctx, ad.id, (sel) => renderAd(ad, sel, store));
  return { body, mutation: { op: "create", objectId: ad.id, fields: adCreateLedgerFields(input) } };
}
