import { assertCampaignBudgetAllowed } from "../adset-state.ts";
import { patchLedgerFields } from "../campaign-ledger-fields.ts";
import { applyCampaignPatch, deleteCampaign as deleteCampaignState } from "../campaign-state.ts";
import { parseCampaignUpdate, patchFieldNames } from "../campaign-update-input.ts";
import { isValidateOnly } from "../execution-options.ts";
import type { MetaCampaign } from "../meta-types.ts";
import { requireNode, type GraphContext, type GraphResult } from "./graph-context.ts";

/** `POST /{campaign_id}` → `{"success":true}`. A call that names no field changes nothing. */
export function updateCampaign(ctx: GraphContext): GraphResult {
  const current = requireCampaign(ctx);
  const { req, account, store } = ctx;
  const patch = parseCampaignUpdate(req.params, { minDailyBudget: account.minDailyBudget });
  const validateOnly = isValidateOnly(req.params);
  if (patchFieldNames(patch).length === 0) return { body: { success: true } };

  const now = ctx.now.toISOString();
  const { adlabels, ...rest } = patch;
  const labels = adlabels === undefined ? undefined : store.planLabels(account.id, adlabels, now);
  const next = applyCampaignPatch(current, labels === undefined ? rest : { ...rest, adlabelIds: labels.ids }, now);
  assertCampaignBudgetAllowed(current, next, store.adSetsNewestFirst(account.id));
  if (validateOnly) return { body: { success: true } };

  if (labels !== undefined) store.addLabels(account.id, labels.created);
  store.putCampaign(next);
  return { body: { success: true }, mutation: { op: "update", objectId: next.id, fields: patchLedgerFields(patch) } };
}

/** `DELETE /{campaign_id}` → `{"success":true}`; the campaign stays readable by id. */
export function deleteCampaign(ctx: GraphContext): GraphResult {
  const current = requireCampaign(ctx);
  const next = deleteCampaignState(current, ctx.now.toISOString());
  ctx.store.putCampaign(next);
  return { body: { success: true }, mutation: { op: "delete", objectId: next.id, fields: { status: "DELETED" } } };
}

function requireCampaign(ctx: GraphContext): MetaCampaign {
  return requireNode(ctx, "campaign").campaign;
}
