import { applyCreativePatch, deleteCreative as deleteCreativeState } from "../creative-state.ts";
import { parseCreativeUpdate } from "../creative-update-input.ts";
import { adEffectiveStatus } from "../effective-status.ts";
import { isValidateOnly } from "../execution-options.ts";
import { requireNode, type GraphContext, type GraphResult } from "./graph-context.ts";

/** `POST /{creative_id}` → `{"success":true}`: a creative can only be renamed. */
export function updateCreative(ctx: GraphContext): GraphResult {
  const current = requireNode(ctx, "creative").creative;
  const patch = parseCreativeUpdate(ctx.req.params);
  const validateOnly = isValidateOnly(ctx.req.params);
  if (patch.name === undefined) return { body: { success: true } };
  const next = applyCreativePatch(current, patch, ctx.now.toISOString());
  if (validateOnly) return { body: { success: true } };
  ctx.store.putCreative(next);
  return { body: { success: true }, mutation: { op: "update", objectId: next.id, fields: { name: patch.name } } };
}

/** `DELETE /{creative_id}` → `{"success":true}`, refused while an ad that is not deleted shows it. */
export function deleteCreative(ctx: GraphContext): GraphResult {
  const current = requireNode(ctx, "creative").creative;
  const { store } = ctx;
  const liveAdIds = store
    .adsNewestFirst(current.accountId)
    .filter((a) => a.creativeId === current.id)
    .filter((a) => adEffectiveStatus(a.status, store.adSet(a.adSetId)?.status, store.campaign(a.campaignId)?.status) !== "DELETED")
    .map((a) => a.id);
  const next = deleteCreativeState(current, liveAdIds, ctx.now.toISOString());
  store.putCreative(next);
  return { body: { success: true }, mutation: { op: "delete", objectId: next.id, fields: { status: "DELETED" } } };
}
