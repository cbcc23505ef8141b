import { adSetCreateLedgerFields } from "../adset-ledger-fields.ts";
import { parseAdSetCreate } from "../adset-create-input.ts";
import { buildAdSet } from "../adset-state.ts";
import { renderAdSet } from "../adset-view.ts";
import { isValidateOnly } from "../execution-options.ts";
import { invalidParam } from "../graph-errors.ts";
import type { GraphContext, GraphResult } from "./graph-context.ts";
import { createdBody } from "./read-after-write.ts";

/** `POST /act_{id}/adsets` → `{"id":"…"}`, or `{"success":true}` for validate_only. */
export function createAdSet(ctx: GraphContext): GraphResult {
  const { req, account, store } = ctx;
  const input = parseAdSetCreate(req.params, { minDailyBudget: account.minDailyBudget });
  const campaign = store.campaign(input.campaignId);
  if (campaign === undefined || campaign.accountId !== account.id) {
    throw invalidParam("campaign_id", `Campaign ${input.campaignId} does not exist on this ad account.`);
  }
  const validateOnly = isValidateOnly(req.params);
  const now = ctx.now.toISOString();
  const labels = store.planLabels(account.id, input.adlabels, now);
  const adSet = buildAdSet(input, campaign, { id: store.newObjectId(), accountId: account.id, ordinal: 0, adlabelIds: labels.ids, now });
  if (validateOnly) return { body: { success: true } };

  store.addLabels(account.id, labels.created);
  adSet.ordinal = store.allocateOrdinal();
  store.putAdSet(adSet);
  const body = createdBody(ctx, adSet.id, (sel) => renderAdSet(adSet, sel, store));
  return { body, mutation: { op: "create", objectId: adSet.id, fields: adSetCreateLedgerFields(input) } };
}
