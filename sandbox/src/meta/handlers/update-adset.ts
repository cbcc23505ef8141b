import { adSetPatchLedgerFields } from "../adset-ledger-fields.ts";
import { applyAdSetPatch, deleteAdSet as deleteAdSetState } from "../adset-state.ts";
import { adSetPatchFieldNames, parseAdSetUpdate } from "../adset-update-input.ts";
import { isValidateOnly } from "../execution-options.ts";
import { adSetBudgetChangeLimit } from "../graph-errors.ts";
import type { MetaAdSet, MetaCampaign } from "../meta-types.ts";
import { requireNode, type GraphContext, type GraphResult } from "./graph-context.ts";

/** `POST /{adset_id}` → `{"success":true}`. A call that names no field changes nothing. */
export function updateAdSet(ctx: GraphContext): GraphResult {
  const { current, campaign } = adSetAndCampaign(ctx);
  const { req, account, store } = ctx;
  const patch = parseAdSetUpdate(req.params, { minDailyBudget: account.minDailyBudget });
  const validateOnly = isValidateOnly(req.params);
  if (adSetPatchFieldNames(patch).length === 0) return { body: { success: true } };

  const now = ctx.now.toISOString();
  const { adlabels, ...rest } = patch;
  const labels = adlabels === undefined ? undefined : store.planLabels(account.id, adlabels, now);
  const next = applyAdSetPatch(current, campaign, labels === undefined ? rest : { ...rest, adlabelIds: labels.ids }, now);
  if (validateOnly) return { body: { success: true } };
  // Only a budget that actually changes counts towards the ad set's limit; a refused change applies nothing.
  const budgetChanges = next.dailyBudget !== current.dailyBudget || next.lifetimeBudget !== current.lifetimeBudget;
  if (budgetChanges && ctx.budgetChanges?.take(`act_${account.id}`, current.id, ctx.now.getTime()).ok === false) throw adSetBudgetChangeLimit(current.id);

  if (labels !== undefined) store.addLabels(account.id, labels.created);
  store.putAdSet(next);
  return { body: { success: true }, mutation: { op: "update", objectId: next.id, fields: adSetPatchLedgerFields(patch) } };
}

/** `DELETE /{adset_id}` → `{"success":true}`; the ad set stays readable by id, its ads read as DELETED. */
export function deleteAdSet(ctx: GraphContext): GraphResult {
  const { current, campaign } = adSetAndCampaign(ctx);
  const next = deleteAdSetState(current, campaign, ctx.now.toISOString());
  ctx.store.putAdSet(next);
  return { body: { success: true }, mutation: { op: "delete", objectId: next.id, fields: { status: "DELETED" } } };
}

function adSetAndCampaign(ctx: GraphContext): { current: MetaAdSet; campaign: MetaCampaign } {
  const current = requireNode(ctx, "adSet").adSet;
  const campaign = ctx.store.campaign(current.campaignId);
  if (campaign === undefined) throw new Error(`ad set ${current.id} has no campaign ${current.campaignId} in the store`);
  return { current, campaign };
}
