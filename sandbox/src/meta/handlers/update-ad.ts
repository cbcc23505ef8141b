import { adPatchLedgerFields } from "../ad-ledger-fields.ts";
import { applyAdPatch, deleteAd as deleteAdState, type AdParents } from "../ad-state.ts";
import { adPatchFieldNames, parseAdUpdate } from "../ad-update-input.ts";
import { assertUsableCreative } from "../creative-state.ts";
import { isValidateOnly } from "../execution-options.ts";
import type { MetaAd } from "../meta-types.ts";
import { requireNode, type GraphContext, type GraphResult } from "./graph-context.ts";

/** `POST /{ad_id}` → `{"success":true}`: rename, status, creative swap, labels. */
export function updateAd(ctx: GraphContext): GraphResult {
  const { current, parents } = adAndParents(ctx);
  const { req, account, store } = ctx;
  const patch = parseAdUpdate(req.params);
  const validateOnly = isValidateOnly(req.params);
  if (adPatchFieldNames(patch).length === 0) return { body: { success: true } };

  const now = ctx.now.toISOString();
  const { adlabels, ...rest } = patch;
  const labels = adlabels === undefined ? undefined : store.planLabels(account.id, adlabels, now);
  const next = applyAdPatch(current, parents, labels === undefined ? rest : { ...rest, adlabelIds: labels.ids }, now);
  if (patch.creativeId !== undefined) assertUsableCreative(store.creative(patch.creativeId), patch.creativeId, account.id);
  if (validateOnly) return { body: { success: true } };

  if (labels !== undefined) store.addLabels(account.id, labels.created);
  store.putAd(next);
  return { body: { success: true }, mutation: { op: "update", objectId: next.id, fields: adPatchLedgerFields(patch) } };
}

/** `DELETE /{ad_id}` → `{"success":true}`; the ad stays readable by id and frees its creative. */
export function deleteAd(ctx: GraphContext): GraphResult {
  const { current, parents } = adAndParents(ctx);
  const next = deleteAdState(current, parents, ctx.now.toISOString());
  ctx.store.putAd(next);
  return { body: { success: true }, mutation: { op: "delete", objectId: next.id, fields: { status: "DELETED" } } };
}

function adAndParents(ctx: GraphContext): { current: MetaAd; parents: AdParents } {
  const current = requireNode(ctx, "ad").ad;
  const adSet = ctx.store.adSet(current.adSetId);
  const campaign = ctx.store.campaign(current.campaignId);
  if (adSet === undefined || campaign === undefined) throw new Error(`ad ${current.id} has lost its ad set or campaign in the store`);
  return { current, parents: { adSet, campaign } };
}
