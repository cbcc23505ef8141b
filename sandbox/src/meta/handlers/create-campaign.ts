import { buildCampaign } from "../build-campaign.ts";
import { parseCampaignCreate } from "../campaign-create-input.ts";
import { createLedgerFields } from "../campaign-ledger-fields.ts";
import { renderCampaign } from "../campaign-view.ts";
import { isValidateOnly } from "../execution-options.ts";
import type { GraphContext, GraphResult } from "./graph-context.ts";
import { createdBody } from "./read-after-write.ts";

/** `POST /act_{id}/campaigns` → `{"id":"…"}`, or `{"success":true}` for validate_only. */
export function createCampaign(ctx: GraphContext): GraphResult {
  const { req, account, store } = ctx;
  const input = parseCampaignCreate(req.params, { minDailyBudget: account.minDailyBudget });
  const validateOnly = isValidateOnly(req.params);
  const now = ctx.now.toISOString();
  const labels = store.planLabels(account.id, input.adlabels, now);
  const campaign = buildCampaign(input, { id: store.newCampaignId(), accountId: account.id, ordinal: 0, adlabelIds: labels.ids, now });
  if (validateOnly) return { body: { success: true } };

  store.addLabels(account.id, labels.created);
  campaign.ordinal = store.allocateOrdinal();
  store.putCampaign(campaign);
  const body = createdBody(ctx, campaign.id, (sel) => renderCampaign(campaign, sel, (id) => store.label(id)));
  return { body, mutation: { op: "create", objectId: campaign.id, fields: createLedgerFields(input) } };
}
