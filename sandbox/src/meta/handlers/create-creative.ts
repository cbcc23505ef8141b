import { parseCreativeCreate } from "../creative-create-input.ts";
import { buildCreative } from "../creative-state.ts";
import { renderCreative } from "../creative-view.ts";
import { adLabelRefToJson } from "../adlabel-refs.ts";
import { isValidateOnly } from "../execution-options.ts";
import type { GraphContext, GraphResult } from "./graph-context.ts";
import { createdBody } from "./read-after-write.ts";

/** `POST /act_{id}/adcreatives` → `{"id":"…"}`, or `{"success":true}` for validate_only. */
export function createCreative(ctx: GraphContext): GraphResult {
  const { req, account, store } = ctx;
  const input = parseCreativeCreate(req.params);
  const validateOnly = isValidateOnly(req.params);
  const now = ctx.now.toISOString();
  const labels = store.planLabels(account.id, input.adlabels, now);
  const creative = buildCreative(input, { id: store.newObjectId(), accountId: account.id, ordinal: 0, adlabelIds: labels.ids, now });
  if (validateOnly) return { body: { success: true } };

  store.addLabels(account.id, labels.created);
  creative.ordinal = store.allocateOrdinal();
  store.putCreative(creative);
  const fields: Record<string, unknown> = {};
  if (input.name !== undefined) fields.name = input.name;
  if (input.objectStorySpec !== undefined) fields.object_story_spec = input.objectStorySpec;
  if (input.objectStoryId !== undefined) fields.object_story_id = input.objectStoryId;
  if (input.adlabels.length > 0) fields.adlabels = input.adlabels.map(adLabelRefToJson);
  const body = createdBody(ctx, creative.id, (sel) => renderCreative(creative, sel, store));
  return { body, mutation: { op: "create", objectId: creative.id, fields } };
}
