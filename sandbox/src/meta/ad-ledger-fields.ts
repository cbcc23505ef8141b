import { adLabelRefToJson } from "./adlabel-refs.ts";
import type { AdCreateInput } from "./ad-create-input.ts";
import type { AdPatch } from "./ad-update-input.ts";

/** What an ad create applied, in Graph spelling, for the ledger; `creative` as the client sends it. */
export function adCreateLedgerFields(input: AdCreateInput): Record<string, unknown> {
  const f: Record<string, unknown> = {
    name: input.name,
    adset_id: input.adSetId,
    creative: { creative_id: input.creativeId },
    status: input.status,
  };
  if (input.adlabels.length > 0) f.adlabels = input.adlabels.map(adLabelRefToJson);
  return f;
}

/** What an ad update applied, in Graph spelling, for the ledger. */
export function adPatchLedgerFields(patch: AdPatch): Record<string, unknown> {
  const f: Record<string, unknown> = {};
  if (patch.name !== undefined) f.name = patch.name;
  if (patch.status !== undefined) f.status = patch.status;
  if (patch.creativeId !== undefined) f.creative = { creative_id: patch.creativeId };
  if (patch.adlabels !== undefined) f.adlabels = patch.adlabels.map(adLabelRefToJson);
  if (patch.adSetId !== undefined) f.adset_id = patch.adSetId;
  return f;
}
